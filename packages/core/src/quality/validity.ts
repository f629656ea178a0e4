import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import type { Entity } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Issue } from './score.ts';

/**
 * Validity: the rules the schema declares on each field, checked on stored rows (rows written by SQL, a sync
 * or an older importer never went through the import checks). Empty cells break no rule: they count against
 * completeness. The score is the share of rows that break no rule at all.
 */
export type RuleKind = 'enum' | 'nonNegative' | 'range' | 'notBefore' | 'notFuture';

export interface ValidityRule {
  column: string;
  rule: RuleKind;
  /** What a valid value is, in words. */
  expected: string;
  /** SQL that is true for a row breaking the rule (columns of alias `t`); `now` is the reference time. */
  broken: (now: Sql) => Sql;
}

export interface RuleResult {
  column: string;
  rule: RuleKind;
  expected: string;
  violations: number;
}

export interface Validity {
  score: number | null;
  /** Rows breaking at least one rule. */
  invalidRows: number;
  rules: RuleResult[];
}

/** Every rule of an entity, derived from its field declarations. */
export function validityRules(e: Entity): ValidityRule[] {
  const out: ValidityRule[] = [];
  for (const f of e.fields) {
    const c = sql.id('t', f.name);
    if (f.values) {
      const list = sql.join(f.values.map((v) => sql`${v}`));
      out.push({
        column: f.name,
        rule: 'enum',
        expected: `one of ${f.values.join(', ')}`,
        broken: () => sql`NOT (${c} IN (${list}))`,
      });
    }
    if (f.nonNegative) out.push({ column: f.name, rule: 'nonNegative', expected: '≥ 0', broken: () => sql`${c} < 0` });
    if (f.range) {
      const [lo, hi] = f.range;
      out.push({
        column: f.name,
        rule: 'range',
        expected: `${lo}–${hi}`,
        broken: () => sql`(${c} < ${lo} OR ${c} > ${hi})`,
      });
    }
    if (f.notBefore) {
      const other = sql.id('t', f.notBefore);
      out.push({
        column: f.name,
        rule: 'notBefore',
        expected: `not before ${f.notBefore}`,
        broken: () => sql`${c} < ${other}`,
      });
    }
    if (f.notFuture)
      out.push({
        column: f.name,
        rule: 'notFuture',
        expected: 'not in the future',
        broken: (now) => sql`${c} > ${now}`,
      });
  }
  return out;
}

const col = (i: number) => `v__${i}`;

/** Scan aggregates: violations per rule (`v__<i>`) and rows breaking any rule (`v__any`). */
export function validityAggregates(e: Entity, now: Sql): Sql[] {
  const rules = validityRules(e);
  if (!rules.length) return [sql`0 AS v__any`];
  // Each condition is NULL on an empty cell, so a row is counted only for a rule it really breaks.
  const any = sql.join(
    rules.map((r) => sql`(${r.broken(now)})`),
    sql` OR `,
  );
  return [
    ...rules.map((r, i) => sql`count(*) FILTER (WHERE ${r.broken(now)}) AS ${sql.id(col(i))}`),
    sql`count(*) FILTER (WHERE ${any}) AS v__any`,
  ];
}

/** 0–100: 100 × (1 − rows breaking a rule ÷ rows); null for an empty table or an entity without rules. */
export const validityScore = (e: Entity, d: Dialect): Sql =>
  sql`100 * (1 - ${d.ratio(sql`v__any`, validityRules(e).length ? sql`n` : sql`0`)})`;

export function validityDetail(e: Entity, r: Row): Validity {
  return {
    score: r.validity as number | null,
    invalidRows: Number(r.v__any),
    rules: validityRules(e).map((x, i) => ({
      column: x.column,
      rule: x.rule,
      expected: x.expected,
      violations: Number(r[col(i)]),
    })),
  };
}

/** Points of the validity score each rule costs (an upper bound when one row breaks several rules). */
export function validityIssues(e: Entity, r: Row): Issue[] {
  const n = Number(r.n);
  return validityDetail(e, r).rules.map((x) => ({
    dimension: 'validity',
    column: x.column,
    rule: x.rule,
    count: x.violations,
    loss: n ? (100 * x.violations) / n : 0,
  }));
}
