import { api } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';
import { version } from '../version.ts';

/** Liveness for load balancers and `tenure serve`'s own check: the only route open to anonymous callers. */
export const health: RouteGroup = {
  prefix: '/api',
  tag: 'health',
  routes: [
    route({
      method: 'GET',
      url: '/health',
      config: { access: 'anyone' },
      schema: { summary: 'Is the server up', response: { 200: api.healthResponse } },
      handler: async () => ({ status: 'ok' as const, version }),
    }),
  ],
};
