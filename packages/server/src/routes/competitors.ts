import { api, benchmarkTrends, winLoss } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** The competitors page: benchmarks over time against ours, and win–loss by competitor. */
export const competitors: RouteGroup = {
  prefix: '/api/v1',
  tag: 'dashboard',
  routes: [
    route({
      method: 'GET',
      url: '/benchmarks/trends',
      config: { access: 'viewer' },
      schema: {
        summary: 'Each benchmark source per metric over time beside ours, the gap and its trend',
        response: { 200: api.benchmarkTrendsResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['benchmark-trends'], async (ws) => api.toWire(await benchmarkTrends(ws))),
    }),
    route({
      method: 'GET',
      url: '/competitors/win-loss',
      config: { access: 'viewer' },
      schema: {
        summary: 'Customers lost to each named competitor (MRR, reasons) and won back, per period',
        querystring: api.winLossQuery,
        response: { 200: api.winLossResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['win-loss', req.query], async (ws) => api.toWire(await winLoss(ws, req.query))),
    }),
  ],
};
