import type { ModelRun, Workspace } from '@tenure/core';
import type { FastifyRequest } from 'fastify';
import type { FitJob } from './jobs.ts';
import { asClientError, problemOf } from './plugins/problems.ts';

/** The description of a route that answers with a job. */
export const polled = 'A job: poll GET /models/jobs/{jobId}, as for the lifetime models’ fits.';

/**
 * Start work that stores a model run (a lifetime-model fit, churn training or scoring) as a job and return the
 * job at once; it ends `done` with the run (without its result, which GET routes read) or `failed` with the
 * problem. `lane`: `db` for work that reads and stores one run, `write` for work that writes data tables
 * (scoring), which must not interleave with other writes and makes cached views stale.
 * @example return reply.code(202).send(startFitJob(req, 'clv', 'db', (ws) => runModel(ws, 'clv', req.body)))
 */
export function startFitJob(
  req: FastifyRequest,
  model: string,
  lane: 'db' | 'write',
  work: (ws: Workspace) => Promise<ModelRun>,
): FitJob {
  const ctx = req.server.tenure;
  const job = ctx.fits.create({ model });
  void ctx[lane](async (ws) => {
    job.state = 'running';
    return work(ws);
  })
    .then(({ result: _, ...run }) => {
      // A stored run changes what the model pages show; writes drop cached views themselves.
      if (lane === 'db') ctx.cache.invalidate();
      return Object.assign(job, { state: 'done', run });
    })
    .catch((e: unknown) => Object.assign(job, { state: 'failed', error: problemOf(asClientError(e, req), req) }));
  return job;
}
