import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import type { Entity, Field } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Issue } from './score.ts';

/**
 * Completeness: the weighted share of filled cells. A required field weighs REQUIRED_WEIGHT (4) and an
 * optional one OPTIONAL_WEIGHT (1): an empty required cell makes the row unusable for the metrics that read
 * it (a subscription without started_at is no span), an empty optional one only thins a breakdown. An
 * optional column with no value at all was not supplied rather than left incomplete: it weighs 0, so a file
 * that simply has no `channel` column is not penalised (it is still listed, with share 0).
 */
export const REQUIRED_WEIGHT = 4;
export const OPTIONAL_WEIGHT = 1;

export interface ColumnCompleteness {
  column: string;
  required: boolean;
  filled: number;
  /** filled ÷ rows; null for an empty table. */
  share: number | null;
  /** The column's weight in the score: 0 for an optional column nobody supplied. */
  weight: number;
}

export interface Completeness {
  score: number | null;
  columns: ColumnCompleteness[];
}

const filled = (f: Field) => `c__${f.name}`;

/** Scan aggregates: non-null count per column. */
export const completenessAggregates = (e: Entity): Sql[] =>
  e.fields.map((f) => sql`count(${sql.id('t', f.name)}) AS ${sql.id(filled(f))}`);

/** Weight of a column as an SQL expression over the scan's columns. */
const weightSql = (f: Field): Sql =>
  f.required
    ? sql`${sql.raw(String(REQUIRED_WEIGHT))}`
    : sql`(CASE WHEN ${sql.id(filled(f))} > 0 THEN ${sql.raw(String(OPTIONAL_WEIGHT))} ELSE 0 END)`;

/** 0–100: 100 × (1 − Σ weight × empty cells ÷ Σ weight × rows); null for an empty table. */
export function completenessScore(e: Entity, d: Dialect): Sql {
  const missing = e.fields.map((f) => sql`${weightSql(f)} * (n - ${sql.id(filled(f))})`);
  const total = e.fields.map((f) => sql`${weightSql(f)} * n`);
  return sql`100 * (1 - ${d.ratio(sql`(${sql.join(missing, sql` + `)})`, sql`(${sql.join(total, sql` + `)})`)})`;
}

const weightOf = (f: Field, r: Row): number =>
  f.required ? REQUIRED_WEIGHT : Number(r[filled(f)]) > 0 ? OPTIONAL_WEIGHT : 0;

export function completenessDetail(e: Entity, r: Row): Completeness {
  const n = Number(r.n);
  return {
    score: r.completeness as number | null,
    columns: e.fields.map((f) => ({
      column: f.name,
      required: !!f.required,
      filled: Number(r[filled(f)]),
      share: n ? Number(r[filled(f)]) / n : null,
      weight: weightOf(f, r),
    })),
  };
}

/** Points of the completeness score each column loses. */
export function completenessIssues(e: Entity, r: Row): Issue[] {
  const n = Number(r.n);
  const total = e.fields.reduce((s, f) => s + weightOf(f, r) * n, 0);
  return e.fields.map((f) => {
    const empty = n - Number(r[filled(f)]);
    return {
      dimension: 'completeness',
      column: f.name,
      rule: f.required ? 'required' : 'optional',
      count: empty,
      loss: total ? (100 * weightOf(f, r) * empty) / total : 0,
    };
  });
}
