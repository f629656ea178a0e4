import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseEvent, type CaseListRow, caseSelect, eventOf, eventSelect, type StoredEvent } from './record.ts';
import { slaStateSelect } from './sla/state.ts';
import { readCase } from './write.ts';

export interface CaseDetail {
  /** The case and its SLA state when read. */
  case: CaseListRow;
  /** Every change, newest first: the case page's timeline. */
  events: CaseEvent[];
}

/** A case's events, newest first: a lookup in the log's index by case (migration 0012), not a scan of every event. */
export const eventsOf = (id: string): Sql =>
  sql`SELECT ${eventSelect} FROM case_events WHERE case_id = ${id} ORDER BY version DESC`;

/**
 * One case with its SLA state and its event log, or TEN_CASE_NOT_FOUND.
 * @example const { case: c, events } = await getCase(ws, 'CASE-000001')
 */
export async function getCase(ws: Workspace, id: string, now: Date = new Date()): Promise<CaseDetail> {
  await readCase(ws.db, id);
  const [c] = await ws.db.all<CaseListRow & Record<string, unknown>>(
    sql`SELECT ${caseSelect()}, ${slaStateSelect('c', now)} FROM cases c WHERE c.case_id = ${id}`,
  );
  const rows = await ws.db.all<StoredEvent & Record<string, unknown>>(eventsOf(id));
  return { case: c as CaseListRow, events: rows.map(eventOf) };
}
