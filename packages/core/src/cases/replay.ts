import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { CASE_COLUMNS, type CaseEvent, type CaseRow, eventOf, eventSelect, type StoredEvent } from './record.ts';

const NONE = Object.fromEntries(CASE_COLUMNS.map((c) => [c, null]));

/**
 * A case's row as its events make it: each event's fields laid over the last, its version and time the row's.
 * The row of `cases` is exactly this (the test replays every case), so the log is the record and the row a
 * cache of it; later figures (time in stage, compensation paid over every walk of a reopened case) read the log.
 * @example foldCase(events) // events of one case in version order
 */
export function foldCase(events: readonly CaseEvent[]): CaseRow | null {
  let row: Record<string, unknown> | null = null;
  for (const e of events) {
    // Every column starts null: a case created before a column existed has no value for it in its events.
    row = { ...(row ?? { case_id: e.case_id, ...NONE }), ...e.fields, version: e.version, updated_at: e.at };
  }
  return row as CaseRow | null;
}

/**
 * Every case rebuilt from `case_events` alone, by id: to check the table against its log, or to rebuild it.
 * @example const rebuilt = await replayCases(ws)
 */
export async function replayCases(ws: Workspace): Promise<CaseRow[]> {
  const rows = await ws.db.all<StoredEvent & Record<string, unknown>>(
    sql`SELECT ${eventSelect} FROM case_events ORDER BY case_id, version`,
  );
  const byCase = new Map<string, CaseEvent[]>();
  for (const r of rows) {
    const e = eventOf(r);
    const list = byCase.get(e.case_id);
    if (list) list.push(e);
    else byCase.set(e.case_id, [e]);
  }
  return [...byCase.values()].map((events) => foldCase(events) as CaseRow);
}
