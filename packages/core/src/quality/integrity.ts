import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import { type Entity, entities, type Field } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Issue } from './score.ts';

/**
 * Referential integrity: every field declared `references` must name a row of the referenced table (a
 * customer). An orphan drops out of every segmented metric, which joins through customers. Rows where the
 * entity's `referenceWhen` says the reference does not apply (survey answers by employees) are not checked.
 * The score is the share of checked references that resolve; null when nothing is checked.
 */
export interface ReferenceResult {
  column: string;
  references: string;
  checked: number;
  orphans: number;
}

export interface Integrity {
  score: number | null;
  references: ReferenceResult[];
}

const refs = (e: Entity): Field[] => e.fields.filter((f) => f.references);
const alias = (i: number) => `r${i}`;

/** LEFT JOIN of each referenced table's distinct keys, as r0, r1, … (DISTINCT: duplicates must not fan out rows). */
export const integrityJoins = (e: Entity): Sql[] =>
  refs(e).map((f, i) => {
    const target = entities[f.references as keyof typeof entities];
    return sql` LEFT JOIN (SELECT DISTINCT ${sql.id(target.key[0] as string)} AS rid FROM ${sql.id(target.name)}) ${sql.id(alias(i))}
      ON ${sql.id(alias(i), 'rid')} = ${sql.id('t', f.name)}`;
  });

/** The rows a reference applies to: a value, and the entity's condition (an empty condition field takes its default). */
function applies(e: Entity, f: Field): Sql {
  const w = e.referenceWhen;
  if (!w) return sql`${sql.id('t', f.name)} IS NOT NULL`;
  const dflt = e.fields.find((x) => x.name === w.field)?.default;
  const cond = sql`coalesce(${sql.id('t', w.field)}, ${dflt === undefined ? '' : String(dflt)}) = ${w.equals}`;
  return sql`${sql.id('t', f.name)} IS NOT NULL AND ${cond}`;
}

/** Scan aggregates: references checked (`rc__<field>`) and orphans (`ro__<field>`). */
export const integrityAggregates = (e: Entity): Sql[] =>
  refs(e).flatMap((f, i) => [
    sql`count(*) FILTER (WHERE ${applies(e, f)}) AS ${sql.id(`rc__${f.name}`)}`,
    sql`count(*) FILTER (WHERE ${applies(e, f)} AND ${sql.id(alias(i), 'rid')} IS NULL) AS ${sql.id(`ro__${f.name}`)}`,
  ]);

/** 0–100: 100 × (1 − orphans ÷ checked references); null when nothing is checked. */
export function integrityScore(e: Entity, d: Dialect): Sql {
  const sum = (prefix: string) =>
    refs(e).length
      ? sql`(${sql.join(
          refs(e).map((f) => sql.id(`${prefix}${f.name}`)),
          sql` + `,
        )})`
      : sql`0`;
  return sql`100 * (1 - ${d.ratio(sum('ro__'), sum('rc__'))})`;
}

export function integrityDetail(e: Entity, r: Row): Integrity {
  return {
    score: r.integrity as number | null,
    references: refs(e).map((f) => ({
      column: f.name,
      references: f.references as string,
      checked: Number(r[`rc__${f.name}`]),
      orphans: Number(r[`ro__${f.name}`]),
    })),
  };
}

export function integrityIssues(e: Entity, r: Row): Issue[] {
  const list = integrityDetail(e, r).references;
  const checked = list.reduce((s, x) => s + x.checked, 0);
  return list.map((x) => ({
    dimension: 'integrity',
    column: x.column,
    rule: `references ${x.references}`,
    count: x.orphans,
    loss: checked ? (100 * x.orphans) / checked : 0,
  }));
}
