/**
 * A fitted ensemble as SQL: the base score plus one nested CASE per tree over the raw feature columns, so a
 * warehouse scores millions of customers where the features already are (DuckDB or ClickHouse: only CASE,
 * IS NULL, IN and arithmetic). Numbers are printed as shortest round-trip
 * scientific literals, which both engines read as DOUBLE, so the thresholds are the model's exact doubles;
 * category names are bound parameters. Trees are summed left to right, in the order the JS scorer adds them.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import type { GbdtModel } from './boost.ts';
import type { Tree } from './tree.ts';

/** A finite double as a DOUBLE literal that reads back as the same double. */
export function doubleLiteral(x: number): Sql {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return sql`${sql.raw(x.toExponential())}`;
}

/** A column is missing when NULL, or '' for categories (how frames read a NULL category). */
const missing = (col: Sql, categorical: boolean) =>
  categorical ? sql`${col} IS NULL OR ${col} = ''` : sql`${col} IS NULL`;

/**
 * One node: each subtree is printed once. A missing value fails `x <= t` and `x IN (…)` (NULL is not true),
 * so it already goes right; only a default-left node adds the missing test to its condition.
 */
function treeSql(t: Tree, k: number, column: (feature: number) => Sql, categorical: (f: number) => boolean): Sql {
  const f = t.feature[k]!;
  if (f < 0) return doubleLiteral(t.value[k]!);
  const col = column(f);
  const cats = t.categories[k];
  const test = cats
    ? sql`${col} IN (${sql.join(cats.map((c) => sql`${c}`))})`
    : sql`${col} <= ${doubleLiteral(t.threshold[k]!)}`;
  const cond = t.defaultLeft[k] ? sql`${missing(col, categorical(f))} OR ${test}` : test;
  const left = treeSql(t, t.left[k]!, column, categorical);
  const right = treeSql(t, t.right[k]!, column, categorical);
  return sql`CASE WHEN ${cond} THEN ${left} ELSE ${right} END`;
}

/**
 * The terms whose sum, left to right, is the margin (log-odds): the base score, then one CASE per tree over
 * the raw columns named like the features (or mapped by `column`).
 *
 * @example
 * gbdtTerms(model); // [base, CASE WHEN "x0" <= 1.5e+0 THEN … END, …]
 */
export function gbdtTerms(model: GbdtModel, column: (name: string) => Sql = (n) => sql`${sql.id(n)}`): Sql[] {
  const isCat = (f: number) => model.features[f]!.kind === 'categorical';
  const col = (f: number) => column(model.features[f]!.name);
  return [doubleLiteral(model.baseScore), ...model.trees.map((t) => treeSql(t, 0, col, isCat))];
}
