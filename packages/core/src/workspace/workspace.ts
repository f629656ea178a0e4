import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import { defaultConfig, parseConfig, type TenureConfig } from './config.ts';
import { allDdl, SCHEMA_VERSION } from './ddl.ts';

export const DB_FILE = 'tenure.duckdb';
export const CONFIG_FILE = 'tenure.config.json';

/** An open workspace: a folder with tenure.duckdb and tenure.config.json. Close it to release the file. */
export interface Workspace {
  dir: string;
  config: TenureConfig;
  db: DuckDbConnection;
  close(): Promise<void>;
}

/** A folder is a workspace when it has a config; the database file is created on first open. */
export function isWorkspace(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE));
}

/** Create a workspace. Refuses to overwrite one unless `force`. */
export async function initWorkspace(
  dirIn: string,
  opts: { force?: boolean; config?: Partial<TenureConfig> } = {},
): Promise<Workspace> {
  const dir = resolve(dirIn);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw tenureError('TEN_WORKSPACE_BAD_PATH', { dir, detail: 'it is a file' });
  }
  if (isWorkspace(dir)) {
    if (!opts.force) throw tenureError('TEN_WORKSPACE_EXISTS', { dir });
    // Open first, so a workspace held by a running server is reported as locked rather than deleted under it.
    const held = await DuckDbConnection.open(join(dir, DB_FILE));
    await held.close();
    for (const f of [DB_FILE, `${DB_FILE}.wal`, CONFIG_FILE]) rmSync(join(dir, f), { force: true });
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw tenureError('TEN_WORKSPACE_BAD_PATH', { dir, detail: (e as Error).message });
  }
  const config = { ...defaultConfig(), ...opts.config };
  writeFileSync(join(dir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
  return openWorkspace(dir);
}

/** Open an existing workspace, validating its config and bringing its schema up to date. */
export async function openWorkspace(dirIn: string): Promise<Workspace> {
  const dir = resolve(dirIn);
  if (!isWorkspace(dir)) throw tenureError('TEN_WORKSPACE_NOT_FOUND', { dir });
  const configPath = join(dir, CONFIG_FILE);
  const config = parseConfig(readFileSync(configPath, 'utf8'), configPath);
  const db = await DuckDbConnection.open(join(dir, DB_FILE));
  try {
    await db.run(sql`SET TimeZone = ${config.timezone}`).catch(() => undefined);
    for (const stmt of allDdl()) await db.run(stmt);
    await db.run(sql`INSERT OR REPLACE INTO meta VALUES ('schema_version', ${SCHEMA_VERSION})`);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { dir, config, db, close: () => db.close() };
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
