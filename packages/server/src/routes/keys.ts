import { api, createKey, listKeys, revokeKey } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** API keys for machines (admins only): the secret is in the create response and nowhere else. */
export const keys: RouteGroup = {
  prefix: '/api/v1/keys',
  tag: 'admin',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'admin' },
      schema: { summary: 'Every key, revoked ones included; never a secret', response: { 200: api.keysResponse } },
      handler: (req) => req.server.tenure.view(['keys'], async (ws) => ({ keys: await listKeys(ws) })),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'admin' },
      schema: {
        summary: 'Create a key: `key` is shown this once',
        body: api.newKeyBody,
        response: { 201: api.newKeyResponse },
      },
      handler: async (req, reply) => {
        const createdBy = req.actor?.name;
        const key = await req.server.tenure.db((ws) =>
          createKey(ws, { ...req.body, ...(createdBy ? { createdBy } : {}) }),
        );
        req.auditTarget = key.id;
        return reply.code(201).send(key);
      },
    }),
    route({
      method: 'DELETE',
      url: '/:id',
      config: { access: 'admin' },
      schema: {
        summary: 'Revoke a key: it stops working at once',
        params: api.keyParams,
        response: { 200: api.apiKeySchema },
      },
      handler: async (req) => {
        const key = await req.server.tenure.db((ws) => revokeKey(ws, req.params.id));
        req.server.tenure.forgetCredentials();
        return key;
      },
    }),
  ],
};
