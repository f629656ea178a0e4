import { useQuery } from '@tanstack/react-query';
import { type ApiError, api, asApiError } from './client.ts';

const POLL_MS = 400;
const running = (state: string | undefined) => state === 'queued' || state === 'running';

/**
 * Follow a background job (an import, a model fit) until it is done or failed, polling its path.
 * @example const { job } = useJob<FitJob>(jobId && `/api/v1/models/jobs/${jobId}`)
 */
export function useJob<J extends { state: string }>(path: string | undefined) {
  const q = useQuery<J, ApiError>({
    queryKey: [path],
    queryFn: ({ signal }) =>
      api.get<J>(path as string, undefined, signal).catch((e: unknown) => Promise.reject(asApiError(e))),
    enabled: !!path,
    refetchInterval: (query) => (running(query.state.data?.state) ? POLL_MS : false),
    // A job is followed while it runs; once it is over, nothing is kept to show a later visit.
    gcTime: 0,
  });
  return { job: q.data, error: q.error ?? undefined };
}
