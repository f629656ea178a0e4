import { api, importFile, listBatches, listRejects, pageOf, previewImport, tenureError } from '@tenure/core';
import { langOf } from '../lang.ts';
import { asClientError, problemOf } from '../plugins/problems.ts';
import { type RouteGroup, route } from '../route.ts';
import { receiveUpload } from '../upload.ts';

const multipart =
  'multipart/form-data: `file`, `entity`, `map` (JSON: field → column), `options` (JSON: format, encoding, sheet, delimiter, date_format, as_of, max_reject_rate, create_missing_customers, drop_unmapped)';

/** File imports: a dry-run preview, import jobs with progress, recent batches and each job's rejects. */
export const imports: RouteGroup = {
  prefix: '/api/v1/imports',
  tag: 'imports',
  routes: [
    route({
      method: 'POST',
      url: '/preview',
      config: { access: 'analyst' },
      schema: {
        summary:
          "Dry run: the file's columns, the mapping and the required fields it lacks, whether the reject limit would refuse it, and (once nothing is missing) the summary with problems and first rows; nothing is written",
        description: multipart,
        consumes: ['multipart/form-data'],
        response: { 200: api.importPreviewSchema },
      },
      handler: async (req) => {
        const up = await receiveUpload(req);
        req.auditTarget = up.entity;
        try {
          const options = { ...up.options, lang: langOf(req) };
          return api.toWire(await req.server.tenure.db((ws) => previewImport(ws, up.entity, up.path, options)));
        } finally {
          up.discard();
        }
      },
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'analyst' },
      schema: {
        summary: 'Start an import job; poll GET /imports/{job_id} for progress and the summary',
        description: multipart,
        consumes: ['multipart/form-data'],
        response: { 202: api.jobCreated },
      },
      handler: async (req, reply) => {
        const ctx = req.server.tenure;
        const up = await receiveUpload(req);
        req.auditTarget = up.entity;
        const job = ctx.jobs.create({ progress: { phase: 'queued', percent: 0 } });
        // Imports run one at a time in the write lane; the request returns at once with the job's id.
        void ctx
          .write(async (ws) => {
            job.state = 'running';
            return importFile(ws, up.entity, up.path, {
              ...up.options,
              lang: langOf(req),
              onProgress: (p) => Object.assign(job, { progress: p }),
            });
          })
          .then((summary) => Object.assign(job, { state: 'done', summary, progress: { phase: 'done', percent: 100 } }))
          .catch((e: unknown) => {
            const err = asClientError(e, req);
            const summary = err.details.summary as typeof job.summary;
            Object.assign(job, { state: 'failed', error: problemOf(err, req), ...(summary ? { summary } : {}) });
          })
          .finally(up.discard);
        return reply.code(202).send({ job_id: job.jobId });
      },
    }),
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary: 'Recent imports (files, uploads and event batches), newest first',
        querystring: api.pageQuery,
        response: { 200: api.batchesResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['imports', req.query], async (ws) =>
          api.toWire(await listBatches(ws, api.camelKeys(req.query))),
        ),
    }),
    route({
      method: 'GET',
      url: '/:job_id',
      config: { access: 'viewer' },
      schema: {
        summary: 'An import job: state, progress, and its summary or error',
        params: api.jobParams,
        response: { 200: api.jobSchema },
      },
      handler: async (req) => {
        const job = req.server.tenure.jobs.get(req.params.job_id);
        if (!job) throw tenureError('TEN_JOB_NOT_FOUND', { id: req.params.job_id });
        return api.toWire(job);
      },
    }),
    route({
      method: 'GET',
      url: '/:job_id/rejects',
      config: { access: 'viewer' },
      schema: {
        summary: "The rejected rows of a job's batch, in line order, their messages in the request's language",
        params: api.jobParams,
        querystring: api.rejectsQuery,
        response: { 200: api.rejectsResponse },
      },
      handler: async (req) => {
        const job = req.server.tenure.jobs.get(req.params.job_id);
        if (!job) throw tenureError('TEN_JOB_NOT_FOUND', { id: req.params.job_id });
        const p = pageOf(api.camelKeys(req.query));
        const batch = job.summary?.batchId;
        const found = batch
          ? await req.server.tenure.db((ws) =>
              listRejects(ws, { batch, limit: p.limit, offset: p.offset, lang: langOf(req) }),
            )
          : { total: 0, rows: [] };
        return api.toWire({ ...found, page: p.page, pageSize: p.pageSize });
      },
    }),
  ],
};
