import { type Sql, sql } from '../../sql/sql.ts';
import { type Dialect, type Grain, grainUnit } from '../dialect.ts';

/** ts plus n periods: a week as 7 days and a quarter as 3 months, as in the ClickHouse dialect. */
const adders: Record<Grain, (ts: Sql, n: Sql) => Sql> = {
  day: (ts, n) => sql`${ts} + to_days(CAST(${n} AS INTEGER))`,
  week: (ts, n) => sql`${ts} + to_days(CAST(7 * (${n}) AS INTEGER))`,
  month: (ts, n) => sql`${ts} + to_months(CAST(${n} AS INTEGER))`,
  quarter: (ts, n) => sql`${ts} + to_months(CAST(3 * (${n}) AS INTEGER))`,
  year: (ts, n) => sql`${ts} + to_years(CAST(${n} AS INTEGER))`,
};

/** DuckDB: double-quoted identifiers, positional `$n` parameters, date_trunc/date_diff calendar functions. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  quoteId: (id) => `"${id.replaceAll('"', '""')}"`,
  param: (n) => `$${n}`,
  timestamp: (text) => sql`CAST(${text} AS TIMESTAMP)`,
  periodStart: (g, ts) => sql`CAST(date_trunc(${grainUnit(g)}, ${ts}) AS TIMESTAMP)`,
  addPeriods: (g, ts, n) => sql`CAST(${adders[g](ts, n)} AS TIMESTAMP)`,
  periodsBetween: (g, a, b) => sql`date_diff(${grainUnit(g)}, ${a}, ${b})`,
  daysBetween: (a, b) => sql`(epoch(${b}) - epoch(${a})) / 86400.0`,
  series: (n) => sql`(SELECT range AS i FROM range(${n}))`,
  ratio: (x, y) => sql`(CAST(${x} AS DOUBLE) / NULLIF(CAST(${y} AS DOUBLE), 0))`,
  quantile: (p, x) => sql`quantile_cont(CAST(${x} AS DOUBLE), ${sql.raw(String(p))})`,
  now: sql`CAST(timezone('UTC', current_timestamp) AS TIMESTAMP)`,
  // json_extract_string reads a number or a numeric string alike; TRY_CAST makes anything else NULL.
  jsonDecimal: (json, key) => sql`TRY_CAST(json_extract_string(${json}, ${`$.${key}`}) AS DECIMAL(18,4))`,
  money: (x) => sql`CAST(round(CAST(${x} AS DOUBLE), 4) AS DECIMAL(18,4))`,
  querySuffix: sql``,
};
