import { Sql, type SqlValue, sql } from '../../sql/sql.ts';
import { type Dialect, type Grain, grainUnit } from '../dialect.ts';

/**
 * Settings every ClickHouse statement runs with, so that the SQL Tenure writes means what it means on
 * DuckDB. The connection applies them to every statement (chdb: `SET` once per session; a server: on every
 * request), and `querySuffix` carries the same list for SQL that leaves through other paths. Each line says
 * which DuckDB behaviour it restores.
 */
export const clickhouseSettings = {
  /** Outer joins fill unmatched columns with NULL, not with 0 / '' / 1970-01-01 (ClickHouse's default). */
  join_use_nulls: 1,
  /** sum/avg/min/max over no rows are NULL as in SQL (ClickHouse: 0 for sum, nan for avg). count stays 0. */
  aggregate_functions_null_for_empty: 1,
  /** CAST of a NULL keeps it NULL (ClickHouse: CAST(NULL-able AS Float64) fails on a NULL). */
  cast_keep_nullable: 1,
  /** A bare UNION is UNION DISTINCT, as in SQL (ClickHouse: refuses a bare UNION). */
  union_default_mode: 'DISTINCT',
  /** `SELECT sum(x) AS x … WHERE x > 0` filters on the column, not on the alias (SQL scoping). */
  prefer_column_name_to_alias: 1,
  /** Subqueries in a join need no alias, as in DuckDB. */
  joined_subquery_requires_alias: 0,
  /** toStartOf… and date functions return Date32/DateTime64, not clamp to 1970–2149 (DuckDB has no such range). */
  enable_extended_results_for_datetime_functions: 1,
  /** Timestamps are naive, as DuckDB TIMESTAMP: every conversion is in UTC, whatever the host's zone. */
  session_timezone: 'UTC',
  /**
   * A churn model printed as SQL (predict/gbdt/to-sql.ts) is one nested CASE per tree: megabytes of text and
   * hundreds of thousands of AST nodes for a few hundred trees, which DuckDB takes as it comes.
   */
  max_query_size: '268435456',
  max_ast_elements: '10000000',
  max_expanded_ast_elements: '10000000',
} as const satisfies Record<string, number | string>;

/** `SETTINGS a = 1, b = 'x'` text for the settings above (constants of this module, never user input). */
export function settingsText(settings: Record<string, number | string> = clickhouseSettings): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
    .join(', ');
}

/** ClickHouse type of a bound parameter, chosen the way the DuckDB connection types its parameters. */
export function paramType(value: SqlValue): string {
  if (value === null) return 'Nullable(String)';
  if (Array.isArray(value)) return 'Array(String)';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return Number.isSafeInteger(value) ? 'Int64' : 'Float64';
    case 'bigint':
      return 'Int64';
    case 'boolean':
      return 'Bool';
    default:
      return 'String';
  }
}

/** Every time expression goes through this, so Date, Date32, DateTime and text inputs all become UTC DateTime64(6). */
const ts64 = (x: Sql) => sql`toDateTime64(${x}, 6, 'UTC')`;

const starts: Record<Grain, (ts: Sql) => Sql> = {
  day: (ts) => sql`toStartOfDay(${ts})`,
  // Mode 1: weeks start on Monday (ISO), as DuckDB's date_trunc('week').
  week: (ts) => sql`toStartOfWeek(${ts}, 1)`,
  month: (ts) => sql`toStartOfMonth(${ts})`,
  quarter: (ts) => sql`toStartOfQuarter(${ts})`,
  year: (ts) => sql`toStartOfYear(${ts})`,
};

/** addMonths/addYears clamp to the month's last day (2024-01-31 + 1 month = 2024-02-29), as DuckDB's interval arithmetic does. */
const adders: Record<Grain, (ts: Sql, n: Sql) => Sql> = {
  day: (ts, n) => sql`addDays(${ts}, ${n})`,
  week: (ts, n) => sql`addDays(${ts}, 7 * (${n}))`,
  month: (ts, n) => sql`addMonths(${ts}, ${n})`,
  quarter: (ts, n) => sql`addMonths(${ts}, 3 * (${n}))`,
  year: (ts, n) => sql`addYears(${ts}, ${n})`,
};

/**
 * ClickHouse: double-quoted identifiers, named typed parameters `{p1:Int64}`, UTC DateTime64(6) timestamps.
 * Where ClickHouse's own function differs from DuckDB's, the expression reproduces DuckDB's result (see
 * periodsBetween('week'), daysBetween and quantile), because the two engines must return identical rows.
 */
export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  quoteId: (id) => `"${id.replaceAll('"', '""')}"`,
  param: (n, value) => `{p${n}:${paramType(value)}}`,
  timestamp: (text) => ts64(text),
  periodStart: (g, ts) => ts64(starts[g](ts64(ts))),
  // toInt64: the count of periods is an integer expression; addMonths refuses a Float64 count.
  addPeriods: (g, ts, n) => ts64(adders[g](ts64(ts), sql`toInt64(${n})`)),
  periodsBetween: (g, a, b) =>
    g === 'week'
      ? // DuckDB's date_diff('week') is whole 7-day spans between the two dates, truncated toward zero
        // (Sunday → Monday is 0); ClickHouse's dateDiff('week') counts Monday boundaries (1). Follow DuckDB.
        sql`intDiv(dateDiff('day', ${ts64(a)}, ${ts64(b)}), 7)`
      : sql`dateDiff(${grainUnit(g)}, ${ts64(a)}, ${ts64(b)})`,
  // DuckDB: (epoch(b) - epoch(a)) / 86400.0 with epoch = microseconds / 1e6 as a double; the same operations
  // in the same order give the same double.
  daysBetween: (a, b) =>
    sql`((toFloat64(toUnixTimestamp64Micro(${ts64(b)})) / 1000000 - toFloat64(toUnixTimestamp64Micro(${ts64(a)})) / 1000000) / 86400)`,
  // Int64, not numbers()'s UInt64: `i - 1` must be able to go below zero. A negative n is empty, as DuckDB's range().
  series: (n) => sql`(SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64(${n}), 0))))`,
  ratio: (x, y) => sql`(toFloat64(${x}) / nullIf(toFloat64(${y}), 0))`,
  // DuckDB's quantile_cont: RN = (n - 1) · p, lo and hi the values at floor(RN) and ceil(RN), result
  // lo · (1 - d) + hi · d with d = RN - floor(RN). quantileExactInclusive computes lo + d · (hi - lo) from
  // h = p · (n - 1) + 1, which differs in the last bits, so the formula is spelt out. Lambdas, not aliases:
  // ClickHouse aliases are query-wide, so two quantiles in one query would collide.
  quantile: (p, x) => {
    const q = sql.raw(String(p));
    return sql`arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * ${q}])[1]), [arraySort(groupArray(toFloat64(${x})))])[1]`;
  },
  now: sql`now64(6, 'UTC')`,
  // The raw value with any quotes trimmed, so a number and a numeric string read alike (as DuckDB's
  // json_extract_string); anything else, or no key, is NULL.
  jsonDecimal: (json, key) => sql`toDecimal64OrNull(replaceAll(JSONExtractRaw(${json}, ${key}), '"', ''), 4)`,
  // round() of a Float64 rounds half to even and a cast to Decimal truncates: the double is taken to 8 decimals
  // first and rounded as a Decimal (half away from zero), as DuckDB rounds the double.
  money: (x) => sql`toDecimal64(round(toDecimal128(toFloat64(${x}), 8), 4), 4)`,
  querySuffix: new Sql([` SETTINGS ${settingsText()}`]),
};
