/**
 * A workspace whose entity tables live in ClickHouse: `tenure init --engine chdb:DIR` or
 * `--engine clickhouse://user:pass@host:8123/db` records the engine in tenure.config.json (`engine`) and creates the
 * entity tables there. The workspace folder keeps its bookkeeping (tenure.duckdb: import batches, rejects, attributes,
 * settings, users and keys; people.duckdb: cases, playbooks): imports read and check files locally, with the same
 * rules, rejects and line numbers as any workspace (ingest/, not forked), and only the good rows go to ClickHouse
 * (record-load.ts). Its local entity tables stay empty.
 *
 * The tables: one ReplacingMergeTree(_batch) per entity, ORDER BY the entity's key. An import upserts by key (as the
 * DuckDB loader does) by inserting the rows it adds or changes with its batch number as their version; FINAL, which
 * every ClickHouse connection applies (connection.ts `readSettings`), reads the newest version of each key, so metric
 * SQL reads exactly the rows DuckDB's UPDATE-in-place would hold. The sort key is the entity key alone, not the
 * customer first as in a copy (ddl.ts `orderBy`): rows are replaced by sort key, and an upsert that moves an order to
 * another customer must replace the old row, not stand beside it. An optional key column (a cost's segment) needs
 * `allow_nullable_key`.
 * A sync (`tenure sync`) stays for copying a DuckDB workspace; it must not be pointed at such a database (it would
 * swap its tables for the local, empty ones).
 */
import { resolve } from 'node:path';
import type { Entity } from '../../schema/index.ts';
import { entities } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { migrateCopy } from '../../workspace/migrations/run.ts';
import { ClickHouseConnection } from './connection.ts';
import { type ColumnDef, createTableOf, entityColumns } from './ddl.ts';

/** `_batch` of a record table: the version ReplacingMergeTree keeps the newest of, so never NULL. */
export const versionColumn: ColumnDef = { name: '_batch', type: sql`Int64` };

/** The CREATE TABLE of an entity kept in ClickHouse (see the file's comment). */
export function recordTable(e: Entity): Sql {
  const optional = e.key.some((k) => !e.fields.find((f) => f.name === k)?.required);
  return createTableOf({
    name: e.name,
    columns: [...entityColumns(e), versionColumn],
    engine: sql`ReplacingMergeTree(_batch)`,
    orderBy: e.key,
    ...(optional ? { settings: sql` SETTINGS allow_nullable_key = 1` } : {}),
  });
}

/**
 * The engine as the config records it: a chdb directory made absolute (a relative one would move with the
 * current directory of each command), a server URL as given.
 * @example recordTarget('chdb:./data') // 'chdb:/home/me/shop/data'
 */
export function recordTarget(engine: string): string {
  if (/^(clickhouses?|https?):\/\//i.test(engine)) return engine;
  return `chdb:${resolve(engine.replace(/^chdb:(\/\/)?/i, ''))}`;
}

/** The engine named in errors: a server's URL without its password. */
const shown = (target: string) => target.replace(/\/\/[^@/]*@/, '//');

/**
 * Connect to the workspace's ClickHouse database, its schema brought up to date by the same migrations as a copy
 * (ADD COLUMN IF NOT EXISTS for fields declared since). An unreachable server or refused credentials fail here
 * (TEN_ENGINE_UNREACHABLE, connection.ts), before anything is read or written.
 * @example const ch = await openRecord(ws.config.engine); try { … } finally { await ch.close() }
 */
export async function openRecord(engine: string): Promise<ClickHouseConnection> {
  const ch = await ClickHouseConnection.open(engine);
  try {
    await migrateCopy(ch, shown(engine));
  } catch (e) {
    await ch.close();
    throw e;
  }
  return ch;
}

/**
 * Create the entity tables of a new workspace in ClickHouse (IF NOT EXISTS: a database that already holds them,
 * from an earlier init, is kept), then record the migrations as applied.
 * @example await createRecord('chdb:/data/shop')
 */
export async function createRecord(engine: string): Promise<void> {
  const ch = await ClickHouseConnection.open(engine);
  try {
    for (const e of Object.values(entities)) await ch.run(recordTable(e));
    await migrateCopy(ch, shown(engine));
  } finally {
    await ch.close();
  }
}
