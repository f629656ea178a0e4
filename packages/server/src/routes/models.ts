import {
  api,
  models as catalog,
  latestRun,
  listRuns,
  type ModelName,
  modelNames,
  runModel,
  type SurvivalResult,
  sbg,
  survival,
  survivalOnGrid,
  tenureError,
  validateModels,
} from '@tenure/core';
import { startFitJob } from '../fit-job.ts';
import { prepare, sendPrepared } from '../prepared.ts';
import { type RouteGroup, route } from '../route.ts';

/** A model name from the URL, refused (404) before any work when the catalogue lacks it. */
function knownModel(name: string): ModelName {
  if (!(modelNames as string[]).includes(name)) throw tenureError('TEN_MODEL_UNKNOWN', { name, known: modelNames });
  return name as ModelName;
}

/**
 * The lifetime models: the catalogue and its stored runs, fits as jobs (a Cox fit on a million customers takes
 * seconds), the latest run of each model (what the dashboard shows, so a page view never refits), and the
 * quick reads that store nothing: survival curves, sBG on typed-in counts, validation.
 */
export const models: RouteGroup = {
  prefix: '/api/v1/models',
  tag: 'models',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: { summary: 'Every model with what it implements', response: { 200: api.modelListResponse } },
      handler: async () => ({
        models: Object.entries(catalog).map(([id, m]) => ({ id, title: m.title, reference: m.reference })),
      }),
    }),
    route({
      method: 'GET',
      url: '/runs',
      config: { access: 'viewer' },
      schema: {
        summary: 'Stored runs, newest first, without their results',
        querystring: api.runsQuery,
        response: { 200: api.runsResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['runs', req.query], async (ws) =>
          api.toWire({ runs: await listRuns(ws.db, req.query) }),
        ),
    }),
    route({
      method: 'GET',
      url: '/survival',
      config: { access: 'viewer' },
      schema: {
        summary: 'Kaplan–Meier survival by segment with 95 % bands, medians, restricted means and the log-rank test',
        description: 'Curves are read at `points` evenly spaced times shared by every segment. Nothing is stored.',
        querystring: api.survivalQuery,
        response: { 200: api.survivalResponse },
      },
      handler: (req) => {
        const { points, ...query } = api.camelKeys(req.query);
        return req.server.tenure.view(['survival', req.query], async (ws) =>
          api.toWire(survivalOnGrid(await survival(ws.db, ws.config, query), points)),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/validate',
      config: { access: 'viewer' },
      schema: {
        summary: 'Calibration / holdout validation: purchases (BG/NBD) and survival (sBG) predicted against actual',
        description: 'Computed on request and cached until the data change; POST /models/validation/fit stores a run.',
        querystring: api.validateQuery,
        response: { 200: api.validateResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['validate', req.query], async (ws) =>
          api.toWire(await validateModels(ws.db, ws.config, api.camelKeys(req.query))),
        ),
    }),
    route({
      method: 'POST',
      url: '/sbg/survivors',
      config: { access: 'viewer', options: {} },
      schema: {
        summary:
          'Fit the sBG to survivor counts (at the start, after period 1, 2, …) and project them; nothing is stored',
        body: api.survivorsBody,
        response: { 200: api.sbgResponse },
      },
      handler: async (req) => api.toWire(await sbg(null, null, req.body)),
    }),
    route({
      method: 'POST',
      url: '/:model/fit',
      config: { access: 'analyst', options: {} },
      schema: {
        summary: 'Fit a model and store the run, as a job: poll GET /models/jobs/{jobId}',
        params: api.modelParams,
        body: api.fitBody,
        response: { 202: api.fitJobSchema },
      },
      handler: async (req, reply) => {
        const model = knownModel(req.params.model);
        req.auditTarget = model;
        return reply.code(202).send(api.toWire(startFitJob(req, model, 'db', (ws) => runModel(ws, model, req.body))));
      },
    }),
    route({
      method: 'GET',
      url: '/jobs/:job_id',
      config: { access: 'viewer' },
      schema: {
        summary: 'A fit job: its state, and the stored run or the problem it ended with',
        params: api.jobParams,
        response: { 200: api.fitJobSchema },
      },
      handler: async (req) => {
        const job = req.server.tenure.fits.get(req.params.job_id);
        if (!job) throw tenureError('TEN_JOB_NOT_FOUND', { id: req.params.job_id });
        return api.toWire(job);
      },
    }),
    route({
      method: 'GET',
      url: '/:model/latest',
      config: { access: 'viewer' },
      schema: {
        summary: "A model's latest stored run with its result (404 TEN_MODEL_NO_RUN before the first fit)",
        description:
          'Kaplan–Meier curves are read at `points` evenly spaced times shared by every segment, as GET /models/survival reads them; `table=true` gives the stored life tables instead.',
        params: api.modelParams,
        querystring: api.latestRunQuery,
        response: { 200: api.latestRunResponse },
      },
      handler: async (req, reply) => {
        const model = knownModel(req.params.model);
        // Prepared once per data generation as bytes, compressed, with an ETag: a run's result can run to
        // hundreds of kilobytes (a Kaplan–Meier table has a row per distinct lifetime in days).
        const ctx = req.server.tenure;
        const { points, table } = req.query;
        const run = await ctx.memo(['latest-run', model, table || points], async () => {
          const found = await ctx.db((ws) => latestRun(ws.db, model));
          const drawn =
            found && model === 'km' && !table
              ? { ...found, result: survivalOnGrid(found.result as SurvivalResult, points) }
              : found;
          return drawn && (await prepare(api.latestRunResponse, api.toWire(drawn)));
        });
        if (!run) throw tenureError('TEN_MODEL_NO_RUN', { model });
        return sendPrepared(req, reply, run);
      },
    }),
  ],
};
