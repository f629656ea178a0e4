import { api, churnReasonSummary, cohortHeatmap, overview } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** The dashboard's composite views, each computed once per data change and shared by every viewer. */
export const dashboard: RouteGroup = {
  prefix: '/api/v1',
  tag: 'dashboard',
  routes: [
    route({
      method: 'GET',
      url: '/overview',
      config: { access: 'viewer' },
      schema: {
        summary: 'KPI cards: value, previous period, change, interval and sparkline',
        querystring: api.overviewQuery,
        response: { 200: api.overviewResponse },
      },
      handler: (req) => req.server.tenure.keptView(['overview', req.query], (ws) => overview(ws, req.query)),
    }),
    route({
      method: 'GET',
      url: '/cohorts',
      config: { access: 'viewer' },
      schema: {
        summary: 'Cohort heatmap: share of each acquisition cohort still active (or MRR kept) by age',
        querystring: api.cohortsQuery,
        response: { 200: api.cohortsResponse },
      },
      handler: (req) => req.server.tenure.keptView(['cohorts', req.query], (ws) => cohortHeatmap(ws, req.query)),
    }),
    route({
      method: 'GET',
      url: '/churn-reasons',
      config: { access: 'viewer' },
      schema: {
        summary: 'Churn reasons (Pareto, MRR lost) and the churn taxonomy over a range of months',
        querystring: api.churnReasonsQuery,
        response: { 200: api.churnReasonsResponse },
      },
      handler: (req) => req.server.tenure.view(['churn-reasons', req.query], (ws) => churnReasonSummary(ws, req.query)),
    }),
  ],
};
