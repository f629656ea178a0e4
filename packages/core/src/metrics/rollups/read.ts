import type { Connection } from '../../engine/engine.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { BaseName } from '../define.ts';
import type { NormalQuery } from '../query.ts';
import { segColumns } from '../segments.ts';
import { NONE } from '../spans.ts';
import { type Cube, cubes } from './cubes.ts';
import { buildQuery, cubeVersion, type RollupRecord, readRecord, tableOf } from './record.ts';

/** Months from one month start ('YYYY-MM-…') to another. */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** Whether the cube holds the query's basis, dimensions and months (`offset`: its first month in the cube). */
function covers(q: NormalQuery, cube: Cube, r: RollupRecord, offset: number): boolean {
  const dims = new Set(r.dims);
  return (
    (!cube.byBasis || r.basis === q.basis) &&
    [...q.by, ...q.filter.map(([c]) => c)].every((c) => dims.has(c)) &&
    // The cube stores a missing value as the '(none)' label, so it could not tell it from a real '(none)' value.
    !q.filter.some(([, values]) => values.includes(NONE)) &&
    offset >= 0 &&
    offset + q.grid.length <= r.periods
  );
}

/**
 * The SQL that answers a base query from its cube, with the base's own columns and row order, or null when the
 * cube cannot answer it (no cube, another grain, basis or dimension, a range outside it, stale data): the
 * caller then runs the base itself, so a missing or stale cube costs speed, never correctness.
 */
export async function rollupSql(conn: Connection, q: NormalQuery, base: BaseName): Promise<Sql | null> {
  const cube = cubes[base];
  if (!cube || conn.dialect.name !== 'duckdb' || q.grain !== 'month') return null;
  const r = await readRecord(conn, base);
  if (!r) return null;
  const offset = monthsBetween(r.origin, (q.grid[0] as { start: string }).start);
  if (!covers(q, cube, r, offset)) return null;
  // Built with the query's currency plan: a cube converted otherwise has another SQL text, hence another version,
  // and the tables it converts are the query's to check for missing rates (compute.ts).
  const built = buildQuery(q.config, r.basis, r.dims, r.origin, r.periods, q.money);
  if ((await cubeVersion(conn, cube, built)) !== r.version) return null;
  const n = q.grid.length;
  const segs = segColumns(q).slice(1);
  const groups = sql.join([
    sql`k`,
    ...(cube.cohort ? [sql`key_cohort`, sql`key_age`] : []),
    ...segs.map((c) => sql.id(c)),
  ]);
  const cols = [
    sql`k - ${offset} AS k`,
    sql`'all' AS seg__all`,
    ...segs.map((c) => sql`${sql.id(c)} AS ${sql.id(c)}`),
    ...(cube.cohort ? [sql`key_cohort`, sql`key_age`] : []),
    ...Object.keys(cube.sums).map((m) => sql`sum(${sql.id(m)}) AS ${sql.id(m)}`),
    ...(cube.constants ?? []).map((m) => sql`max(${sql.id(m)}) AS ${sql.id(m)}`),
  ];
  const where = [
    sql`k >= ${offset}`,
    sql`k < ${offset + n}`,
    ...q.filter.map(([col, values]) => sql`${sql.id(`seg_${col}`)} IN (SELECT unnest(${values}))`),
    // A cohort (acquired in month k − age) belongs to the query when it was acquired inside the range.
    ...(cube.cohort ? [sql`k - key_age >= ${offset}`] : []),
  ];
  // The base's row order: by period (cohorts: by cohort, then age last), then segment.
  const order = cube.cohort
    ? [sql`key_cohort`, ...segs.map((c) => sql.id(c)), sql`key_age`]
    : [sql`k`, ...segs.map((c) => sql.id(c))];
  return sql`SELECT ${sql.join(cols)} FROM ${sql.id(tableOf(base))} WHERE ${sql.join(where, sql` AND `)}
    GROUP BY ${groups} ORDER BY ${sql.join(order)}`;
}
