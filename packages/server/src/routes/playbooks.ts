import {
  type Actor,
  api,
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  runPlaybook,
  savePlaybook,
  setPlaybookEnabled,
} from '@tenure/core';
import type { FastifyRequest } from 'fastify';
import { type RouteGroup, route } from '../route.ts';

const VERSIONED =
  'Send the playbook `version` you read: if it has changed since, nothing is written and the answer is 409 TEN_PLAYBOOK_STALE with the current `version`';

/**
 * A body as core takes it: core checks a definition with the same schema and names every bad part in one
 * TEN_PLAYBOOK_INVALID (422) with its paths, and what it names against the workspace by code, so these routes
 * attach Fastify's verdict rather than answer 400.
 */
const bodyOf = (req: FastifyRequest): Record<string, unknown> => {
  const b = req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};

/**
 * Playbooks (docs/playbooks.md): viewers read them, analysts run them (a run opens cases, an analyst's work),
 * admins add, change, switch and delete them. Writes go through the case-write lane: a run's cases are
 * people's work, never queued behind an import.
 */
export const playbooks: RouteGroup = {
  prefix: '/api/v1/playbooks',
  tag: 'cases',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: { summary: 'Every playbook, by id', response: { 200: api.playbooksResponse } },
      handler: async (req) => ({ playbooks: await req.server.tenure.db(listPlaybooks) }),
    }),
    route({
      method: 'GET',
      url: '/:id',
      config: { access: 'viewer' },
      schema: {
        summary: 'One playbook (404 TEN_PLAYBOOK_NOT_FOUND)',
        params: api.playbookParams,
        response: { 200: api.playbookResponse },
      },
      handler: (req) => req.server.tenure.db((ws) => getPlaybook(ws, req.params.id)),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'admin' },
      attachValidation: true,
      schema: {
        summary:
          'Add a playbook → 201 at version 1 (422 TEN_PLAYBOOK_INVALID naming each bad part; TEN_PLAYBOOK_UNKNOWN_FIELD, _RULE, _TIER, _TEAM for a name the workspace lacks; 409 TEN_PLAYBOOK_EXISTS)',
        body: api.newPlaybookBody,
        response: { 201: api.playbookResponse },
      },
      handler: async (req, reply) => {
        const p = await req.server.tenure.caseWrite((ws) => savePlaybook(ws, req.actor as Actor, bodyOf(req)));
        req.auditTarget = p.id;
        return reply.code(201).send(p);
      },
    }),
    route({
      method: 'PUT',
      url: '/:id',
      config: { access: 'admin' },
      attachValidation: true,
      schema: {
        summary: `Change a playbook: its whole definition, checked as when added. ${VERSIONED}`,
        params: api.playbookParams,
        body: api.playbookChangeBody,
        response: { 200: api.playbookResponse },
      },
      handler: (req) => {
        req.auditTarget = req.params.id;
        const input = { ...bodyOf(req), id: req.params.id };
        return req.server.tenure.caseWrite((ws) => savePlaybook(ws, req.actor as Actor, input));
      },
    }),
    route({
      method: 'PUT',
      url: '/:id/enabled',
      config: { access: 'admin' },
      schema: {
        summary: `Switch a playbook on or off (\`enabled\`): scorings and imports run only those on. ${VERSIONED}`,
        params: api.playbookParams,
        body: api.playbookEnabledBody,
        response: { 200: api.playbookResponse },
      },
      handler: (req) => {
        req.auditTarget = req.params.id;
        const { enabled, version } = req.body;
        return req.server.tenure.caseWrite((ws) =>
          setPlaybookEnabled(ws, req.actor as Actor, req.params.id, enabled, version),
        );
      },
    }),
    route({
      method: 'DELETE',
      url: '/:id',
      config: { access: 'admin' },
      schema: {
        summary: `Remove a playbook (\`?version=\` the one read); the cases it opened and its runs stay. ${VERSIONED}`,
        params: api.playbookParams,
        querystring: api.playbookDeleteQuery,
        response: { 204: api.noContent },
      },
      handler: async (req, reply) => {
        req.auditTarget = req.params.id;
        await req.server.tenure.caseWrite((ws) => deletePlaybook(ws, req.params.id, req.query.version));
        return reply.code(204).send(null);
      },
    }),
    route({
      method: 'POST',
      url: '/:id/runs',
      config: { access: 'analyst' },
      schema: {
        summary:
          "Run a playbook now: its trigger, or `at_risk` the latest scoring's at-risk list; `dry_run` counts and opens nothing. Answers the counts: matched, created and every skip by why",
        params: api.playbookParams,
        body: api.runPlaybookBody,
        response: { 200: api.playbookRunResponse },
      },
      handler: (req) => {
        req.auditTarget = req.params.id;
        return req.server.tenure.caseWrite((ws) => runPlaybook(ws, req.actor as Actor, req.params.id, req.body));
      },
    }),
  ],
};
