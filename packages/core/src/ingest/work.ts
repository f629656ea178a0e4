/**
 * Imports into the retention team's work (`cases`, `case_events`): the same phases as every import (read, map,
 * check, load, record, one transaction, rejects and the reject-rate gate), with two steps of their own that
 * the entity tables do without: rules that read the workspace (users, the case's stage, its last change) flag
 * rows after the one-pass check, and the load writes the case tables (a row and its events) instead of the
 * upsert. One line per work record.
 */

import { casesLoader } from '../cases/import/cases.ts';
import { caseEventsLoader } from '../cases/import/events.ts';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import type { ErrorCode } from '../errors.ts';
import type { Entity, WorkName } from '../schema/index.ts';
import type { Sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { CheckedColumn, Rule } from './validate.ts';

export interface WorkCheck {
  ws: Workspace;
  db: DuckDbConnection;
  /** The mapped columns of the checked table (a field the file lacks has none). */
  columns: CheckedColumn[];
  /** A new rule of this import, for the rejects its flagged rows get. */
  rule(code: ErrorCode, field: string, value: Sql, expected?: string): Rule;
}

export interface WorkLoad {
  ws: Workspace;
  db: DuckDbConnection;
  columns: CheckedColumn[];
  /** The rows to load. */
  OK: Sql;
}

/** The records a write added and changed. */
export interface Written {
  inserted: number;
  updated: number;
}

export interface WorkLoader {
  /** Flag rows breaking rules that need the workspace (into the import's flags table). */
  flag(c: WorkCheck): Promise<void>;
  /** Write the rows that passed (in a transaction of their own: ingest/phases/load.ts `workPhase`). */
  write(c: WorkLoad): Promise<Written>;
}

const loaders = { cases: casesLoader, case_events: caseEventsLoader } satisfies Record<WorkName, WorkLoader>;

/** The loader of a work record, or none for an entity of the data model. */
export const workLoaderOf = (e: Entity): WorkLoader | undefined =>
  Object.hasOwn(loaders, e.name) ? loaders[e.name as WorkName] : undefined;
