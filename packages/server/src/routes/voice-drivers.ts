import {
  api,
  churnLift,
  confirmExit,
  employeeSatisfaction,
  keyDrivers,
  latestTopicFeatureAuc,
  listExits,
  runTopicFeatureAuc,
} from '@tenure/core';
import { polled, startFitJob } from '../fit-job.ts';
import { type RouteGroup, route } from '../route.ts';

/**
 * Drivers of churn, key drivers of a survey's score, exit reasons to confirm and the employee side
 * (docs/voice.md, Drivers). Reads are cached views; a confirmation writes one row that the churn-reason figures
 * read, so it goes through the write lane, which drops cached views.
 */
export const voiceDrivers: RouteGroup = {
  prefix: '/api/v1/voice',
  tag: 'voice',
  routes: [
    route({
      method: 'GET',
      url: '/drivers',
      config: { access: 'viewer' },
      schema: {
        summary:
          'Churn lift of topics, survey answers, ticket categories and root causes, counted before each churn, with Newcombe intervals and Benjamini–Hochberg flags',
        querystring: api.driversQuery,
        response: { 200: api.driversResponse },
      },
      handler: (req) => {
        const { source, as_of, min_customers, alpha } = req.query;
        const opts = { sources: source, minCustomers: min_customers, alpha, ...(as_of ? { asOf: as_of } : {}) };
        return req.server.tenure.view(['voice-drivers', opts], async (ws) =>
          api.toWire(await churnLift(ws.db, { ...opts, rootCauseLabels: ws.config.cases.root_cause_labels })),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/key-drivers',
      config: { access: 'viewer' },
      schema: {
        summary:
          "Key drivers of a survey's main score: relative weights (Johnson 2000) and Shapley R² of its scale questions; 404 TEN_VOICE_NO_SURVEY",
        querystring: api.keyDriversQuery,
        response: { 200: api.keyDriversResponse },
      },
      handler: (req) => {
        const opts = { kind: req.query.kind, ...(req.query.survey_id ? { surveyId: req.query.survey_id } : {}) };
        return req.server.tenure.view(['voice-key-drivers', opts], async (ws) =>
          api.toWire(await keyDrivers(ws.db, opts)),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/exits',
      config: { access: 'viewer' },
      schema: {
        summary:
          'Churn events with an exit survey or note: the suggested kind, category and competitor, and the confirmed mapping',
        querystring: api.exitsQuery,
        response: { 200: api.exitsResponse },
      },
      handler: (req) => {
        const q = api.camelKeys(req.query);
        return req.server.tenure.view(['voice-exits', q], async (ws) => api.toWire(await listExits(ws.db, q)));
      },
    }),
    route({
      method: 'POST',
      url: '/exits/confirm',
      config: { access: 'analyst' },
      schema: {
        summary:
          "Confirm or correct one churn event's mapping (422 TEN_VOICE_BAD_TAXONOMY, 404 TEN_VOICE_EXIT_NOT_FOUND)",
        body: api.exitConfirmBody,
        response: { 200: api.exitConfirmResponse },
      },
      handler: async (req) => {
        const b = req.body;
        req.auditTarget = `${b.customer_id}|${b.churned_at}`;
        const input = {
          customerId: b.customer_id,
          churnedAt: b.churned_at,
          kind: b.kind,
          category: b.category,
          competitor: b.competitor ?? null,
          reason: b.reason ?? null,
        };
        return api.toWire(await req.server.tenure.write((ws) => confirmExit(ws, input, req.actor?.name ?? 'unknown')));
      },
    }),
    route({
      method: 'GET',
      url: '/employees',
      config: { access: 'viewer' },
      schema: {
        summary:
          "Employee satisfaction by dimension and team against the CSAT and save rate of each team's cases, with the correlation and its interval",
        querystring: api.employeesQuery,
        response: { 200: api.employeesResponse },
      },
      handler: (req) => {
        const q = api.camelKeys(req.query);
        return req.server.tenure.view(['voice-employees', q], async (ws) =>
          api.toWire(await employeeSatisfaction(ws.db, q)),
        );
      },
    }),
    route({
      method: 'POST',
      url: '/topic-features',
      config: { access: 'analyst' },
      schema: {
        summary: 'Fit the churn model with and without topic mentions before each snapshot and compare validation AUC',
        description: polled,
        body: api.topicFeaturesBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const opts = req.body.as_of ? { asOf: req.body.as_of } : {};
        const job = startFitJob(req, 'topic-features', 'db', (ws) => runTopicFeatureAuc(ws, opts));
        return reply.code(202).send(api.toWire(job));
      },
    }),
    route({
      method: 'GET',
      url: '/topic-features',
      config: { access: 'viewer' },
      schema: {
        summary: 'The latest comparison of the churn model with and without topic features (null before the first)',
        response: { 200: api.topicFeaturesResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['voice-topic-features'], async (ws) =>
          api.toWire({ latest: await latestTopicFeatureAuc(ws) }),
        ),
    }),
  ],
};
