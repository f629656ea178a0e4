import { randomUUID } from 'node:crypto';
import type { api, ImportProgress, ImportSummary, ModelRun } from '@tenure/core';

/** What every background job has: its id, how far it is, and the problem it failed with. */
interface JobBase {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  error?: api.Problem;
}

/** An import: progress by phase, and the import's summary. */
export type Job = JobBase & { progress: ImportProgress; summary?: ImportSummary };

/** A model fit: the stored run (without its result, read at GET /models/:model/latest) once done. */
export type FitJob = JobBase & { model: string; run?: Omit<ModelRun, 'result'> };

/**
 * Jobs of one kind in this server process, newest kept: what they produce outlives them (an import in
 * `import_batches`, a fit in `model_runs`).
 */
export class Jobs<J extends JobBase> {
  private readonly jobs = new Map<string, J>();

  constructor(private readonly keep = 100) {}

  create(fields: Omit<J, keyof JobBase>): J {
    const job = { ...fields, jobId: randomUUID(), state: 'queued' } as J;
    this.jobs.set(job.jobId, job);
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value as string);
    return job;
  }

  get(id: string): J | undefined {
    return this.jobs.get(id);
  }
}
