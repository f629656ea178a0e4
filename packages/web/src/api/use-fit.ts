import { useEffect, useRef, useState } from 'react';
import { api } from './client.ts';
import type { FitJob, Problem } from './types.ts';
import { useAction } from './use-action.ts';
import { useJob } from './use-job.ts';

/**
 * Fit a model on the server (a job: fits on large data take seconds) by POSTing to `path`, and call `onDone`
 * once the run is stored, so the page reloads the latest run. `problem` is why starting or finishing the fit
 * failed. Churn training and scoring are the same kind of job.
 * @example const fit = useFit('/api/v1/models/clv/fit', latest.reload); fit.start({ horizon_months: 12 })
 */
export function useFit(path: string, onDone: () => void) {
  const action = useAction();
  const [jobId, setJobId] = useState<string>();
  const { job, error } = useJob<FitJob>(jobId && `/api/v1/models/jobs/${encodeURIComponent(jobId)}`);
  // The latest callback, without restarting the effect when the page re-renders with a new one.
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (job?.state === 'done') done.current();
  }, [job?.state]);
  // The job's problem as pages read it (the schema's loose object would widen every narrowing to unknown).
  const failed: Problem | undefined = job?.error;
  return {
    start: (options: Record<string, unknown>) =>
      action.run(async () => {
        setJobId(undefined);
        setJobId((await api.post<FitJob>(path, { json: options })).job_id);
      }),
    running: action.busy || job?.state === 'queued' || job?.state === 'running',
    problem: action.error ?? error ?? failed,
  };
}
