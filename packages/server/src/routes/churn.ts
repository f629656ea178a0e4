import {
  api,
  atRisk,
  backtestChurnModel,
  churnModelReport,
  customerScore,
  explainCustomer,
  riskView,
  scoreChurn,
  servedRisk,
  tenureError,
  trainChurnModel,
} from '@tenure/core';
import { polled, startFitJob } from '../fit-job.ts';
import { langOf } from '../lang.ts';
import { type RouteGroup, route } from '../route.ts';

/**
 * Churn prediction: training and scoring as jobs, the latest model's report, the retention queue and one
 * customer's risk with its explanation. Pages read what training and scoring stored; only the explanation is
 * computed on request (TreeSHAP for one customer at the latest scoring's date).
 */
export const churn: RouteGroup = {
  prefix: '/api/v1/churn',
  tag: 'churn',
  routes: [
    route({
      method: 'POST',
      url: '/train',
      config: { access: 'analyst', options: { groups: ['gbdt'] } },
      schema: {
        summary: 'Train the churn model and, unless `backtest: false`, run the time-based backtest',
        description: polled,
        body: api.trainBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const { backtest = true, ...options } = req.body;
        const job = startFitJob(req, 'churn', 'db', async (ws) => {
          const run = await trainChurnModel(ws, options);
          // A static customer table has no dates to test at a later snapshot.
          if (backtest && run.result.metrics.mode === 'snapshots') await backtestChurnModel(ws, options);
          return run;
        });
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'POST',
      url: '/score',
      config: { access: 'analyst', options: {} },
      schema: {
        summary: 'Score every active customer with the latest model, store the scores and raise alerts',
        description: polled,
        body: api.scoreBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const job = startFitJob(req, 'churn-score', 'write', async (ws) => {
          const run = await scoreChurn(ws, req.body);
          // The alerts are stored with their outbox rows; send them now rather than at the next timer.
          req.server.tenure.webhooks.kick();
          return run;
        });
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'GET',
      url: '/model',
      config: { access: 'viewer' },
      schema: {
        summary: "The latest model's report: headline figures, importance, evaluations against the baseline",
        response: { 200: api.modelReportResponse },
      },
      handler: async (req) => {
        // Converted inside the view, so the cached body is the wire's and its JSON is kept (serialize.ts).
        const report = await req.server.tenure.view(['churn-model'], async (ws) => {
          const found = await churnModelReport(ws);
          return found && api.toWire(found);
        });
        if (!report) throw tenureError('TEN_PREDICT_NO_MODEL', {});
        return report;
      },
    }),
    route({
      method: 'GET',
      url: '/at-risk',
      config: { access: 'viewer' },
      schema: {
        summary: 'The latest scoring by expected loss, largest first, filtered by tier, segment and reason',
        querystring: api.atRiskQuery,
        response: { 200: api.atRiskResponse },
      },
      handler: (req) => {
        const q = { ...api.camelKeys(req.query), lang: langOf(req) };
        return req.server.tenure.view(['at-risk', q], async (ws) => api.toWire(await atRisk(ws, q)));
      },
    }),
    route({
      method: 'GET',
      url: '/customers/:id',
      config: { access: 'viewer' },
      schema: {
        summary: "One customer's latest score and the TreeSHAP explanation of their risk, in the request's language",
        params: api.riskParams,
        querystring: api.langQuery,
        response: { 200: api.customerRiskResponse },
      },
      handler: async (req, reply) => {
        const ctx = req.server.tenure;
        const { stored, risk } = await ctx.customerViews();
        const lang = langOf(req);
        const id = req.params.id;
        const json = risk ? await servedRisk(risk, id, lang) : null;
        // Prebuilt as this route answers it, in this language (the contract's schema applied when it was built).
        if (json !== null) return reply.type('application/json; charset=utf-8').send(json as never);
        return ctx.view(['risk', id, lang], async (ws) => {
          const score = await customerScore(ws, id, lang, { stored });
          return riskView(score, await explainCustomer(ws, id, score ? { asOf: score.as_of } : {}), lang);
        });
      },
    }),
  ],
};
