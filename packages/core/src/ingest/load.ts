import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { describe } from '../errors.ts';
import type { Entity, Field } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { storageType } from '../workspace/ddl.ts';
import type { Mapping } from './mapping.ts';
import type { AttributeType } from './parse.ts';
import type { Malformed } from './read/reader.ts';
import type { CheckedColumn, Rule } from './validate.ts';

/** The checked temp table every step below reads; one import runs per connection at a time. */
export const CHECKED = 'import_checked';
const T = sql.id(CHECKED);
const OK = sql`len(_errs) = 0 AND NOT _blank`;

/**
 * Line of a checked row from its `_row` (0-based position among the rows the reader produced). Rows the
 * reader dropped as malformed shift later rows down: `gaps` holds, for each malformed line, how many good
 * rows precede it, so line = first + row + (gaps ≤ row).
 */
export function lineOf(row: Sql, firstLine: number, malformed: Malformed[]): Sql {
  const gaps = malformed.map((m, i) => String(m.line - firstLine - i));
  if (!gaps.length) return sql`(${row} + ${firstLine})`;
  return sql`(${row} + ${firstLine} + len(list_filter(CAST(${gaps} AS BIGINT[]), g -> g <= ${row})))`;
}

const keyMatch = (e: Entity, a: string, b: string): Sql =>
  sql.join(
    e.key.map((k) => sql`${sql.id(a, k)} = ${sql.id(b, k)}`),
    sql` AND `,
  );

/** Orders without an id get `<customer>-<yyyymmdd>-<n>`: stable across re-imports of the same file. */
export async function deriveOrderIds(db: DuckDbConnection): Promise<void> {
  await db.run(sql`UPDATE ${T} SET order_id = d.id FROM (
      SELECT _row AS r, customer_id || '-' || strftime(ordered_at, '%Y%m%d') || '-' ||
        row_number() OVER (PARTITION BY customer_id, CAST(ordered_at AS DATE) ORDER BY _row) AS id
      FROM ${T} WHERE customer_id IS NOT NULL AND ordered_at IS NOT NULL) d
    WHERE ${T}._row = d.r`);
}

/** Later occurrences of a key inside the file are rejected, naming the first occurrence. */
export async function flagDuplicates(db: DuckDbConnection, e: Entity, rule: Rule | undefined): Promise<void> {
  if (!rule) return;
  const keys = sql.ids(e.key);
  const present = sql.join(
    e.key.map((k) => sql`${sql.id(k)} IS NOT NULL`),
    sql` AND `,
  );
  await db.run(sql`UPDATE ${T} SET _errs = list_append(_errs, ${rule.id}), _dup_of = d.first FROM (
      SELECT _row AS r, min(_row) OVER (PARTITION BY ${keys}) AS first FROM ${T}
      WHERE ${present} AND NOT _blank QUALIFY count(*) OVER (PARTITION BY ${keys}) > 1) d
    WHERE ${T}._row = d.r AND d.r <> d.first`);
}

/** Rows naming a customer that is not in `customers` are rejected (unless the import creates them). */
export async function flagUnknownCustomers(db: DuckDbConnection, e: Entity, rules: Map<string, Rule>): Promise<void> {
  for (const f of e.fields) {
    const rule = rules.get(f.name);
    if (!rule) continue;
    const when = e.referenceWhen ? sql` AND ${sql.id(e.referenceWhen.field)} = ${e.referenceWhen.equals}` : sql``;
    await db.run(sql`UPDATE ${T} SET _errs = list_append(_errs, ${rule.id})
      WHERE ${sql.id(f.name)} IS NOT NULL${when} AND NOT _blank
        AND ${sql.id(f.name)} NOT IN (SELECT customer_id FROM customers)`);
  }
}

/** Write every broken rule of every row, and every malformed line, to `rejects` with a rendered message. */
export async function writeRejects(
  db: DuckDbConnection,
  batch: number,
  rules: Rule[],
  firstLine: number,
  malformed: Malformed[],
): Promise<void> {
  if (rules.length) {
    const tpl = rules.map(
      (r) => describe(r.code, { column: r.column, value: '{{value}}', expected: '{{expected}}' }).message,
    );
    const value = sql`CASE _rule ${sql.join(
      rules.map((r) => sql`WHEN ${r.id} THEN ${r.value}`),
      sql` `,
    )} END`;
    const line = lineOf(sql`_row`, firstLine, malformed);
    const expected = sql`CASE WHEN _dup_of IS NOT NULL THEN CAST(${lineOf(sql`_dup_of`, firstLine, malformed)} AS VARCHAR) ELSE r.expected END`;
    await db.run(sql`INSERT INTO rejects (batch_id, line, "column", value, code, message)
      SELECT ${batch}, e.line, r.col, e.v, r.code, replace(replace(r.tpl, '{{value}}', coalesce(e.v, '')), '{{expected}}', ${expected})
      FROM (SELECT _rule, ${line} AS line, ${value} AS v, _dup_of FROM (SELECT unnest(_errs) AS _rule, * FROM ${T} WHERE len(_errs) > 0 AND NOT _blank)) e
      JOIN (SELECT CAST(unnest(${rules.map((r) => String(r.id))}) AS INTEGER) AS id, unnest(${rules.map((r) => r.code)}) AS code,
            unnest(${rules.map((r) => r.column)}) AS col, unnest(${tpl}) AS tpl, unnest(${rules.map((r) => r.expected)}) AS expected) r
        ON r.id = e._rule`);
  }
  for (const m of malformed) {
    const msg = describe('TEN_ROW_MALFORMED', { column: '', value: m.text, expected: m.detail }).message;
    await db.run(
      sql`INSERT INTO rejects VALUES (${batch}, ${m.line}, NULL, ${m.text.slice(0, 500)}, 'TEN_ROW_MALFORMED', ${msg})`,
    );
  }
}

/** New attribute columns become real, typed columns of the entity table, registered with their header. */
export async function addExtraColumns(
  db: DuckDbConnection,
  e: Entity,
  m: Mapping,
  types: Record<string, AttributeType>,
  batch: number,
): Promise<void> {
  for (const x of m.extras) {
    const type = types[x.column] ?? 'VARCHAR';
    await db.run(sql`ALTER TABLE ${sql.id(e.name)} ADD COLUMN IF NOT EXISTS ${sql.id(x.column)} ${sql.raw(type)}`);
    await db.run(
      sql`INSERT INTO attributes VALUES (${e.name}, ${x.column}, ${x.header}, ${type}, ${batch}) ON CONFLICT DO NOTHING`,
    );
  }
}

/** --create-missing-customers: unknown customers are created, acquired at their first event in the file. */
export async function createMissingCustomers(db: DuckDbConnection, e: Entity, batch: number): Promise<number> {
  const time = e.fields.find((f: Field) => f.type === 'timestamp' && f.required);
  if (!time || e.name === 'customers') return 0;
  return db.exec(sql`INSERT INTO customers (customer_id, created_at, _batch)
    SELECT customer_id, min(${sql.id(time.name)}), ${batch} FROM ${T}
    WHERE ${OK} AND customer_id NOT IN (SELECT customer_id FROM customers) GROUP BY customer_id`);
}

/**
 * Upsert by key: changed rows are updated, absent ones inserted, identical ones left alone, so importing
 * the same rows twice changes nothing. Returns new and updated counts.
 */
export async function upsert(
  db: DuckDbConnection,
  e: Entity,
  columns: CheckedColumn[],
  batch: number,
): Promise<{ inserted: number; updated: number }> {
  const names = columns.map((c) => c.name);
  const target = sql.id(e.name);
  const nonKey = names.filter((n) => !e.key.includes(n));
  let updated = 0;
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${target} LIMIT 1)`,
  );
  if (n > 0 && nonKey.length) {
    const differs = sql.join(
      nonKey.map((c) => sql`${sql.id('t', c)} IS DISTINCT FROM ${sql.id('g', c)}`),
      sql` OR `,
    );
    const set = sql.join(nonKey.map((c) => sql`${sql.id(c)} = ${sql.id('g', c)}`));
    updated = await db.exec(sql`UPDATE ${target} AS t SET ${set}, _batch = ${batch}
      FROM (SELECT * FROM ${T} WHERE ${OK}) g WHERE ${keyMatch(e, 't', 'g')} AND (${differs})`);
  }
  const absent = n > 0 ? sql` AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${keyMatch(e, 't', CHECKED)})` : sql``;
  const inserted = await db.exec(sql`INSERT INTO ${target} (${sql.ids(names)}, _batch)
    SELECT ${sql.ids(names)}, ${batch} FROM ${T} WHERE ${OK}${absent}`);
  return { inserted, updated };
}

/** Snapshot imports record churned customers as churn events at the as-of date (and retract them if unflagged). */
export async function syncSnapshotChurn(db: DuckDbConnection, asOf: string, batch: number): Promise<number> {
  const note = 'derived from the churn flag of a snapshot import';
  await db.run(sql`DELETE FROM churn_events WHERE note = ${note} AND churned_at = CAST(${asOf} AS TIMESTAMP)
    AND customer_id IN (SELECT customer_id FROM ${T} WHERE ${OK} AND NOT _churned)`);
  return db.exec(sql`INSERT INTO churn_events (customer_id, churned_at, note, _batch)
    SELECT customer_id, CAST(${asOf} AS TIMESTAMP), ${note}, ${batch} FROM ${T} g WHERE ${OK} AND _churned
      AND NOT EXISTS (SELECT 1 FROM churn_events c WHERE c.customer_id = g.customer_id AND c.churned_at = CAST(${asOf} AS TIMESTAMP))`);
}

export { storageType };
