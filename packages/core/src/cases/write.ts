/**
 * The one way a case changes: an event appended at the next version and the row updated where its version is
 * the one the change was based on, in one transaction. Each write runs on a connection of its own, so agents'
 * writes never interleave inside another request's transaction, and a lost race (the row updated meanwhile,
 * or DuckDB's write conflict on it) is rolled back and refused as TEN_CASE_STALE with the version that won.
 */
import { auditInsert } from '../access/audit.ts';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { TenureError, tenureError } from '../errors.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { fieldError } from './input.ts';
import { casesChanged } from './list-cache.ts';
import { CASE_COLUMNS, type CaseColumn, type CaseEvent, type CaseRow, caseSelect } from './record.ts';

/** A change to write: the event without its key and version, which the write gives it. */
export type Change = Omit<CaseEvent, 'case_id' | 'version'>;

/** The case as it is now, or TEN_CASE_NOT_FOUND. */
export async function readCase(db: DuckDbConnection, id: string): Promise<CaseRow> {
  const [row] = await db.all<CaseRow & Record<string, unknown>>(
    sql`SELECT ${caseSelect()} FROM cases c WHERE c.case_id = ${id}`,
  );
  if (!row) throw tenureError('TEN_CASE_NOT_FOUND', { id });
  return row;
}

/** The time of a write: the one given (an import, the demo) or now, as ISO text with milliseconds. */
export const timeOf = (at: string | undefined): string => new Date(at ?? Date.now()).toISOString();

/**
 * `fn` on a connection of its own: the workspace's when only this caller uses it (a server request's), else a new
 * one, closed after. Opening one costs two round trips, and its prepared statements go with it.
 */
async function onOwnConnection<T>(ws: Workspace, fn: (db: DuckDbConnection) => Promise<T>): Promise<T> {
  if (ws.own) return fn(ws.db);
  const db = await ws.db.connect();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const insertEvent = (id: string, version: number, c: Change): Sql =>
  sql`INSERT INTO case_events (case_id, version, "at", actor, action, from_stage, to_stage, fields, note)
      VALUES (${id}, ${version}, ${c.at}, ${c.actor}, ${c.action}, ${c.from_stage}, ${c.to_stage},
              ${JSON.stringify(c.fields)}, ${c.note})`;

/** DuckDB's refusals when another transaction wrote the same row or key first. */
const isConflict = (e: unknown) =>
  !(e instanceof TenureError) && /conflict on|duplicate key/i.test(e instanceof Error ? e.message : String(e));

/**
 * The request's audit entry, naming the case, in the write's transaction when the workspace view carries one
 * (`Workspace.audit`): one commit for an agent to wait for on the disk, where the entry's own made two.
 */
async function audited(ws: Workspace, db: DuckDbConnection, id: string): Promise<void> {
  if (ws.audit) await db.run(auditInsert({ ...ws.audit, target: id }));
}

/**
 * A new case: its row, its `created` event (version 1) and the request's audit entry together. `fields` holds
 * every column but the key.
 */
export async function insertCase(ws: Workspace, id: string, change: Change): Promise<CaseRow> {
  return onOwnConnection(ws, async (db) => {
    try {
      await db.transaction(async () => {
        const cols = Object.keys(change.fields) as CaseColumn[];
        await db.run(sql`INSERT INTO cases (case_id, ${sql.ids(cols)}, version, updated_at)
          VALUES (${id}, ${sql.join(cols.map((c) => sql`${change.fields[c]}`))}, 1, ${change.at})`);
        await db.run(insertEvent(id, 1, change));
        await audited(ws, db, id);
      });
      casesChanged(ws);
    } catch (e) {
      if (isConflict(e)) throw tenureError('TEN_CASE_EXISTS', { id });
      throw e;
    }
    return readCase(db, id);
  });
}

/**
 * Apply a change to a case read at version `basedOn`: the row's columns in `change.fields`, its version and
 * time, the event and the request's audit entry (`audited`), or nothing. Returns the case as written.
 */
export async function writeChange(ws: Workspace, id: string, basedOn: number, change: Change): Promise<CaseRow> {
  return onOwnConnection(ws, async (db) => {
    const version = basedOn + 1;
    try {
      await db.transaction(async () => {
        const cols = (Object.keys(change.fields) as CaseColumn[]).filter((c) => CASE_COLUMNS.includes(c));
        const sets = [
          ...cols.map((c) => sql`${sql.id(c)} = ${change.fields[c]}`),
          sql`version = version + 1`,
          sql`updated_at = ${change.at}`,
        ];
        // The version is checked by what the update made of it, not in its filter: a filter on the key alone is an
        // index lookup, the key and the version together a scan of every case (10 ms at 450,000 cases); and not
        // by a read before it, one more statement for an agent to wait for. A version other than the next one
        // rolls the update back. A writer that committed since this transaction began makes the update fail on
        // DuckDB's write conflict instead (isConflict below).
        const [now] = await db.all<{ version: number }>(
          sql`UPDATE cases SET ${sql.join(sets)} WHERE case_id = ${id} RETURNING version`,
        );
        if (now?.version !== version) throw stale(id, basedOn, -1);
        await db.run(insertEvent(id, version, change));
        await audited(ws, db, id);
      });
      casesChanged(ws);
    } catch (e) {
      if (isConflict(e) || (e instanceof TenureError && e.code === 'TEN_CASE_STALE'))
        throw stale(id, basedOn, await settledVersion(db, id, basedOn));
      throw e;
    }
    // Read after the commit, not returned by the update: RETURNING the row cost more than reading it (4 ms, 2 ms).
    return readCase(db, id);
  });
}

/**
 * The version that won a race. DuckDB refuses the second writer while the first has yet to commit, so the
 * winner's version shows a moment later: read until it does (a winner that rolled back leaves `basedOn`,
 * which the loser may then write on again).
 */
async function settledVersion(db: DuckDbConnection, id: string, basedOn: number): Promise<number> {
  for (let wait = 1; wait <= 256; wait *= 2) {
    const { version } = await readCase(db, id);
    if (version !== basedOn) return version;
    await new Promise((done) => setTimeout(done, wait));
  }
  return basedOn;
}

export const stale = (id: string, expected: number, current: number) =>
  tenureError('TEN_CASE_STALE', { id, expected, current }, {}, { version: current });

/**
 * The version a change is based on: the caller's (an API client's If-Match, a form's hidden version), which
 * must still be the case's, or the case's own when the caller read none.
 */
export function basedOn(c: CaseRow, expected: number | undefined): number {
  if (expected !== undefined && expected !== c.version) throw stale(c.case_id, expected, c.version);
  return c.version;
}

/** Times move forward: an event dated before the case's last one would make its stage times negative. */
export function checkTime(c: CaseRow, at: string): void {
  if (at < c.updated_at)
    throw fieldError(c.case_id, c.stage, [
      {
        field: 'at',
        value: at,
        expected: { en: `a time at or after ${c.updated_at}`, 'zh-CN': `不早于 ${c.updated_at} 的时间` },
      },
    ]);
}
