import { api, segmentSummary, valuePyramid } from '@tenure/core';
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
    route({
      method: 'GET',
      url: '/segments',
      config: { access: 'viewer' },
      schema: {
        summary: 'The RFM grid (customers and monetary value per R × F score) and the lifecycle stage counts',
        querystring: api.segmentSummaryQuery,
        response: { 200: api.segmentSummaryResponse },
      },
      handler: async (req) =>
        req.server.tenure.view(['value-segments', req.query.at ?? null], (ws) =>
          segmentSummary(ws.db, ws.config, req.query),
        ),
    }),
  ],
};
