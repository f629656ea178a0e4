import { api, listAudit } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** The audit log of every write (admins only). */
export const audit: RouteGroup = {
  prefix: '/api/v1/audit',
  tag: 'admin',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'admin' },
      schema: {
        summary: 'Who wrote what and when, newest first',
        querystring: api.pageQuery,
        response: { 200: api.auditResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['audit', req.query], async (ws) =>
          api.toWire(await listAudit(ws, api.camelKeys(req.query))),
        ),
    }),
  ],
};
