import { sql } from '../../sql/sql.ts';
import type { Dialect, Grain } from '../dialect.ts';

// Grain names are DuckDB's unit names; the union type makes them a whitelist.
const unit = (g: Grain) => sql.raw(g);

/** DuckDB: double-quoted identifiers, positional `$n` parameters, date_trunc/date_diff calendar functions. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  quoteId: (id) => `"${id.replaceAll('"', '""')}"`,
  param: (n) => `$${n}`,
  timestamp: (text) => sql`CAST(${text} AS TIMESTAMP)`,
  periodStart: (g, ts) => sql`CAST(date_trunc('${unit(g)}', ${ts}) AS TIMESTAMP)`,
  addPeriods: (g, ts, n) =>
    g === 'week'
      ? sql`CAST(${ts} + to_days(CAST(7 * (${n}) AS INTEGER)) AS TIMESTAMP)`
      : g === 'quarter'
        ? sql`CAST(${ts} + to_months(CAST(3 * (${n}) AS INTEGER)) AS TIMESTAMP)`
        : sql`CAST(${ts} + ${sql.raw(`to_${g}s`)}(CAST(${n} AS INTEGER)) AS TIMESTAMP)`,
  periodsBetween: (g, a, b) => sql`date_diff('${unit(g)}', ${a}, ${b})`,
  daysBetween: (a, b) => sql`(epoch(${b}) - epoch(${a})) / 86400.0`,
  series: (n) => sql`(SELECT range AS i FROM range(${n}))`,
  ratio: (x, y) => sql`(CAST(${x} AS DOUBLE) / NULLIF(CAST(${y} AS DOUBLE), 0))`,
  quantile: (p, x) => sql`quantile_cont(CAST(${x} AS DOUBLE), ${sql.raw(String(p))})`,
  querySuffix: sql``,
};
