/**
 * Shared by the server tests: a real demo workspace in a temp folder, the real app listening on 127.0.0.1
 * with a free port, and a small client that speaks to it over HTTP the way the dashboard or a script does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, createKey, generateDemo, initWorkspace, type Role, type Workspace } from '@tenure/core';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ServerOptions } from '../src/index.ts';

export const PASSWORD = 'a long test passphrase';
export const ROLES: Role[] = ['viewer', 'analyst', 'admin'];

export interface TestServer {
  url: string;
  ws: Workspace;
  app: FastifyInstance;
  /** An API key per role (`Authorization: Bearer …`). */
  keys: Record<Role, string>;
  close(): Promise<void>;
}

/**
 * A demo business (300 customers unless asked; the purchase models need more to identify dropout) with one user
 * and one API key per role (users are named after their role), served by a fresh app. Each test file starts its
 * own: DuckDB lets one process hold a file.
 */
export async function startServer(opts: ServerOptions = {}, customers = 300): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-server-test-'));
  const ws = await initWorkspace(dir);
  await generateDemo(ws, { customers, months: 24, seed: 11 });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    await addUser(ws, { username: role, password: PASSWORD, role });
    keys[role] = (await createKey(ws, { name: `test ${role}`, role })).key;
  }
  const app = await buildApp(ws, { webDir: null, ...opts });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    ws,
    app,
    keys,
    close: async () => {
      await app.close();
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  type: string;
  headers: Headers;
  body: T;
  text: string;
}

type Body = { json?: unknown; form?: FormData; raw?: string; type?: string };

/** One caller: anonymous, a browser session (cookie + CSRF token) or an API key. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    readonly url: string,
    readonly key: string | null = null,
  ) {}

  /** Log in as a browser does: keep the session cookie and the CSRF token. */
  async login(username: string, password = PASSWORD): Promise<Reply<{ csrf_token: string }>> {
    const r = await this.call<{ csrf_token: string }>('POST', '/api/v1/auth/login', { json: { username, password } });
    const set = r.headers.get('set-cookie');
    if (r.status === 200 && set) {
      this.cookie = set.split(';')[0] ?? null;
      this.csrf = r.body.csrf_token;
    }
    return r;
  }

  /** A request with this caller's credentials; the CSRF header on unsafe methods unless `csrf: false`. */
  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body: Body = {},
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.key) headers.authorization = `Bearer ${this.key}`;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    if (body.json !== undefined || body.raw !== undefined) headers['content-type'] = body.type ?? 'application/json';
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: body.form ?? body.raw ?? (body.json === undefined ? undefined : JSON.stringify(body.json)),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      headers: res.headers,
      text,
      body: (type.includes('json') ? JSON.parse(text) : text) as T,
    };
  }

  get = <T = Record<string, unknown>>(path: string) => this.call<T>('GET', path);
}

/** A problem+json reply with this status and code, and nothing that looks like a stack trace or SQL. */
export function expectProblem(r: Reply, status: number, code: string): void {
  const body = r.body as { code?: string; status?: number; title?: string; hint?: string };
  if (r.status !== status || body.code !== code)
    throw new Error(`expected ${status} ${code}, got ${r.status} ${body.code ?? ''}: ${r.text.slice(0, 300)}`);
  if (!r.type.startsWith('application/problem+json')) throw new Error(`content type ${r.type}`);
  if (body.status !== status || !body.title || !body.hint) throw new Error(`incomplete problem: ${r.text}`);
  if (/\bat \S+ \(|SELECT |FROM "|Binder Error|Parser Error/.test(r.text))
    throw new Error(`internals leaked: ${r.text}`);
}

/**
 * A JSON request from another loopback address (127.0.0.2, …): Linux routes all of 127/8 to lo, so the server on
 * 127.0.0.1 sees a second client address, as it would a second machine. fetch cannot choose its source address.
 */
export function callFrom(
  localAddress: string,
  url: string,
  method: string,
  path: string,
  opts: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string | string[] | undefined> }> {
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  return new Promise((done, fail) => {
    const req = request(
      new URL(path, url),
      {
        method,
        localAddress,
        headers: { ...opts.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, headers: res.headers }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}
