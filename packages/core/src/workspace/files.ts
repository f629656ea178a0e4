/**
 * The files that make a folder a workspace. Kept apart from workspace.ts (zod, DuckDB) so a shell can tell a
 * workspace folder before it knows whether the command will open it (`@tenure/core/shell`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DB_FILE = 'tenure.duckdb';
export const CONFIG_FILE = 'tenure.config.json';
/** The retention team's records, attached to the workspace's database (people.ts). */
export const PEOPLE_FILE = 'people.duckdb';
/** The files that hold a workspace's data, with DuckDB's write-ahead logs: what replacing a workspace removes. */
export const DATA_FILES = [DB_FILE, `${DB_FILE}.wal`, PEOPLE_FILE, `${PEOPLE_FILE}.wal`] as const;

/** A folder is a workspace when it has a config; the database file is created on first open. */
export function isWorkspace(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE));
}
