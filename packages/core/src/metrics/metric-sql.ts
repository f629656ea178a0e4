import type { Dialect } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { type EngineName, engines } from '../engine/index.ts';
import { tenureError } from '../errors.ts';
import { print } from '../sql/print.ts';
import type { SqlValue } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import type { MetricName } from './catalog.ts';
import { checkGrain, metricDef } from './compute.ts';
import { type BaseName, bases, extraDimensions, type MetricDef } from './define.ts';
import { type MetricQuery, type NormalQuery, normalizeQuery } from './query.ts';

/** A metric's SQL as one engine receives it: the text with placeholders, and the values bound to them in order. */
export interface MetricSql {
  metric: MetricName;
  /** The base measure the SQL computes; every metric on the same base runs the same statement. */
  base: BaseName;
  engine: EngineName;
  text: string;
  params: SqlValue[];
}

/**
 * The SQL a metric runs for a query on this connection's engine, over the entity tables (what a rollup, when
 * one is up to date, stands in for: rollups/read.ts). Checked like `computeMetrics`: an unknown metric, a bad
 * query or a grain the metric lacks raise the same errors.
 * @example const { text, params } = await metricSql(ws.db, ws.config, 'churn_rate', { period: 'month', from: '2024-01', to: '2024-06' })
 */
export async function metricSql(
  conn: Connection,
  config: TenureConfig,
  name: string,
  query: MetricQuery,
): Promise<MetricSql> {
  const def = metricDef(name);
  const q = await normalizeQuery(conn, config, query, extraDimensions([def]));
  checkGrain(def, q.grain);
  return _metricSql(def, q, conn.dialect);
}

function engineOf(dialect: Dialect): EngineName {
  const name = (Object.keys(engines) as EngineName[]).find((e) => engines[e].dialect === dialect);
  if (!name)
    throw tenureError('TEN_INTERNAL', { detail: `the ${dialect.name} dialect is not in the engines registry` });
  return name;
}

/** The printing step alone, for a normalized query and any dialect (the goldens print every engine's SQL). */
export function _metricSql(def: Pick<MetricDef, 'id' | 'base'>, q: NormalQuery, dialect: Dialect): MetricSql {
  const { text, params } = print(bases[def.base](q, dialect), dialect);
  // The engine's settings (ClickHouse) on a line of their own: whitespace only, so the statement is the one that runs.
  const suffix = print(dialect.querySuffix, dialect).text.trim();
  const statement = suffix ? `${text}\n${suffix}` : text;
  return { metric: def.id as MetricName, base: def.base, engine: engineOf(dialect), text: statement, params };
}

const literal = (v: SqlValue): string =>
  v === null
    ? 'NULL'
    : typeof v === 'string'
      ? `'${v.replaceAll("'", "''")}'`
      : Array.isArray(v)
        ? JSON.stringify(v)
        : String(v);

/**
 * The SQL as people read it: a header naming metric, base and engine, one comment line per bound value
 * (placeholder = value), then the statement. `tenure metrics NAME --sql` prints it; the goldens store it.
 * @example sqlListing(m) // "-- churn_rate (base flow) on duckdb\n-- $1 = '2024-01-01 00:00:00'\n…"
 */
export function sqlListing(m: MetricSql): string {
  const { dialect } = engines[m.engine];
  const values = m.params.map((v, i) => `-- ${dialect.param(i + 1, v)} = ${literal(v)}`);
  return [`-- ${m.metric} (base ${m.base}) on ${m.engine}`, ...values, m.text.trim(), ''].join('\n');
}
