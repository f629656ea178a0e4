/**
 * The retention team's own records live in a second database file beside the workspace's, `people.duckdb`:
 * cases and their events, playbooks and their runs, teams, and the audit log. It is attached to the workspace's
 * DuckDB instance and its tables are found by their plain names (the search path), so no query names the file.
 *
 * Why a second file: DuckDB commits one transaction at a time per database. An import's append, a store rewrite
 * or a rollup table commits hundreds of megabytes, and every agent's one-row commit in the same file waited for
 * it (`npm run bench:commit-stall`: p99 206 ms beside a 1M-row commit in one file, 9 ms with the small writes in
 * an attached one). People's writes must not queue behind analytics (issue 12).
 *
 * What it costs: a transaction writes one database only. The few writes that touch both files — a case import
 * with its batch record, the demo — commit the people side on its own (ingest/import.ts, demo/index.ts say what a
 * crash between the two leaves). Reads across both are free.
 *
 * The schema: migrations create and change these tables in the workspace, in the migration's one transaction, as
 * they always did; each open then moves whatever of them is still there into people.duckdb (engine/duckdb/
 * move-tables.ts: a crash half-way is finished on the next open). A new workspace pays that once, empty; an
 * older one moves its history once. A later migration that changes one of these tables cannot run in the
 * migration transaction (it would write both files): it is a step here, after the move.
 */
import { join } from 'node:path';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { moveTables } from '../engine/duckdb/move-tables.ts';
import { sql } from '../sql/sql.ts';
import { PEOPLE_FILE } from './files.ts';

/** The attached database's name in SQL (its file: files.ts). */
export const PEOPLE_DB = 'people';

export const PEOPLE_TABLES = [
  'cases',
  'case_events',
  'playbooks',
  'playbook_runs',
  'teams',
  'team_members',
  'audit_log',
] as const;
const PEOPLE_SEQUENCES = ['case_seq', 'playbook_run_seq', 'audit_seq'] as const;

/**
 * Attach people.duckdb to a workspace's database (created when missing); every later connection finds its tables.
 * Returns the workspace database's own name, for `separatePeople`.
 */
export function attachPeople(db: DuckDbConnection, dir: string): Promise<string> {
  return db.attach(PEOPLE_DB, join(dir, PEOPLE_FILE));
}

/** Move the people tables the migrations left in the workspace `home` into people.duckdb (after `attachPeople`). */
export async function separatePeople(db: DuckDbConnection, home: string): Promise<void> {
  if (await leftHere(db, home))
    await moveTables(db, PEOPLE_DB, { tables: [...PEOPLE_TABLES], sequences: [...PEOPLE_SEQUENCES] });
}

/**
 * Whether the workspace's own database still holds them. The migrations create them together and a move drops
 * every original in one transaction, so `cases` tells for all: one lookup by name, where reading the catalog
 * (moveTables) cost every open 10 ms.
 */
async function leftHere(db: DuckDbConnection, home: string): Promise<boolean> {
  try {
    await db.run(sql`SELECT 1 AS x FROM ${sql.id(home, 'main', 'cases')} LIMIT 0`);
    return true;
  } catch {
    return false;
  }
}
