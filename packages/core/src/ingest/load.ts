import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { describe } from '../errors.ts';
import type { Entity, Field } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { asTimestamps, type BatchChanges, dateFields, earliest, earliestOf, noteChange } from './changes.ts';
import type { Mapping } from './mapping.ts';
import type { AttributeType } from './parse.ts';
import type { Malformed } from './read/reader.ts';
import type { CheckedColumn, Rule } from './validate.ts';

/**
 * The checked temp table every step below reads, never updated once created: its rowids then follow the
 * file's order, so a row's position is `rowid - base`. Rules that need the whole file or other tables
 * (duplicate keys, unknown customers) write to the small FLAGS table instead of updating rows.
 * One import runs per connection at a time.
 */
export const CHECKED = 'import_checked';
export const FLAGS = 'import_flags';
const T = sql.id(CHECKED);
const F = sql.id(FLAGS);

/**
 * Rows that load: no broken rule, not blank, not flagged. The anti-join against FLAGS costs seconds on
 * large files, so it is left out when nothing was flagged.
 */
export const okRows = (flagged: boolean): Sql =>
  flagged
    ? sql`_errs IS NULL AND NOT _blank AND rowid NOT IN (SELECT rid FROM ${F})`
    : sql`_errs IS NULL AND NOT _blank`;

/** Whether any row was flagged by a whole-file rule. */
export async function anyFlagged(db: DuckDbConnection): Promise<boolean> {
  return (await db.all(sql`SELECT 1 FROM ${F} LIMIT 1`)).length > 0;
}
/** Rows that are rejected. */
export const BAD = sql`NOT _blank AND (_errs IS NOT NULL OR rowid IN (SELECT rid FROM ${F}))`;

/** Create the flags table and return the rowid of the file's first record (transaction-local rowids are offset). */
export async function prepareChecked(db: DuckDbConnection): Promise<number> {
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${F} (rid BIGINT, rule INTEGER, dup_of BIGINT)`);
  const [r] = await db.all<{ base: number | null }>(sql`SELECT min(rowid) AS base FROM ${T}`);
  return r?.base ?? 0;
}

/** Drop the checked and flags tables: they live outside the import's transaction, so a rollback keeps them. */
export async function dropChecked(db: DuckDbConnection): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS ${T}; DROP TABLE IF EXISTS ${F}`);
}

/**
 * Line of a checked row from its 0-based position among the rows the reader produced. Rows the
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

/**
 * Orders without an id get `<customer>-<yyyymmdd>-<n>`: stable across re-imports of the same file. The table
 * is rebuilt in file order rather than updated, so rowids keep following the file.
 */
export async function deriveOrderIds(db: DuckDbConnection): Promise<void> {
  const tmp = sql.id(`${CHECKED}_keyed`);
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${tmp} AS SELECT * REPLACE (
      CASE WHEN customer_id IS NOT NULL AND ordered_at IS NOT NULL THEN customer_id || '-' || strftime(ordered_at, '%Y%m%d') || '-' ||
        row_number() OVER (PARTITION BY customer_id, CAST(ordered_at AS DATE) ORDER BY rowid) END AS order_id)
    FROM ${T} ORDER BY rowid`);
  await db.run(sql`DROP TABLE ${T}`);
  await db.run(sql`ALTER TABLE ${tmp} RENAME TO ${T}`);
}

/**
 * Whether the keys strictly ascend down the table, which proves them distinct. Exports are usually sorted
 * by their key, and this single-threaded streaming pass stops at the first step down, so it costs a
 * seventh of the distinct count on a sorted file (10M keys: 0.13 s against 0.95 s) and next to nothing on
 * an unsorted one. LAG over an empty window compares each row with the one before it in one sequence, so
 * the proof holds whatever order DuckDB scans in. Keys compare as DuckDB orders them (text byte-wise, so
 * "9" before "10" falls back to the count).
 */
async function keysAscend(db: DuckDbConnection, e: Entity, present: Sql): Promise<boolean> {
  const [only] = e.key;
  const key = e.key.length === 1 && only ? sql.id(only) : sql`row(${sql.ids(e.key)})`;
  const down = await db.all(sql`SELECT 1 FROM (SELECT ${key} AS _k, lag(${key}) OVER () AS _prev FROM ${T}
    WHERE ${present} AND NOT _blank) WHERE NOT (_k > _prev) LIMIT 1`);
  return down.length === 0;
}

/**
 * Later occurrences of a key inside the file are rejected, naming the first occurrence. Ascending keys, or
 * else a distinct count of key hashes, prove most files duplicate-free in one cheap pass; only otherwise
 * are the duplicates located.
 */
export async function flagDuplicates(db: DuckDbConnection, e: Entity, rule: Rule): Promise<void> {
  const keys = sql.ids(e.key);
  const present = sql.join(
    e.key.map((k) => sql`${sql.id(k)} IS NOT NULL`),
    sql` AND `,
  );
  if (await keysAscend(db, e, present)) return;
  const [probe] = await db.all<{ unique: boolean }>(
    sql`SELECT count(*) = count(DISTINCT hash(${keys})) AS "unique" FROM ${T} WHERE ${present} AND NOT _blank`,
  );
  if (probe?.unique) return;
  await db.run(sql`INSERT INTO ${F} SELECT r, ${rule.id}, first FROM (
      SELECT rowid AS r, min(rowid) OVER (PARTITION BY ${keys}) AS first FROM ${T}
      WHERE ${present} AND NOT _blank QUALIFY count(*) OVER (PARTITION BY ${keys}) > 1) WHERE r <> first`);
}

/**
 * Rows naming a customer that is not in `customers` are rejected (unless the import creates them). `unknown` says
 * which when the customers are not in this database (engine/clickhouse/record-load.ts `unknownCustomers`).
 */
export async function flagUnknownCustomers(
  db: DuckDbConnection,
  e: Entity,
  rules: Map<string, Rule>,
  unknown: (column: Sql) => Sql = (c) => sql`${c} NOT IN (SELECT customer_id FROM customers)`,
): Promise<void> {
  for (const f of e.fields) {
    const rule = rules.get(f.name);
    if (!rule) continue;
    const when = e.referenceWhen ? sql` AND ${sql.id(e.referenceWhen.field)} = ${e.referenceWhen.equals}` : sql``;
    await db.run(sql`INSERT INTO ${F} SELECT rowid, ${rule.id}, NULL FROM ${T}
      WHERE ${sql.id(f.name)} IS NOT NULL${when} AND NOT _blank AND ${unknown(sql`${sql.id(f.name)}`)}`);
  }
}

/**
 * Write every broken rule of every row, and every malformed line, to `rejects`: the code's arguments (column,
 * value, expected), from which readers render the message in their language, and the English message.
 */
export async function writeRejects(
  db: DuckDbConnection,
  batch: number,
  rules: Rule[],
  firstLine: number,
  malformed: Malformed[],
  base: number,
): Promise<void> {
  if (rules.length) {
    const tpl = rules.map(
      (r) => describe(r.code, { column: r.column, value: '{{value}}', expected: '{{expected}}' }).message,
    );
    const value = sql`CASE _rule ${sql.join(
      rules.map((r) => sql`WHEN ${r.id} THEN ${r.value}`),
      sql` `,
    )} END`;
    // Helper columns start with "_": attribute columns never do, so they cannot collide with a user's column.
    const line = lineOf(sql`(_rid - ${base})`, firstLine, malformed);
    const firstOf = lineOf(sql`(_dupof - ${base})`, firstLine, malformed);
    const broken = sql`SELECT rowid AS _rid, unnest(_errs) AS _rule, CAST(NULL AS BIGINT) AS _dupof FROM ${T}
      WHERE _errs IS NOT NULL AND NOT _blank UNION ALL SELECT rid, rule, dup_of FROM ${F}`;
    const meta = sql`SELECT CAST(unnest(${rules.map((r) => String(r.id))}) AS INTEGER) AS _id, unnest(${rules.map((r) => r.code)}) AS _code,
      unnest(${rules.map((r) => r.column)}) AS _col, unnest(${tpl}) AS _tpl, unnest(${rules.map((r) => r.expected)}) AS _exp`;
    await db.run(sql`INSERT INTO rejects (batch_id, line, "column", value, code, message, expected)
      SELECT ${batch}, _line, _col, _v, _code, replace(replace(_tpl, '{{value}}', coalesce(_v, '')), '{{expected}}', _e), _e
      FROM (SELECT _line, _col, _v, _code, _tpl, CASE WHEN _dupof IS NOT NULL THEN CAST(_first AS VARCHAR) ELSE _exp END AS _e
        FROM (SELECT _rule, _dupof, ${line} AS _line, ${firstOf} AS _first, ${value} AS _v
              FROM (${broken}) e JOIN ${T} c ON c.rowid = e._rid) x
        JOIN (${meta}) m ON m._id = x._rule)`);
  }
  for (const m of malformed) {
    const msg = describe('TEN_ROW_MALFORMED', { column: '', value: m.text, expected: m.detail }).message;
    await db.run(sql`INSERT INTO rejects (batch_id, line, "column", value, code, message, expected)
      VALUES (${batch}, ${m.line}, NULL, ${m.text.slice(0, 500)}, 'TEN_ROW_MALFORMED', ${msg}, ${m.detail})`);
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
  if (!m.extras.length) return;
  const typeOf = (column: string) => types[column] ?? 'VARCHAR';
  for (const x of m.extras)
    await db.run(
      sql`ALTER TABLE ${sql.id(e.name)} ADD COLUMN IF NOT EXISTS ${sql.id(x.column)} ${sql.raw(typeOf(x.column))}`,
    );
  // One insert for all of them: an insert per column after the ALTERs cost 12 ms each inside the transaction.
  await db.run(sql`INSERT INTO attributes SELECT ${e.name}, unnest(${m.extras.map((x) => x.column)}),
    unnest(${m.extras.map((x) => x.header)}), unnest(${m.extras.map((x) => typeOf(x.column))}), ${batch}
    ON CONFLICT DO NOTHING`);
}

/** --create-missing-customers: unknown customers are created, acquired at their first event in the file. */
export async function createMissingCustomers(
  db: DuckDbConnection,
  e: Entity,
  batch: number,
  OK: Sql,
  changes: BatchChanges,
): Promise<number> {
  const time = e.fields.find((f: Field) => f.type === 'timestamp' && f.required);
  if (!time || e.name === 'customers' || !e.fields.some((f) => f.references)) return 0;
  const created = await db.exec(sql`INSERT INTO customers (customer_id, created_at, _batch)
    SELECT customer_id, min(${sql.id(time.name)}), ${batch} FROM ${T}
    WHERE ${OK} AND customer_id NOT IN (SELECT customer_id FROM customers) GROUP BY customer_id`);
  if (created > 0) {
    const added = await earliestOf(db, sql`created_at`, sql`customers WHERE _batch = ${batch}`);
    noteChange(changes, 'customers', added.from, { inserted: created });
  }
  return created;
}

/**
 * Upsert by key: changed rows are updated, absent ones inserted, identical ones left alone, so importing
 * the same rows twice changes nothing. Returns new and updated counts, and notes in `changes` the earliest
 * date the batch touched (changes.ts): the new rows' dates, and for an updated row the old and new values of the
 * dates that changed, or of all its dates when another column changed (a moved amount counts from the order's
 * date, a cancellation only from the old or new end). The insert runs first, so that only the new rows carry
 * this batch when their dates are read: that read then skips every stored row group by its min/max of `_batch`.
 */
export async function upsert(
  db: DuckDbConnection,
  e: Entity,
  columns: CheckedColumn[],
  batch: number,
  OK: Sql,
  changes: BatchChanges,
): Promise<{ inserted: number; updated: number }> {
  const names = columns.map((c) => c.name);
  const target = sql.id(e.name);
  const nonKey = names.filter((n) => !e.key.includes(n) && !e.fixed?.includes(n));
  const dates = dateFields(e);
  let updated = 0;
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${target} LIMIT 1)`,
  );
  const absent = n > 0 ? sql` AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${keyMatch(e, 't', CHECKED)})` : sql``;
  const inserted = await db.exec(sql`INSERT INTO ${target} (${sql.ids(names)}, _batch)
    SELECT ${sql.ids(names)}, ${batch} FROM ${T} WHERE ${OK}${absent}`);
  if (inserted > 0) {
    const added = await earliestOf(db, earliest(asTimestamps('t', dates)), sql`${target} t WHERE _batch = ${batch}`);
    noteChange(changes, e.name, added.from, { inserted });
  }
  if (n > 0 && nonKey.length) {
    const differs = (cols: string[]) =>
      sql.join(
        cols.map((c) => sql`${sql.id('t', c)} IS DISTINCT FROM ${sql.id('g', c)}`),
        sql` OR `,
      );
    const dated = nonKey.filter((c) => dates.includes(c));
    const undated = nonKey.filter((c) => !dates.includes(c));
    const moved = earliest(
      dated.map(
        (c) =>
          sql`CASE WHEN ${differs([c])} THEN ${earliest(asTimestamps('t', [c]).concat(asTimestamps('g', [c])))} END`,
      ),
    );
    const all = earliest([...asTimestamps('t', dates), ...asTimestamps('g', dated)]);
    const touched = undated.length ? sql`CASE WHEN ${differs(undated)} THEN ${all} ELSE ${moved} END` : moved;
    const matched = sql`${target} AS t JOIN (SELECT * FROM ${T} WHERE ${OK}) g ON ${keyMatch(e, 't', 'g')} WHERE ${differs(nonKey)}`;
    // Read before the update, which overwrites the old dates; nothing differs (the usual append): no update.
    const before = await earliestOf(db, touched, matched);
    if (before.n > 0) {
      const set = sql.join(nonKey.map((c) => sql`${sql.id(c)} = ${sql.id('g', c)}`));
      updated = await db.exec(sql`UPDATE ${target} AS t SET ${set}, _batch = ${batch}
        FROM (SELECT * FROM ${T} WHERE ${OK}) g WHERE ${keyMatch(e, 't', 'g')} AND (${differs(nonKey)})`);
      noteChange(changes, e.name, before.from, { updated });
    }
  }
  return { inserted, updated };
}

/** Snapshot imports record churned customers as churn events at the as-of date (and retract them if unflagged). */
export async function syncSnapshotChurn(
  db: DuckDbConnection,
  asOf: string,
  batch: number,
  OK: Sql,
  changes: BatchChanges,
): Promise<number> {
  const note = 'derived from the churn flag of a snapshot import';
  const retracted =
    await db.exec(sql`DELETE FROM churn_events WHERE note = ${note} AND churned_at = CAST(${asOf} AS TIMESTAMP)
    AND customer_id IN (SELECT customer_id FROM ${T} WHERE ${OK} AND NOT _churned)`);
  const added = await db.exec(sql`INSERT INTO churn_events (customer_id, churned_at, note, _batch)
    SELECT customer_id, CAST(${asOf} AS TIMESTAMP), ${note}, ${batch} FROM ${T} g WHERE ${OK} AND _churned
      AND NOT EXISTS (SELECT 1 FROM churn_events c WHERE c.customer_id = g.customer_id AND c.churned_at = CAST(${asOf} AS TIMESTAMP))`);
  // Every row retracted or added is dated at the as-of date.
  const [at] = await db.all<{ at: string }>(sql`SELECT CAST(CAST(${asOf} AS TIMESTAMP) AS VARCHAR) AS at`);
  noteChange(changes, 'churn_events', at?.at ?? null, { inserted: added, deleted: retracted });
  return added;
}
