import type { Problem } from './types.ts';

/** A failed request, carrying the server's problem+json so pages can show its detail and hint. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

/** Anything thrown by a call, as the ApiError pages show (a bug in the page becomes a CLIENT problem). */
export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0, code: 'CLIENT' });

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/**
 * The CSRF token lives in memory only: a script injected elsewhere cannot read it from storage, and a reload
 * gets it back from GET /auth/me.
 */
let csrfToken: string | null = null;
let onUnauthenticated = () => {};

export const session = {
  setToken: (token: string | null) => {
    csrfToken = token;
  },
  /** Called when a request comes back 401: the session expired or was ended elsewhere. */
  onUnauthenticated: (fn: () => void) => {
    onUnauthenticated = fn;
  },
};

/**
 * A path with its query string; empty values are left out and arrays repeat the key.
 * @example url('/api/v1/metrics/churn_rate', { period: 'month', by: ['region'] }) // '…?period=month&by=region'
 */
export function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function problemOf(res: Response): Promise<Problem> {
  const fallback: Problem = {
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    code: `HTTP_${res.status}`,
  };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  const body = (await res.json().catch(() => null)) as Partial<Problem> | null;
  return body && typeof body.title === 'string' ? { ...fallback, ...body } : fallback;
}

type Body = { json?: unknown; form?: FormData };

/**
 * One API call: JSON in and out, the CSRF header on unsafe methods, problem+json turned into ApiError. The
 * server words its problems for the dashboard (hints name controls on the page, not request fields) and in
 * the page's language, which the language switch keeps on `<html lang>`.
 */
export async function request<T>(method: string, path: string, body: Body = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {
    'x-tenure-client': 'web',
    'accept-language': document.documentElement.lang || navigator.language,
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body.form ?? (body.json === undefined ? undefined : JSON.stringify(body.json)),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError({ title: (e as Error).message, status: 0, code: 'NETWORK' });
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    if (res.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', url(path, query), {}, signal),
  post: <T>(path: string, body: Body = {}) => request<T>('POST', path, body),
  put: <T>(path: string, json: unknown) => request<T>('PUT', path, { json }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  del: <T>(path: string) => request<T>('DELETE', path),
};
