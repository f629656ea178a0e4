import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { ImportJob } from '../../api/types.ts';

const POLL_MS = 400;

/** Follow an import job until it is done or failed, polling GET /imports/:jobId. */
export function useImportJob(jobId: string | undefined) {
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () =>
      api.get<ImportJob>(`/api/v1/imports/${encodeURIComponent(jobId)}`).then(
        (j) => {
          if (stopped) return;
          setJob(j);
          if (j.state === 'queued' || j.state === 'running') timer = setTimeout(tick, POLL_MS);
        },
        (e) =>
          stopped ||
          setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0, code: 'CLIENT' })),
      );
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}
