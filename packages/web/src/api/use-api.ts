import { useEffect, useState } from 'react';
import { ApiError, api, type Query, url } from './client.ts';

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/** Responses that rarely change (the metric catalogue, status, settings) are fetched once per page load. */
const shared = new Map<string, Promise<unknown>>();

/** Forget a shared response, e.g. after saving settings. */
export const invalidate = (path: string) => shared.delete(path);

const asApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0, code: 'CLIENT' });

/**
 * GET a path and follow it as the query changes. `path: null` waits (a dependency is not loaded yet).
 * The previous data stays visible while a new query loads, so charts do not flash empty.
 * @example const s = useApi<Overview>('/api/v1/overview', { period: 'month' })
 */
export function useApi<T>(path: string | null, query?: Query, opts: { shared?: boolean } = {}): Loaded<T> {
  const key = path === null ? null : url(path, query);
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: key !== null });
  const [nonce, setNonce] = useState(0);
  const isShared = opts.shared === true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the reload trigger.
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    if (isShared && !shared.has(key)) {
      // A failed response is not kept: the next visit asks again.
      shared.set(
        key,
        api.get<T>(key).catch((e: unknown) => {
          shared.delete(key);
          throw e;
        }),
      );
    }
    const p = isShared ? (shared.get(key) as Promise<T>) : api.get<T>(key, undefined, ctl.signal);
    p.then(
      (data) => ctl.signal.aborted || setState({ data, loading: false }),
      (e) => ctl.signal.aborted || setState({ error: asApiError(e), loading: false }),
    );
    return () => ctl.abort();
  }, [key, nonce, isShared]);
  return {
    ...state,
    reload: () => {
      if (key !== null && isShared) shared.delete(key);
      setNonce((n) => n + 1);
    },
  };
}
