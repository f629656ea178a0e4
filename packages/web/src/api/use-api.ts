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

/** Forget the responses of a path (every query of it), e.g. after saving settings; pages showing it refetch. */
export const invalidate = (path: string) => void queryClient.invalidateQueries({ queryKey: [path] });

/**
 * GET a path and follow it as the query changes. `path: null` waits (a dependency is not loaded yet).
 * The previous data stays visible while a new query loads, so charts do not flash empty. A fixed path is
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
  });
  return {
    data: q.data,
    error: q.error ?? undefined,
    loading: q.isFetching,
    reload: () => void q.refetch(),
  };
}
