import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectWorkspace, type Workspace } from '@tenure/core';
import { ResultCache } from './cache.ts';
import { Jobs } from './jobs.ts';
import { Lane } from './lanes.ts';
import { defaultLoginLimits, LoginLimiter, type LoginLimits } from './login-limit.ts';

export interface ServerOptions {
  /** The dashboard's built files (index.html + assets): packages/web/dist by default when it exists; null: none. */
  webDir?: string | null;
  /** Fastify's request log (off by default: `tenure serve` prints its own lines). */
  logger?: boolean;
  loginLimits?: LoginLimits;
  /** Upload size limit of the import routes, bytes (default 1 GiB). */
  maxUploadBytes?: number;
  /** Mark the session cookie Secure: set it when the server is reached over HTTPS (a reverse proxy). */
  secureCookies?: boolean;
  /** Requests that may use the database at once (default 3). */
  dbConcurrency?: number;
}

const defaultWebDir = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Open a connection of its own for `fn` and close it after: transactions and temp tables stay separate. */
async function onOwnConnection<T>(ws: Workspace, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const view = await connectWorkspace(ws);
  try {
    return await fn(view);
  } finally {
    await view.close();
  }
}

/**
 * What every route reaches through `req.server.tenure`: the workspace the server holds, how to use its
 * database, the cache of views, import jobs and the login limiter. One per app: no global state.
 */
export class ServerContext {
  readonly cache = new ResultCache();
  readonly jobs = new Jobs();
  readonly limiter: LoginLimiter;
  readonly webDir: string | null;
  readonly maxUploadBytes: number;
  readonly secureCookies: boolean;
  private readonly reads: Lane;
  private readonly writes = new Lane(1);

  constructor(
    readonly ws: Workspace,
    o: ServerOptions = {},
  ) {
    this.limiter = new LoginLimiter(o.loginLimits ?? defaultLoginLimits);
    this.webDir = o.webDir === undefined ? (existsSync(defaultWebDir) ? defaultWebDir : null) : o.webDir;
    this.maxUploadBytes = o.maxUploadBytes ?? 1024 ** 3;
    this.secureCookies = !!o.secureCookies;
    this.reads = new Lane(o.dbConcurrency ?? 3);
  }

  /** Reads, and small writes that need no transaction of their own (sessions, users, keys, the audit log). */
  db<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.reads.run(() => onOwnConnection(this.ws, fn));
  }

  /**
   * Data writes (imports, event batches, settings): one at a time, each on its own connection so its
   * transaction never mixes with reads; cached views are dropped afterwards, whether it succeeded or not.
   */
  write<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      try {
        return await onOwnConnection(this.ws, fn);
      } finally {
        this.cache.invalidate();
      }
    });
  }

  /** A read-only view computed once per data generation and shared by identical requests. */
  view<T>(key: unknown, fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.cache.get(JSON.stringify(key), () => this.db(fn));
  }
}
