import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuditEntry } from '../access/audit.ts';
import { type AccessRows, readAccess, restoreAccess } from '../access/carry-over.ts';
import { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { TenureError, tenureError } from '../errors.ts';
import type { TenureConfig } from './config.ts';
import { readConfig } from './config-file.ts';
import { CONFIG_FILE, DATA_FILES, DB_FILE, isWorkspace } from './files.ts';
import { migrateWorkspace } from './migrations/run.ts';
import { attachPeople, separatePeople } from './people.ts';
import { readServerFile } from './server-file.ts';
import { setTimeZone } from './time-zone.ts';

export { CONFIG_FILE, DATA_FILES, DB_FILE, isWorkspace };

/** An open workspace: a folder with tenure.duckdb, people.duckdb and tenure.config.json. Close it to release the files. */
export interface Workspace {
  dir: string;
  config: TenureConfig;
  db: DuckDbConnection;
  /**
   * True when `db` serves one caller at a time (a server request's own connection): a case write then runs its
   * transaction on it rather than on a connection of its own (cases/write.ts).
   */
  own?: boolean;
  /**
   * The audit entry of the request this view serves, for its case write to record, naming the case, in the
   * write's own transaction (cases/write.ts).
   */
  audit?: AuditEntry;
  close(): Promise<void>;
}

/**
 * Open the workspace's database. When DuckDB's lock refuses it and a running `tenure serve` recorded itself
 * in the folder, say that this server holds it and where it is.
 */
async function openDb(dir: string): Promise<DuckDbConnection> {
  try {
    return await DuckDbConnection.open(join(dir, DB_FILE));
  } catch (e) {
    const server = e instanceof TenureError && e.code === 'TEN_WORKSPACE_LOCKED' ? readServerFile(dir) : null;
    if (server)
      throw tenureError('TEN_SERVER_HOLDS_WORKSPACE', { dir, url: server.url, pid: server.pid }, { file: dir });
    throw e;
  }
}

/**
 * Create a workspace. Refuses to overwrite one unless `force`. With `engine` (`chdb:DIR` or
 * `clickhouse://user:pass@host:8123/db`) its entity tables are created in ClickHouse and live there
 * (engine/clickhouse/record.ts); an unreachable server fails before anything is written.
 */
export async function initWorkspace(
  dirIn: string,
  opts: { force?: boolean; config?: Partial<TenureConfig>; keepAccess?: boolean; engine?: string } = {},
): Promise<Workspace> {
  const dir = resolve(dirIn);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw tenureError('TEN_WORKSPACE_BAD_PATH', { dir, detail: 'it is a file' });
  }
  if (isWorkspace(dir) && !opts.force) throw tenureError('TEN_WORKSPACE_EXISTS', { dir });
  let engine: string | undefined;
  if (opts.engine) {
    const { createRecord, recordTarget } = await import('../engine/clickhouse/record.ts');
    engine = recordTarget(opts.engine);
    await createRecord(engine);
  }
  let access: AccessRows | null = null;
  if (isWorkspace(dir)) {
    // Open first, so a workspace held by a running server is reported as locked rather than deleted under it.
    const held = await openDb(dir);
    try {
      if (opts.keepAccess) access = await readAccess(held);
    } finally {
      await held.close();
    }
    for (const f of [...DATA_FILES, CONFIG_FILE]) rmSync(join(dir, f), { force: true });
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw tenureError('TEN_WORKSPACE_BAD_PATH', { dir, detail: (e as Error).message });
  }
  const { defaultConfig } = await import('./config.ts');
  const config = { ...defaultConfig(), ...opts.config, ...(engine ? { engine } : {}) };
  writeFileSync(join(dir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
  // A workspace is data (customer records, a database file), never source: a workspace created inside a
  // repository (`tenure init my-shop` in a clone) stays out of git, and out of biome, which honours .gitignore.
  if (!existsSync(join(dir, '.gitignore')))
    writeFileSync(join(dir, '.gitignore'), '# Tenure workspace: data, not source\n*\n');
  const ws = await openWorkspace(dir);
  if (access) {
    try {
      await restoreAccess(ws.db, access);
    } catch (e) {
      await ws.close();
      throw e;
    }
  }
  return ws;
}

/**
 * Open an existing workspace, validating its config (zod only when it changed: config-file.ts) and bringing its
 * schema up to date (the migrations in `migrations/`, in one transaction); a workspace from a newer Tenure is
 * refused with TEN_WORKSPACE_TOO_NEW.
 */
export async function openWorkspace(dirIn: string): Promise<Workspace> {
  const dir = resolve(dirIn);
  if (!isWorkspace(dir)) throw tenureError('TEN_WORKSPACE_NOT_FOUND', { dir });
  const config = await readConfig(dir);
  const db = await openDb(dir);
  try {
    const home = await attachPeople(db, dir);
    await setTimeZone(db, config.timezone, join(dir, CONFIG_FILE));
    await migrateWorkspace(db, dir);
    await separatePeople(db, home);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { dir, config, db, close: () => db.close() };
}

/**
 * Another connection to an open workspace, with the workspace's time zone; closing it leaves the workspace
 * open. The server gives each request and each import job its own, so an import's transaction never
 * interleaves with reads; `own` says that only one caller at a time uses it.
 * @example const view = await connectWorkspace(ws); try { await workspaceStatus(view) } finally { await view.close() }
 */
export async function connectWorkspace(ws: Workspace, o: { own?: boolean } = {}): Promise<Workspace> {
  const db = await ws.db.connect();
  try {
    await setTimeZone(db, ws.config.timezone, join(ws.dir, CONFIG_FILE));
  } catch (e) {
    await db.close();
    throw e;
  }
  // One caller, the same few statements again and again: kept prepared, one round trip each.
  if (o.own) db.keepStatements();
  return { dir: ws.dir, config: ws.config, db, ...(o.own && { own: true }), close: () => db.close() };
}

/** Open, run, close: the shape of every one-shot command. */
export async function withWorkspace<T>(dir: string, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(dir);
  try {
    return await fn(ws);
  } finally {
    await ws.close();
  }
}
