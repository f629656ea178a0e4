/**
 * ClickHouse connections, two transports behind one class:
 *  - in-process chdb (`createChdbConnection(dir)`), for tests, demos and single-machine use;
 *  - a real server over HTTP through @clickhouse/client (`clickhouse://user:pass@host:8123/db`).
 * Both are imported lazily: loading libchdb costs ~0.1 s and 550 MB of mapped library, which no DuckDB-only
 * command should pay.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import type { Session } from 'chdb';
import { tenureError } from '../../errors.ts';
import { print } from '../../sql/print.ts';
import type { Sql, SqlValue } from '../../sql/sql.ts';
import type { Connection, Row } from '../engine.ts';
import { clickhouseDialect, clickhouseSettings, settingsText } from './dialect.ts';
import { type ColumnMeta, outputSettings, rowsFromCompact } from './values.ts';

type Params = Record<string, SqlValue>;

interface Compact {
  meta: ColumnMeta[];
  data: unknown[][];
}

/** What differs between chdb and a server: how text and parameters reach the engine. */
interface Transport {
  readonly kind: 'chdb' | 'server';
  query(text: string, params: Params): Promise<Compact>;
  exec(text: string, params: Params): Promise<void>;
  /** Load a local Parquet file into `table` (columns in file order). NULL into a non-Nullable column fails. */
  insertParquet(table: string, columns: readonly string[], file: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Loading a copy must fail on a NULL in a required column rather than store '' or 1970-01-01 silently. Into a
 * Distributed table (a cluster's copy, cluster.ts) the INSERT returns once every shard holds its rows, not once
 * they are queued to be sent: the sync swaps the table in right after. (The setting's older name, which old
 * servers know and newer ones keep as an alias of distributed_foreground_insert.)
 */
const strictInsert = {
  input_format_null_as_default: 0,
  insert_null_as_default: 0,
  insert_distributed_sync: 1,
} as const;

/**
 * Every read applies FINAL: the tables of a workspace kept in ClickHouse (record.ts) are ReplacingMergeTree, whose
 * upserted rows sit beside the rows they replace until a background merge, and FINAL reads the latest version of each
 * key only. It is a session setting rather than part of the metric SQL (dialect.ts `querySuffix`), so the printed SQL
 * stays one text for both kinds of database; the MergeTree tables of a copy (sync.ts) ignore it.
 */
const readSettings = { final: 1 } as const;

const quoteIds = (names: readonly string[]) => names.map(clickhouseDialect.quoteId).join(', ');

// ---------------------------------------------------------------------------------------------------------
// chdb: one data directory per process

/**
 * libchdb binds ONE data directory per process: a second `Session` at another path while the first is in
 * use is refused (and closing a session with a query in flight would abort the engine). So the session is
 * shared: every connection to the same directory reuses it, a connection to another directory is refused
 * while any is open, and the last close releases it (after `drainPending`, as chdb requires before the
 * next path is opened).
 */
class SharedSession {
  users = 1;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    readonly dir: string,
    readonly session: Session,
  ) {}

  /**
   * Run one statement at a time. chdb 3.4 does not reset its output buffer when a query fails: the rows the
   * failed query had already written are prepended to the NEXT query's result (seen: 250,000 rows of a
   * failed SELECT returned by a following `SELECT 42`). So after a failure a throwaway query takes the
   * leftovers, and statements are serialised so that no other caller's query can be the one that gets them.
   */
  run<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const task = async () => {
      try {
        return await fn(this.session);
      } catch (e) {
        await this.session.queryAsync('SELECT 1', { format: 'CSV' }).catch(() => undefined);
        throw e;
      }
    };
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
let shared: SharedSession | undefined;
let lock: Promise<unknown> = Promise.resolve();

/** Serialise opens and closes of the shared session (two opens in one tick must not make two sessions). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = lock.then(fn, fn);
  lock = next.catch(() => undefined);
  return next;
}

async function acquireSession(dir: string): Promise<SharedSession> {
  return exclusive(async () => {
    if (shared?.dir === dir) {
      shared.users++;
      return shared;
    }
    if (shared && shared.users > 0) {
      throw tenureError(
        'TEN_INTERNAL',
        { detail: `chdb can open one data directory per process: ${shared.dir} is open, ${dir} cannot be` },
        {},
        { engine: 'clickhouse' },
      );
    }
    const chdb = await import('chdb');
    if (shared) {
      shared.session.close();
      shared = undefined;
      await chdb.drainPending();
    }
    const session = new chdb.Session(dir);
    try {
      await session.queryAsync(`SET ${settingsText({ ...clickhouseSettings, ...outputSettings, ...readSettings })}`);
    } catch (e) {
      session.close();
      throw e;
    }
    shared = new SharedSession(dir, session);
    return shared;
  });
}

async function releaseSession(s: SharedSession): Promise<void> {
  await exclusive(async () => {
    if (shared !== s || --s.users > 0) return;
    const { drainPending } = await import('chdb');
    await s.run(async () => undefined);
    s.session.close();
    shared = undefined;
    await drainPending();
  });
}

class ChdbTransport implements Transport {
  readonly kind = 'chdb';
  private closed = false;
  constructor(private readonly shared: SharedSession) {}

  async query(text: string, params: Params): Promise<Compact> {
    const out = await this.shared.run(async (s) =>
      (await s.queryBindAsync(text, params, { format: 'JSONCompact' })).text(),
    );
    return out.trim() ? (JSON.parse(out) as Compact) : { meta: [], data: [] };
  }

  async exec(text: string, params: Params): Promise<void> {
    await this.shared.run((s) => (Object.keys(params).length ? s.queryBindAsync(text, params) : s.queryAsync(text)));
  }

  async insertParquet(table: string, columns: readonly string[], file: string): Promise<void> {
    // clickhouse-local's file() reads absolute paths anywhere (a server's is confined to user_files).
    const cols = quoteIds(columns);
    await this.shared.run((s) =>
      s.queryBindAsync(
        `INSERT INTO ${clickhouseDialect.quoteId(table)} (${cols}) SELECT ${cols} FROM file({path:String}, Parquet) SETTINGS ${settingsText(strictInsert)}`,
        { path: resolve(file) },
      ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releaseSession(this.shared);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A server over HTTP

class ServerTransport implements Transport {
  readonly kind = 'server';
  constructor(private readonly client: ClickHouseClient) {}

  async query(text: string, params: Params): Promise<Compact> {
    const rs = await this.client.query({ query: text, query_params: params, format: 'JSONCompact' });
    return (await rs.json()) as unknown as Compact;
  }

  async exec(text: string, params: Params): Promise<void> {
    await this.client.command({ query: text, query_params: params });
  }

  async insertParquet(table: string, columns: readonly string[], file: string): Promise<void> {
    // The server cannot see our files: stream the bytes as an INSERT … FORMAT Parquet body.
    await this.client.insert({
      table: clickhouseDialect.quoteId(table),
      // The client pastes column names in unquoted; `group` (campaign_members) is a keyword.
      columns: columns.map(clickhouseDialect.quoteId) as [string, ...string[]],
      values: createReadStream(file),
      format: 'Parquet',
      clickhouse_settings: strictInsert,
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** `clickhouse://user:pass@host:8123/db` (http) or `clickhouses://…` (https) → @clickhouse/client options. */
export function serverOptions(target: string): { url: string; username: string; password: string; database: string } {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    throw tenureError('TEN_USAGE', { detail: `not a ClickHouse URL: ${target.replace(/\/\/[^@/]*@/, '//***@')}` });
  }
  const https = u.protocol === 'clickhouses:' || u.protocol === 'https:';
  const port = u.port || (https ? '8443' : '8123');
  return {
    url: `${https ? 'https' : 'http'}://${u.hostname}:${port}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'default',
  };
}

/** Seconds to wait for a server's first answer: the URL's `connect_timeout` parameter, else 10. */
export function connectTimeout(target: string): number {
  const given = Number(new URL(target).searchParams.get('connect_timeout'));
  return Number.isFinite(given) && given > 0 ? given : 10;
}

/**
 * Why a request never reached ClickHouse, in words, or null when the server answered (an error of its own).
 * Network failures carry Node's errno code (ECONNREFUSED, EHOSTUNREACH, ENOTFOUND…); a timeout is the abort.
 */
function unreachable(e: unknown, seconds: number): string | null {
  const err = e as { code?: unknown; name?: unknown; message?: unknown };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError' || /aborted|timeout/i.test(String(err?.message)))
    return `no answer within ${seconds} s`;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (!/^E[A-Z]+$/.test(code)) return null;
  const words: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused (is the server running, on that port?)',
    ECONNRESET: 'the connection was closed by the other side',
    EHOSTUNREACH: 'the host cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    ENOTFOUND: 'the host name is unknown',
    EAI_AGAIN: 'the host name could not be looked up',
    ETIMEDOUT: 'the connection timed out',
  };
  return `${words[code] ?? 'the connection failed'} (${code})`;
}

/**
 * Whether the server answered that it will not take these credentials (ClickHouse's error types for a login it
 * refuses): the user's fix is in the URL, not in Tenure.
 */
const REFUSED = new Set([
  'AUTHENTICATION_FAILED',
  'UNKNOWN_USER',
  'WRONG_PASSWORD',
  'REQUIRED_PASSWORD',
  'IP_ADDRESS_NOT_ALLOWED',
]);
const refused = (e: unknown) => REFUSED.has(String((e as { type?: unknown })?.type));

// ---------------------------------------------------------------------------------------------------------

/** TENURE_TRACE=1 prints each statement's duration to stderr, as the DuckDB connection does. */
const TRACE = !!process.env.TENURE_TRACE;

/** The engine's message, first line, without ClickHouse's stack trace. */
function engineMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? msg).replace(/\s*Stack trace:.*$/s, '').trim();
}

/** A ClickHouse connection: the same `Connection` as DuckDB's, returning rows in the same plain shapes. */
export class ClickHouseConnection implements Connection {
  readonly dialect = clickhouseDialect;
  private constructor(private readonly transport: Transport) {}

  /** chdb in this process, with its data in `dir` (created if missing). See SharedSession for the one-directory rule. */
  static async chdb(dir: string): Promise<ClickHouseConnection> {
    return new ClickHouseConnection(new ChdbTransport(await acquireSession(resolve(dir))));
  }

  /**
   * A ClickHouse server: `clickhouse://user:pass@host:8123/db`. Every request carries the dialect's settings.
   * A first `SELECT 1` proves the server answers: a host that refuses the connection, cannot be reached or
   * does not answer within `?connect_timeout=` seconds (default 10) is TEN_ENGINE_UNREACHABLE, not a hang; one
   * that answers but refuses the user or password is TEN_ENGINE_REFUSED.
   */
  static async server(target: string): Promise<ClickHouseConnection> {
    const { createClient, ClickHouseLogLevel } = await import('@clickhouse/client');
    const options = serverOptions(target);
    const client = createClient({
      ...options,
      application: 'tenure',
      // Failures reach the user once, as a TenureError; the client's own logger would print them again with a stack.
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { ...clickhouseSettings, ...outputSettings, ...readSettings } as ClickHouseSettings,
    });
    const conn = new ClickHouseConnection(new ServerTransport(client));
    const seconds = connectTimeout(target);
    try {
      await client.query({
        query: 'SELECT 1',
        format: 'JSONCompact',
        abort_signal: AbortSignal.timeout(seconds * 1000),
      });
    } catch (e) {
      await client.close();
      const host = new URL(options.url).host;
      const cause = unreachable(e, seconds);
      if (cause) throw tenureError('TEN_ENGINE_UNREACHABLE', { host, cause, seconds });
      if (refused(e))
        throw tenureError('TEN_ENGINE_REFUSED', { host, user: options.username, detail: engineMessage(e) });
      throw conn.failure(e, 'SELECT 1');
    }
    return conn;
  }

  /** `clickhouse://…`, `clickhouses://…`, `http(s)://…` → a server; `chdb:DIR` or a plain path → chdb. */
  static open(target: string): Promise<ClickHouseConnection> {
    if (/^(clickhouses?|https?):\/\//i.test(target)) return ClickHouseConnection.server(target);
    return ClickHouseConnection.chdb(target.replace(/^chdb:(\/\/)?/i, ''));
  }

  /** 'chdb' in process, 'server' over HTTP. */
  get transportKind(): 'chdb' | 'server' {
    return this.transport.kind;
  }

  private printed(q: Sql): { text: string; params: Params } {
    const p = print(q, this.dialect);
    const params: Params = {};
    p.params.forEach((v, i) => {
      params[`p${i + 1}`] = v;
    });
    return { text: p.text, params };
  }

  private failure(e: unknown, text: string) {
    const message = engineMessage(e);
    const code = (e as { clickhouseCode?: unknown; code?: unknown }).clickhouseCode ?? (e as { code?: unknown }).code;
    return tenureError(
      'TEN_INTERNAL',
      { detail: `ClickHouse: ${message}` },
      {},
      { engine: 'clickhouse', transport: this.transport.kind, message, code, sql: text },
    );
  }

  private async guarded<T>(text: string, fn: () => Promise<T>): Promise<T> {
    const t0 = TRACE ? performance.now() : 0;
    try {
      return await fn();
    } catch (e) {
      throw this.failure(e, text);
    } finally {
      if (TRACE)
        process.stderr.write(
          `[trace] ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${text.replace(/\s+/g, ' ').slice(0, 160)}\n`,
        );
    }
  }

  async run(q: Sql): Promise<void> {
    const { text, params } = this.printed(q);
    await this.guarded(text, () => this.transport.exec(text, params));
  }

  async all<T extends Row = Row>(q: Sql): Promise<T[]> {
    const { text, params } = this.printed(q);
    const r = await this.guarded(text, () => this.transport.query(text, params));
    return rowsFromCompact(r.meta, r.data) as T[];
  }

  /** Load a local Parquet file into an existing table; used by copyWorkspace. */
  async insertParquet(table: string, columns: readonly string[], file: string): Promise<void> {
    await this.guarded(`INSERT INTO ${table} FORMAT Parquet`, () => this.transport.insertParquet(table, columns, file));
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

/** In-process ClickHouse over chdb, its data in `dataDir`. One directory per process (see SharedSession). */
export function createChdbConnection(dataDir: string): Promise<ClickHouseConnection> {
  return ClickHouseConnection.chdb(dataDir);
}
