import { addTeamMember, api, createTeam, deleteTeam, listTeams, relabelTeam, removeTeamMember } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/**
 * Teams and their members (docs/cases.md, teams): viewers read them (the inbox's team filter, a case's team),
 * admins change them. Small writes without queues of their own: the read lane, as users' and keys' are.
 */
export const teams: RouteGroup = {
  prefix: '/api/v1/teams',
  tag: 'cases',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: { summary: 'Every team with its labels (en, zh-CN) and members', response: { 200: api.teamsResponse } },
      handler: async (req) => ({ teams: await req.server.tenure.db(listTeams) }),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'admin' },
      schema: {
        summary: 'Add a team with its labels in both languages (409 TEN_TEAM_EXISTS when the id is taken)',
        body: api.createTeamBody,
        response: { 201: api.teamSchema },
      },
      handler: async (req, reply) => {
        req.auditTarget = req.body.team;
        return reply.code(201).send(await req.server.tenure.db((ws) => createTeam(ws, req.body)));
      },
    }),
    route({
      method: 'PATCH',
      url: '/:team',
      config: { access: 'admin' },
      schema: {
        summary: "Change a team's labels (`label_en`, `label_zh`); its id stays",
        params: api.teamParams,
        body: api.relabelTeamBody,
        response: { 200: api.teamSchema },
      },
      handler: (req) => req.server.tenure.db((ws) => relabelTeam(ws, req.params.team, req.body)),
    }),
    route({
      method: 'DELETE',
      url: '/:team',
      config: { access: 'admin' },
      schema: {
        summary: 'Delete a team and its memberships (409 TEN_TEAM_IN_USE while it has open cases)',
        params: api.teamParams,
        response: { 204: api.noContent },
      },
      handler: async (req, reply) => {
        await req.server.tenure.db((ws) => deleteTeam(ws, req.params.team));
        return reply.code(204).send(null);
      },
    }),
    route({
      method: 'POST',
      url: '/:team/members',
      config: { access: 'admin' },
      schema: {
        summary: 'Add a user (`username`) to a team (422 TEN_TEAM_UNKNOWN_USER for a name that is no user)',
        params: api.teamParams,
        body: api.teamMemberBody,
        response: { 200: api.teamSchema },
      },
      handler: (req) => req.server.tenure.db((ws) => addTeamMember(ws, req.params.team, req.body.username)),
    }),
    route({
      method: 'DELETE',
      url: '/:team/members/:username',
      config: { access: 'admin' },
      schema: {
        summary: 'Take a user out of a team; the cases they own stay theirs until reassigned',
        params: api.teamMemberParams,
        response: { 200: api.teamSchema },
      },
      handler: (req) => req.server.tenure.db((ws) => removeTeamMember(ws, req.params.team, req.params.username)),
    }),
  ],
};
