import { addUser, api, listUsers, removeUser, updateUser } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** Users of the dashboard (admins only). Passwords are write-only. */
export const users: RouteGroup = {
  prefix: '/api/v1/users',
  tag: 'admin',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'admin' },
      schema: { summary: 'Every user and role', response: { 200: api.usersResponse } },
      handler: (req) => req.server.tenure.view(['users'], async (ws) => ({ users: await listUsers(ws) })),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'admin' },
      schema: { summary: 'Add a user', body: api.newUserBody, response: { 201: api.userSchema } },
      handler: async (req, reply) => {
        req.auditTarget = req.body.username;
        return reply.code(201).send(await req.server.tenure.db((ws) => addUser(ws, req.body)));
      },
    }),
    route({
      method: 'PATCH',
      url: '/:username',
      config: { access: 'admin' },
      schema: {
        summary: "Change a user's role or password (a new password ends their sessions)",
        params: api.userParams,
        body: api.userChangeBody,
        response: { 200: api.userSchema },
      },
      handler: async (req) => {
        const user = await req.server.tenure.db((ws) => updateUser(ws, req.params.username, req.body));
        req.server.tenure.forgetCredentials();
        return user;
      },
    }),
    route({
      method: 'DELETE',
      url: '/:username',
      config: { access: 'admin' },
      schema: {
        summary: 'Remove a user and end their sessions',
        params: api.userParams,
        response: { 204: api.noContent },
      },
      handler: async (req, reply) => {
        await req.server.tenure.db((ws) => removeUser(ws, req.params.username));
        req.server.tenure.forgetCredentials();
        return reply.code(204).send(null);
      },
    }),
  ],
};
