import { api, fitUplift, scoreUplift, upliftReport, upliftScores } from '@tenure/core';
import { polled, startFitJob } from '../fit-job.ts';
import { type RouteGroup, route } from '../route.ts';

/**
 * Uplift targeting: fitting on a finished randomised campaign and scoring the current customers run as jobs;
 * the latest fit's Qini report and the latest scoring, by expected saved value, are read back. The at-risk list's
 * persuadable view is `GET /churn/at-risk?view=persuadable`.
 */
export const uplift: RouteGroup = {
  prefix: '/api/v1/uplift',
  tag: 'uplift',
  routes: [
    route({
      method: 'POST',
      url: '/fit',
      config: { access: 'analyst', options: { groups: ['gbdt'] } },
      schema: {
        summary: 'Fit an uplift model on a finished randomised campaign and keep the approach with the larger Qini',
        description: polled,
        body: api.upliftFitBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const job = startFitJob(req, 'uplift', 'db', (ws) => fitUplift(ws, req.body));
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'POST',
      url: '/score',
      config: { access: 'analyst', options: {} },
      schema: {
        summary:
          'Score every current customer with the latest uplift model: uplift, expected saved value, sleeping dogs',
        description: polled,
        body: api.upliftScoreBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const job = startFitJob(req, 'uplift-score', 'write', (ws) => scoreUplift(ws, req.body));
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'GET',
      url: '/model',
      config: { access: 'viewer' },
      schema: {
        summary: "The latest uplift fit's report: Qini curves and coefficients, uplift by segment",
        response: { 200: api.upliftModelResponse },
      },
      handler: (req) => req.server.tenure.view(['uplift-model'], async (ws) => api.toWire(await upliftReport(ws))),
    }),
    route({
      method: 'GET',
      url: '/scores',
      config: { access: 'viewer' },
      schema: {
        summary: 'The latest uplift scoring by expected saved value, largest first; optionally the sleeping dogs only',
        querystring: api.upliftScoresQuery,
        response: { 200: api.upliftScoresResponse },
      },
      handler: (req) => {
        const q = api.camelKeys(req.query);
        return req.server.tenure.view(['uplift-scores', q], async (ws) => api.toWire(await upliftScores(ws, q)));
      },
    }),
  ],
};
