/**
 * Breaches, computed in SQL at a given time (never stored: they change with the clock). A target's clock stops
 * when it is met: the first response at `first_response_at`, the resolution when the case is closed or
 * cancelled (`closed_at`; a reopened case runs against its original due time again). A case without due
 * times (no policy applied) never breaches.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { isoOf } from '../record.ts';

/** The time the state is computed at, as a SQL timestamp. */
export const nowOf = (now: Date): Sql => sql`CAST(${now.toISOString()} AS TIMESTAMP)`;

/** The first response came, or is still missing, after its due time. */
export const firstResponseBreached = (c: Sql, now: Sql): Sql =>
  sql`coalesce(${c}.first_response_due < coalesce(${c}.first_response_at, ${c}.closed_at, ${now}), false)`;

/** The case closed, or is still open, after its resolution due time. */
export const resolutionBreached = (c: Sql, now: Sql): Sql =>
  sql`coalesce(${c}.resolution_due < coalesce(${c}.closed_at, ${now}), false)`;

/** An open case with a target running past due: unanswered past its first response, or unresolved past its resolution. */
export const overdue = (c: Sql, now: Sql): Sql =>
  sql`(${c}.closed_at IS NULL AND coalesce((${c}.first_response_at IS NULL AND ${c}.first_response_due < ${now})
    OR ${c}.resolution_due < ${now}, false))`;

/** The next due time that still matters: the first response's until it is met, then the resolution's. */
export const nextDue = (c: Sql): Sql =>
  sql`CASE WHEN ${c}.first_response_at IS NULL AND ${c}.closed_at IS NULL
    THEN least(${c}.first_response_due, ${c}.resolution_due) ELSE ${c}.resolution_due END`;

/** The SLA state columns of a case row, for lists and the case page. */
export const slaStateSelect = (alias: string, now: Date): Sql => {
  const c = sql`${sql.id(alias)}`;
  const t = nowOf(now);
  return sql.join([
    sql`${firstResponseBreached(c, t)} AS first_response_breached`,
    sql`${resolutionBreached(c, t)} AS resolution_breached`,
    sql`${overdue(c, t)} AS overdue`,
    sql`${isoOf(nextDue(c))} AS next_due`,
  ]);
};

/** A case's SLA state at the time it was read. */
export interface SlaState {
  first_response_breached: boolean;
  resolution_breached: boolean;
  /** Open with a target past due. */
  overdue: boolean;
  /** The due time that matters next (first response until met, then resolution), null without an SLA. */
  next_due: string | null;
}
