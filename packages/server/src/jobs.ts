import { randomUUID } from 'node:crypto';
import type { api, ImportProgress, ImportSummary } from '@tenure/core';

export type Job = {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: ImportProgress;
  summary?: ImportSummary;
  error?: api.Problem;
};

/** Import jobs of this server process, newest kept: a finished import also stays in `import_batches`. */
export class Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly keep = 100) {}

  create(): Job {
    const job: Job = { jobId: randomUUID(), state: 'queued', progress: { phase: 'queued', percent: 0 } };
    this.jobs.set(job.jobId, job);
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value as string);
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }
}
