import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import type { Entity } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Issue } from './score.ts';

/**
 * Uniqueness of the entity key. The importer upserts by key, so duplicates only come from other writers (SQL,
 * a sync); each one double-counts in every metric that reads the table. The score is distinct keys ÷ rows:
 * three rows sharing one key leave two extra rows.
 */
export interface Uniqueness {
  score: number | null;
  key: readonly string[];
  distinctKeys: number;
  /** Keys that occur more than once. */
  duplicateGroups: number;
  /** Rows in those groups, first occurrences included. */
  duplicateRows: number;
  /** Rows beyond the first of each key: rows − distinct keys. */
  extraRows: number;
}

/** A one-row subquery (alias u) with distinct_keys, dup_groups and dup_rows. */
export const uniquenessSubquery = (e: Entity): Sql =>
  sql`(SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM ${sql.id(e.name)} GROUP BY ${sql.ids(e.key)}) g) u`;

/** 0–100: 100 × distinct keys ÷ rows; null for an empty table. */
export const uniquenessScore = (d: Dialect): Sql => sql`100 * (1 - ${d.ratio(sql`n - distinct_keys`, sql`n`)})`;

export function uniquenessDetail(e: Entity, r: Row): Uniqueness {
  return {
    score: r.uniqueness as number | null,
    key: e.key,
    distinctKeys: Number(r.distinct_keys),
    duplicateGroups: Number(r.dup_groups),
    duplicateRows: Number(r.dup_rows),
    extraRows: Number(r.n) - Number(r.distinct_keys),
  };
}

export function uniquenessIssues(e: Entity, r: Row): Issue[] {
  const u = uniquenessDetail(e, r);
  const n = Number(r.n);
  return [
    {
      dimension: 'uniqueness',
      column: e.key.join(', '),
      rule: 'key',
      count: u.extraRows,
      loss: n ? (100 * u.extraRows) / n : 0,
    },
  ];
}
