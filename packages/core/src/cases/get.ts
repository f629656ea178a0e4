import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseEvent, type CaseRow, eventOf, eventSelect, type StoredEvent } from './record.ts';
import { readCase } from './write.ts';

export interface CaseDetail {
  case: CaseRow;
  /** Every change, newest first: the case page's timeline. */
  events: CaseEvent[];
}

/**
 * One case and its event log, or TEN_CASE_NOT_FOUND.
 * @example const { case: c, events } = await getCase(ws, 'CASE-000001')
 */
export async function getCase(ws: Workspace, id: string): Promise<CaseDetail> {
  const c = await readCase(ws.db, id);
  const rows = await ws.db.all<StoredEvent & Record<string, unknown>>(
    sql`SELECT ${eventSelect} FROM case_events WHERE case_id = ${id} ORDER BY version DESC`,
  );
  return { case: c, events: rows.map(eventOf) };
}
