import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiError, api, asApiError, type Query } from './client.ts';
import type { QueryAt, ReadPath, ResponseAt } from './endpoints.ts';
import { queryClient } from './query-client.ts';

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

interface Options {
  /** Responses that rarely change (the metric catalogue, status, settings): fetched once, until invalidated. */
  shared?: boolean;
}

/** How often a page asks again while the server says its figures are being refreshed after a write. */
const REFRESHING_POLL_MS = 2000;

/** The server answered with the figures from before the latest write (`refreshing`: api/common.ts `freshness`). */
const refreshing = (data: unknown) =>
  typeof data === 'object' && data !== null && (data as { refreshing?: unknown }).refreshing === true;

/** Forget the responses of a path (every query of it), e.g. after saving settings; pages showing it refetch. */
export const invalidate = (path: string) => void queryClient.invalidateQueries({ queryKey: [path] });

/**
 * GET a path and follow it as the query changes. `path: null` waits (a dependency is not loaded yet).
 * The previous data stays visible while a new query loads, so charts do not flash empty. An answer marked
 * `refreshing` (figures from before the latest write) is asked for again every few seconds until it is not. A fixed path is
 * typed from the API contract (`endpoints.ts`); a path with parameters names its response type.
 * @example const s = useApi('/api/v1/overview', { period: 'month' }) // Loaded<Overview>
 * @example const c = useApi<Customer360>(`/api/v1/customers/${encodeURIComponent(id)}`)
 */
export function useApi<P extends ReadPath>(path: P | null, query?: QueryAt<P>, opts?: Options): Loaded<ResponseAt<P>>;
// A fixed path whose query does not fit its route must not slip through here: it names its type or fails.
export function useApi<T, P extends string = string>(
  path: (P extends ReadPath ? never : P) | null,
  query?: Query,
  opts?: Options,
): Loaded<T>;
export function useApi<T>(path: string | null, query: object = {}, opts: Options = {}): Loaded<T> {
  const q = useQuery<T, ApiError>({
    queryKey: [path, query],
    queryFn: ({ signal }) =>
      api.get<T>(path as string, query as Query, signal).catch((e: unknown) => Promise.reject(asApiError(e))),
    enabled: path !== null,
    placeholderData: keepPreviousData,
    staleTime: opts.shared ? Number.POSITIVE_INFINITY : 0,
    refetchInterval: (query) => (refreshing(query.state.data) ? REFRESHING_POLL_MS : false),
  });
  return {
    data: q.data,
    error: q.error ?? undefined,
    // Asking again for figures being refreshed does not dim them: they are what there is to read meanwhile.
    loading: q.isFetching && (q.isPlaceholderData || !refreshing(q.data)),
    reload: () => void q.refetch(),
  };
}
