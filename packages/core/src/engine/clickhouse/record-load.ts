/**
 * The load phase of an import into a workspace whose entity tables live in ClickHouse (record.ts). Everything before
 * it — read, map, check, rejects, the reject-rate gate — ran locally as for any workspace; this replaces the DuckDB
 * upsert (ingest/load.ts `upsert`) and keeps its meaning: a row whose key is absent is inserted, a row whose columns
 * from the file differ is updated (columns the file lacks, and fixed ones, keep their stored values), an identical
 * row is left alone, so importing the same file again changes nothing.
 *
 * Atomic by staging and one ATTACH (chosen over insert deduplication tokens and over a committed-batch record that
 * readers filter on, see below):
 *  1. stage: the batch's good rows go, through a Parquet file written by DuckDB (exact decimals, timestamps, NULLs,
 *     as sync.ts), into `<t>__incoming`; the rows to write — new ones, and changed ones completed with the stored
 *     values of the columns the file lacks — are selected from it into `<t>__batch` (both `CREATE TABLE … AS <t>`,
 *     so their parts fit the live table), version = the batch number. Into an empty table the file goes straight
 *     to `<t>__batch`. Leftovers of a killed import are dropped first. Readers see nothing of this.
 *  2. publish, right before the local transaction that records the batch commits (ingest/import.ts):
 *     `ALTER TABLE <t> ATTACH PARTITION tuple() FROM <t>__batch` adds every part of the staged batch to the
 *     unpartitioned table in one step under the table's parts lock (MergeTree commits the attached parts together),
 *     so a query sees the whole batch or none of it. FINAL then reads the newest version of each key.
 *  3. the batch's row commits in tenure.duckdb; the staging tables are dropped.
 * A kill before 2 leaves ClickHouse as it was and no batch recorded. A kill between 2 and 3 leaves the batch visible
 * and unrecorded locally: importing the file again finds every row identical and writes nothing, so the data is what
 * it would have been; the batch number may be handed out again (DuckDB's sequence rolls back with the transaction),
 * and a later batch with the same number still wins over it, since of equal versions FINAL keeps the last inserted.
 * Why not the others: insert deduplication tokens make a retried INSERT idempotent but do not hide a batch whose
 * blocks are still arriving (an INSERT of many blocks is not atomic); a committed-batch table that readers join
 * would put a filter in every metric query and cost every read. One ATTACH per import is enough because an import
 * writes one table here: the options that write a second one (creating missing customers, snapshot churn events)
 * are refused (TEN_ENGINE_RECORD_UNSUPPORTED) rather than made visible in two steps.
 * One import at a time per workspace: the DuckDB file lock already holds a second process off.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { makeTempDir, releaseTempDir } from '../../ingest/temp.ts';
import type { CheckedColumn } from '../../ingest/validate.ts';
import type { Entity } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { ClickHouseConnection } from './connection.ts';
import { typeFromDuckdb } from './ddl.ts';

const CHECKED = sql.id('import_checked');
const UNKNOWN = 'import_unknown_customers';

const incomingOf = (e: Entity) => `${e.name}__incoming`;
const batchOf = (e: Entity) => `${e.name}__batch`;
const PROBE = 'customers__probe';

/** What the load did, and the step that makes it visible (called by importFile right before its commit). */
export interface RecordLoad {
  inserted: number;
  updated: number;
  publish: () => Promise<void>;
}

/** Write `select` (a DuckDB query) to a Parquet file and insert it into ClickHouse's `into`. */
async function ship(db: DuckDbConnection, ch: ClickHouseConnection, select: Sql, into: string, names: string[]) {
  const dir = makeTempDir('record');
  try {
    const file = join(dir, 'rows.parquet');
    await db.run(sql`COPY (${select}) TO ${file} (FORMAT parquet, COMPRESSION uncompressed)`);
    await ch.insertParquet(into, names, file);
    rmSync(file, { force: true });
  } finally {
    releaseTempDir(dir);
  }
}

/**
 * The customers a file names that ClickHouse's `customers` lacks, as the condition the unknown-customer rule uses
 * (ingest/load.ts `flagUnknownCustomers`): the file's distinct ids go to ClickHouse, the unknown ones (usually few)
 * come back into a local temporary table.
 * @example await flagUnknownCustomers(db, entity, refs, await unknownCustomers(db, ch, [...refs.keys()]))
 */
export async function unknownCustomers(
  db: DuckDbConnection,
  ch: ClickHouseConnection,
  fields: readonly string[],
): Promise<(column: Sql) => Sql> {
  const named = sql.join(
    fields.map((f) => sql`SELECT DISTINCT ${sql.id(f)} AS customer_id FROM ${CHECKED} WHERE ${sql.id(f)} IS NOT NULL`),
    sql` UNION `,
  );
  await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(PROBE)} SYNC`);
  await ch.run(sql`CREATE TABLE ${sql.id(PROBE)} (customer_id String) ENGINE = Memory`);
  try {
    await ship(db, ch, named, PROBE, ['customer_id']);
    const rows = await ch.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM ${sql.id(PROBE)} WHERE customer_id NOT IN (SELECT customer_id FROM customers)`,
    );
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(UNKNOWN)} AS
      SELECT unnest(CAST(${rows.map((r) => r.customer_id)} AS VARCHAR[])) AS customer_id`);
  } finally {
    await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(PROBE)} SYNC`);
  }
  return (column) => sql`${column} IN (SELECT customer_id FROM ${sql.id(UNKNOWN)})`;
}

/** New attribute columns (already added to the local, empty table with their DuckDB type) added in ClickHouse too. */
async function addAttributes(db: DuckDbConnection, ch: ClickHouseConnection, e: Entity, columns: CheckedColumn[]) {
  const extra = new Set(columns.filter((c) => c.extra).map((c) => c.name));
  if (!extra.size) return;
  const described = await db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(e.name)}`);
  for (const d of described.filter((x) => extra.has(x.column_name))) {
    const type = typeFromDuckdb(d.column_type);
    if (!type)
      throw tenureError('TEN_INTERNAL', {
        detail: `no ClickHouse type for ${e.name}.${d.column_name} (${d.column_type})`,
      });
    await ch.run(sql`ALTER TABLE ${sql.id(e.name)} ADD COLUMN IF NOT EXISTS ${sql.id(d.column_name)} ${type}`);
  }
}

async function restage(ch: ClickHouseConnection, e: Entity, names: string[]) {
  for (const n of names) await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(n)} SYNC`);
  for (const n of names) await ch.run(sql`CREATE TABLE ${sql.id(n)} AS ${sql.id(e.name)}`);
}

/**
 * Stage the rows `OK` selects from the checked table as batch `batch` of `e` (see the file's comment); nothing is
 * visible until `publish`.
 * @example const { inserted, updated, publish } = await loadRecord(db, ch, entity, plan.columns, batch, OK)
 */
export async function loadRecord(
  db: DuckDbConnection,
  ch: ClickHouseConnection,
  e: Entity,
  columns: CheckedColumn[],
  batch: number,
  OK: Sql,
): Promise<RecordLoad> {
  await addAttributes(db, ch, e, columns);
  const names = columns.map((c) => c.name);
  const incoming = incomingOf(e);
  const staged = batchOf(e);
  const rows = sql`SELECT ${sql.ids(names)}, CAST(${batch} AS BIGINT) AS _batch FROM ${CHECKED} WHERE ${OK}`;
  const live = sql.id(e.name);
  const empty = (await ch.all(sql`SELECT 1 AS x FROM ${live} LIMIT 1`)).length === 0;
  let inserted = 0;
  let updated = 0;
  if (empty) {
    await restage(ch, e, [staged]);
    await ship(db, ch, rows, staged, [...names, '_batch']);
    const [n] = await ch.all<{ n: number }>(sql`SELECT count() AS n FROM ${sql.id(staged)}`);
    inserted = Number(n?.n ?? 0);
  } else {
    await restage(ch, e, [incoming, staged]);
    await ship(db, ch, rows, incoming, [...names, '_batch']);
    const stored = await ch.all<{ name: string }>(
      sql`SELECT name FROM system.columns WHERE database = currentDatabase() AND table = ${e.name} ORDER BY position`,
    );
    const compared = names.filter((n) => !e.key.includes(n) && !e.fixed?.includes(n));
    // A stored row takes the file's value of a column it compares; the columns the file lacks, and fixed ones,
    // keep the stored value (a new row gets the file's, or NULL).
    const value = (c: string): Sql =>
      c === '_batch'
        ? sql`${batch}`
        : e.key.includes(c) || compared.includes(c)
          ? sql`${sql.id('i', c)}`
          : sql`if(l._found = 1, ${sql.id('l', c)}, ${sql.id('i', c)})`;
    const all = stored.map((s) => s.name);
    const keys = sql.ids(e.key);
    const differs = compared.length
      ? sql.join(
          compared.map((c) => sql`NOT (${sql.id('i', c)} <=> ${sql.id('l', c)})`),
          sql` OR `,
        )
      : sql`0`;
    await ch.run(sql`INSERT INTO ${sql.id(staged)} (${sql.ids(all)})
      SELECT ${sql.join(all.map(value))} FROM ${sql.id(incoming)} AS i
      LEFT JOIN (SELECT *, 1 AS _found FROM ${live} WHERE (${keys}) IN (SELECT ${keys} FROM ${sql.id(incoming)})) AS l
        USING (${keys})
      WHERE l._found IS NULL OR ${differs}`);
    const [n] = await ch.all<{ n: number; updated: number }>(
      sql`SELECT count() AS n, countIf((${keys}) IN (SELECT ${keys} FROM ${live})) AS updated FROM ${sql.id(staged)}`,
    );
    updated = Number(n?.updated ?? 0);
    inserted = Number(n?.n ?? 0) - updated;
  }
  return {
    inserted,
    updated,
    publish: async () => {
      await ch.run(sql`ALTER TABLE ${live} ATTACH PARTITION tuple() FROM ${sql.id(staged)}`);
    },
  };
}

/**
 * Drop the staging tables of `e`'s last import: after its batch committed, or left by one that was killed (the next
 * import drops them before staging).
 */
export async function dropStaging(ch: ClickHouseConnection, e: Entity): Promise<void> {
  for (const n of [incomingOf(e), batchOf(e)]) await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(n)} SYNC`);
}
