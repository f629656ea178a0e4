import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import type { Entity } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { completenessAggregates, completenessIssues, completenessScore } from './completeness.ts';
import { dataEndSql, freshnessAggregates, freshnessIssues, freshnessScore } from './freshness.ts';
import { integrityAggregates, integrityIssues, integrityJoins, integrityScore } from './integrity.ts';
import { uniquenessIssues, uniquenessScore, uniquenessSubquery } from './uniqueness.ts';
import { validityAggregates, validityIssues, validityScore } from './validity.ts';

/**
 * An entity's score (0–100) is the weighted mean of its dimension scores (each 0–100), over the dimensions
 * that apply to it (validity without rules, integrity without references and freshness without an event time
 * drop out and the other weights are rescaled):
 *   completeness 30 — empty required cells silently remove rows from metrics (no start date, no span);
 *   validity     25 — a negative amount or an end before its start corrupts values rather than dropping them;
 *   integrity    20 — orphan rows vanish from every segmented metric, which joins through customers;
 *   uniqueness   15 — duplicates double-count, but the importer upserts by key, so they are rare;
 *   freshness    10 — old data is still correct data: it makes current numbers late, not wrong.
 * The overall score is the plain mean of the scores of non-empty entities: each table a user supplied counts
 * once, so a small customers table (which every metric joins through) is not drowned by a large activity log.
 * Empty tables score null and are left out.
 */
export const WEIGHTS = { completeness: 30, validity: 25, integrity: 20, uniqueness: 15, freshness: 10 } as const;
export type Dimension = keyof typeof WEIGHTS;
export const dimensions = Object.keys(WEIGHTS) as Dimension[];

/** A column or rule and the points of its dimension's score it costs. */
export interface Issue {
  dimension: Dimension;
  column: string;
  rule: string;
  /** Rows affected (freshness: the age in whole days). */
  count: number;
  /** Points lost on the dimension's 0–100 scale. */
  loss: number;
}

/** An issue with its cost on the entity score: points of the entity's 0–100 score it takes away. */
export interface Offender extends Issue {
  impact: number;
}

/**
 * One row for one entity: the raw counts of every dimension (n, c__<field>, v__<rule>, rc__ and ro__<field>, newest, age_days,
 * distinct_keys, dup_groups, dup_rows), the dimension scores and `score`. `now` is a timestamp expression: future
 * dates are judged against it, freshness against the end of the data (freshness.ts), which never passes it.
 * Each table is read twice: one scan with the references joined, one GROUP BY on its key.
 */
export function entitySql(e: Entity, d: Dialect, now: Sql): Sql {
  const aggregates = [
    sql`count(*) AS n`,
    ...completenessAggregates(e),
    ...validityAggregates(e, now),
    ...integrityAggregates(e),
    ...freshnessAggregates(e, d, dataEndSql(now)),
  ];
  const scan = sql`SELECT ${sql.join(aggregates)} FROM ${sql.id(e.name)} t${sql.join(integrityJoins(e), sql``)}`;
  const dims = sql`SELECT *, ${completenessScore(e, d)} AS completeness, ${validityScore(e, d)} AS validity,
      ${uniquenessScore(d)} AS uniqueness, ${integrityScore(e, d)} AS integrity, ${freshnessScore(e, d)} AS freshness
    FROM (SELECT * FROM (${scan}) s CROSS JOIN ${uniquenessSubquery(e)}) r`;
  return sql`SELECT *, ${scoreSql(d)} AS score FROM (${dims}) x`;
}

/** Σ weight × score ÷ Σ weight over the dimensions that are not null; null when none is (an empty table). */
function scoreSql(d: Dialect): Sql {
  const w = (dim: Dimension) => sql.raw(String(WEIGHTS[dim]));
  const num = dimensions.map((dim) => sql`${w(dim)} * coalesce(${sql.id(dim)}, 0)`);
  const den = dimensions.map((dim) => sql`(CASE WHEN ${sql.id(dim)} IS NULL THEN 0 ELSE ${w(dim)} END)`);
  return d.ratio(sql`(${sql.join(num, sql` + `)})`, sql`(${sql.join(den, sql` + `)})`);
}

/** The `top` columns and rules that cost the entity's score most, largest first. */
export function offenders(e: Entity, r: Row, top: number): Offender[] {
  const applies = (dim: Dimension) => r[dim] !== null && r[dim] !== undefined;
  const total = dimensions.filter(applies).reduce((s, dim) => s + WEIGHTS[dim], 0);
  if (!total) return [];
  const issues = [
    ...completenessIssues(e, r),
    ...validityIssues(e, r),
    ...uniquenessIssues(e, r),
    ...integrityIssues(e, r),
    ...freshnessIssues(e, r),
  ];
  return issues
    .filter((i) => applies(i.dimension) && i.loss > 0)
    .map((i) => ({ ...i, impact: (WEIGHTS[i.dimension] * i.loss) / total }))
    .sort((a, b) => b.impact - a.impact)
    .slice(0, top);
}
