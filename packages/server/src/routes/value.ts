import { api, valuePyramid } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** The customer pyramid: value tiers with their profit and churn (core segments/pyramid.ts). */
export const value: RouteGroup = {
  prefix: '/api/v1/value',
  tag: 'metrics',
  routes: [
    route({
      method: 'GET',
      url: '/pyramid',
      config: { access: 'viewer' },
      schema: {
        summary: 'Per value tier, classified at the period start: customers, share, CLV, profit and churn rate',
        querystring: api.pyramidQuery,
        response: { 200: api.pyramidResponse },
      },
      handler: async (req) =>
        req.server.tenure.view(['value-pyramid', req.query.period, req.query.at], (ws) =>
          valuePyramid(ws.db, ws.config, req.query),
        ),
    }),
  ],
};
