import { tenureError } from '../errors.ts';
import { type Sql, type SqlValue, sql } from '../sql/sql.ts';

/** Calendar grains every metric can be computed at. Weeks and fiscal years are built from these in shared code. */
export const grains = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof grains)[number];

// Each grain's unit name as an SQL string literal, written out here so the text never comes from a caller.
const UNITS: Record<Grain, Sql> = {
  day: sql`'day'`,
  week: sql`'week'`,
  month: sql`'month'`,
  quarter: sql`'quarter'`,
  year: sql`'year'`,
};

/**
 * A grain as the quoted unit date functions take (`date_trunc('month', …)`, `dateDiff('month', …)`). The grain
 * is looked up in a fixed table rather than pasted: a grain arrives from requests and configs, and a value the
 * type did not foresee (JSON is not checked by tsc) must fail here, not reach the SQL.
 * @example sql`date_trunc(${grainUnit('month')}, started_at)` // date_trunc('month', started_at)
 */
export function grainUnit(g: Grain): Sql {
  if (!Object.hasOwn(UNITS, g)) throw tenureError('TEN_INTERNAL', { detail: `unknown grain ${JSON.stringify(g)}` });
  return UNITS[g];
}

/**
 * What differs between SQL engines, and nothing else. Every member is required, so a new dialect that
 * misses one does not compile (Cube's per-dialect templates, without the class hierarchy). Metrics never
 * name an engine: they call these.
 */
export interface Dialect {
  readonly name: string;
  /** Quote one identifier part. */
  quoteId(id: string): string;
  /** The placeholder for the n-th (1-based) bound parameter. */
  param(n: number, value: SqlValue): string;
  /** A bound 'YYYY-MM-DD[ HH:MM:SS]' text as a timestamp. */
  timestamp(text: Sql): Sql;
  /** Start of the ISO period (weeks start on Monday, years in January) containing ts, as a timestamp. */
  periodStart(grain: Grain, ts: Sql): Sql;
  /** ts plus n (an integer expression) periods, as a timestamp. */
  addPeriods(grain: Grain, ts: Sql, n: Sql): Sql;
  /** Whole period boundaries crossed from a to b (date_diff semantics): month of 2024-01-31 → 2024-02-01 is 1. */
  periodsBetween(grain: Grain, a: Sql, b: Sql): Sql;
  /** Days (fractional) from a to b. */
  daysBetween(a: Sql, b: Sql): Sql;
  /** A table of integers 0 … n-1 in a column named `i`. */
  series(n: Sql): Sql;
  /** x ÷ y as a double, NULL when y is 0 or NULL. */
  ratio(x: Sql, y: Sql): Sql;
  /** The exact p-quantile of x (linear interpolation, like R type 7). */
  quantile(p: number, x: Sql): Sql;
  /** The current time as a naive UTC timestamp (the type every stored time has). */
  readonly now: Sql;
  /** A number stored under `key` in a JSON object held as text (case_events.fields), as DECIMAL(18,4); NULL when absent. */
  jsonDecimal(json: Sql, key: string): Sql;
  /**
   * A product of an amount and a rate (a double) as DECIMAL(18,4), rounded half away from zero at the 4th decimal,
   * so converted amounts sum exactly as stored ones do and both engines round alike (metrics/currency.ts).
   */
  money(x: Sql): Sql;
  /** Text appended to every query (ClickHouse: SETTINGS that make joins and NULLs behave like SQL). */
  readonly querySuffix: Sql;
}
