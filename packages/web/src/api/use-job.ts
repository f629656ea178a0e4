import { useEffect, useState } from 'react';
import { ApiError, api } from './client.ts';

const POLL_MS = 400;

/**
 * Follow a background job (an import, a model fit) until it is done or failed, polling its path.
 * @example const { job } = useJob<FitJob>(jobId && `/api/v1/models/jobs/${jobId}`)
 */
export function useJob<J extends { state: string }>(path: string | undefined) {
  const [job, setJob] = useState<J>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    setJob(undefined);
    setError(undefined);
    if (!path) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () =>
      api.get<J>(path).then(
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
  }, [path]);
  return { job, error };
}
