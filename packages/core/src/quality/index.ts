import type { Dialect } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import type { NormalQuery } from '../metrics/query.ts';
import { type Entity, type EntityName, entities, entityNames } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { type Completeness, completenessDetail } from './completeness.ts';
import { dataEndSql, type Freshness, freshnessDetail } from './freshness.ts';
import { type Integrity, integrityDetail } from './integrity.ts';
import { dimensions, entitySql, type Offender, offenders } from './score.ts';
import { type Uniqueness, uniquenessDetail } from './uniqueness.ts';
import { type Validity, validityDetail } from './validity.ts';

/**
 * Data quality of a workspace, derived from the schema declarations (nothing is listed per entity):
 * completeness, validity, key uniqueness, referential integrity and freshness per entity table, a 0–100
 * score per entity and overall (weights and thresholds: score.ts, freshness.ts), and the worst offenders.
 * Portable SQL only, so it runs unchanged on DuckDB and ClickHouse.
 */
export interface EntityQuality {
  entity: EntityName;
  rows: number;
  /** 0–100; null for an empty table. */
  score: number | null;
  completeness: Completeness;
  validity: Validity;
  uniqueness: Uniqueness;
  integrity: Integrity;
  freshness: Freshness;
  offenders: Offender[];
}

export interface QualityReport {
  /** Mean score of the non-empty entities; null when every table is empty. */
  overall: number | null;
  /** The reference time: dates after it are future dates. */
  now: string;
  /** The end of the data (the latest event time, at most `now`): each table's freshness is its lag behind it. */
  dataEnd: string;
  entities: EntityQuality[];
}

export interface QualityOptions {
  /** Reference time: a Date or 'YYYY-MM-DD[ HH:MM:SS]' in the workspace's wall-clock time. */
  now: Date | string;
  /** Offenders listed per entity (default 5). */
  top?: number;
}

const text = (t: Date | string) => (typeof t === 'string' ? t : t.toISOString().slice(0, 19).replace('T', ' '));

/** @example const q = await assessQuality(ws.db, { now: new Date() }); q.entities.find(e => e.entity === 'orders')?.offenders */
export async function assessQuality(conn: Connection, opts: QualityOptions): Promise<QualityReport> {
  const d = conn.dialect;
  const now = d.timestamp(sql`${text(opts.now)}`);
  const out: EntityQuality[] = [];
  for (const [name, e] of Object.entries(entities) as [EntityName, Entity][]) {
    const [r = {}] = await conn.all(sql`${entitySql(e, d, now)}${d.querySuffix}`);
    out.push({
      entity: name,
      rows: Number(r.n),
      score: (r.score ?? null) as number | null,
      completeness: completenessDetail(e, r),
      validity: validityDetail(e, r),
      uniqueness: uniquenessDetail(e, r),
      integrity: integrityDetail(e, r),
      freshness: freshnessDetail(e, r),
      offenders: offenders(e, r, opts.top ?? 5),
    });
  }
  const scores = out.flatMap((x) => (x.score === null ? [] : [x.score]));
  const overall = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
  const [end] = await conn.all(sql`SELECT CAST(${dataEndSql(now)} AS VARCHAR) AS e${d.querySuffix}`);
  return { overall, now: text(opts.now), dataEnd: String(end?.e ?? text(opts.now)).slice(0, 19), entities: out };
}

/** A row of the `quality` metric base: one per entity and one with key_entity 'overall'. */
export interface QualityRow {
  k: number;
  key_entity: string;
  rows: number | null;
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
  integrity: number | null;
  freshness: number | null;
  score: number | null;
  [segment: string]: unknown;
}

/**
 * The `quality` base, one rule with assessQuality (`tenure quality`, GET /quality): the data as they are now,
 * future dates judged against the current time and freshness against the end of the data, reported for the
 * query's last period (k = n − 1). Quality is a property of the tables, not of a period, so the report's figure
 * is the one `tenure quality` and the dashboard show. The 'overall' row averages the non-empty entities, as
 * assessQuality (to 1e-9 points).
 */
export function qualitySql(q: NormalQuery, d: Dialect, now: Date | string = new Date()): Sql {
  const k = q.grid.length - 1;
  const ref = d.timestamp(sql`${text(now)}`);
  const cols = sql.join([sql`"rows"`, ...dimensions.map((dim) => sql.id(dim)), sql`score`]);
  const per = entityNames.map(
    (name, i) =>
      sql`SELECT ${i} AS ord, ${name} AS key_entity, n AS "rows", ${sql.ids(dimensions)}, score
        FROM (${entitySql(entities[name] as Entity, d, ref)}) ${sql.id(`q_${name}`)}`,
  );
  // Means of integers (scores in 1e-9 points): a float sum depends on the order rows arrive in, so avg() could
  // differ in the last bit between runs and engines; an integer sum does not.
  const mean = (x: Sql) =>
    d.ratio(sql`sum(CAST(round(coalesce(${x}, 0) * 1000000000) AS BIGINT))`, sql`count(${x}) * 1000000000`);
  const means = [...dimensions, 'score'].map((c) => sql`${mean(sql`${sql.id(c)}`)} AS ${sql.id(c)}`);
  return sql`WITH e AS (${sql.join(per, sql` UNION ALL `)})
    SELECT ${k} AS k, key_entity, ${cols} FROM (
      SELECT ord, key_entity, ${cols} FROM e
      UNION ALL SELECT ${entityNames.length} AS ord, 'overall' AS key_entity, sum("rows") AS "rows", ${sql.join(means)}
        FROM e WHERE score IS NOT NULL) a
    ORDER BY ord`;
}
