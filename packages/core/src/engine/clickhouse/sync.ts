/**
 * Copy a DuckDB workspace's entity tables (and the case tables metrics read) into ClickHouse, through Parquet: DuckDB writes each table to a
 * temporary file and ClickHouse reads it back (chdb: file() on the absolute path; a server: the file
 * streamed as INSERT … FORMAT Parquet). Parquet carries the exact types — DECIMAL(18,4), microsecond
 * timestamps, dates, NULLs — so metric SQL on the copy gives the same results as on the workspace.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { makeTempDir, releaseTempDir } from '../../ingest/temp.ts';
import { type EntityName, entities } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { ClickHouseConnection } from './connection.ts';
import { batchColumn, type ColumnDef, createTable, entityColumns, typeFromDuckdb } from './ddl.ts';

/**
 * Tables of our own that metrics read besides the entities (the case metrics and the churn taxonomy's
 * retaliatory mark), with their ClickHouse sort keys: created from the workspace's columns as they are, so a
 * column a later migration adds is copied without an edit here. Bookkeeping and access tables stay behind.
 */
export const copiedTables = {
  cases: ['customer_id', 'case_id'],
  case_events: ['case_id', 'version'],
  teams: ['team'],
  survey_answers: ['response_id', 'question_id'],
  exit_mappings: ['customer_id', 'churned_at'],
} as const satisfies Record<string, readonly string[]>;
export type CopiedTable = keyof typeof copiedTables;

export interface CopySummary {
  /** Rows copied per table: the entities, then the tables of `copiedTables`. */
  rows: Record<EntityName | CopiedTable, number>;
  /** Attribute columns copied per entity (beyond the canonical fields and `_batch`). */
  attributes: Partial<Record<EntityName, string[]>>;
}

/** The table's columns in DuckDB order, typed for ClickHouse: canonical fields as declared, the rest from DuckDB. */
async function columnsOf(ws: Workspace, name: EntityName): Promise<{ columns: ColumnDef[]; extra: string[] }> {
  const declared = new Map(entityColumns(entities[name]).map((c) => [c.name, c]));
  declared.set(batchColumn.name, batchColumn);
  const described = await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(name)}`);
  const columns: ColumnDef[] = [];
  const extra: string[] = [];
  for (const d of described) {
    const known = declared.get(d.column_name);
    if (known) {
      columns.push(known);
      continue;
    }
    const type = typeFromDuckdb(d.column_type);
    if (!type)
      throw tenureError('TEN_INTERNAL', {
        detail: `cannot copy ${name}.${d.column_name} to ClickHouse: no mapping for DuckDB type ${d.column_type}`,
      });
    columns.push({ name: d.column_name, type });
    extra.push(d.column_name);
  }
  return { columns, extra };
}

/** A table of our own's columns, typed from DuckDB's; the sort key's not Nullable (a ClickHouse key may not be). */
async function ownColumns(ws: Workspace, name: CopiedTable, key: readonly string[]): Promise<ColumnDef[]> {
  const described = await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(name)}`);
  return described.map((d) => {
    const type = typeFromDuckdb(d.column_type, !key.includes(d.column_name));
    if (!type)
      throw tenureError('TEN_INTERNAL', {
        detail: `cannot copy ${name}.${d.column_name} to ClickHouse: no mapping for DuckDB type ${d.column_type}`,
      });
    return { name: d.column_name, type };
  });
}

/** Drop and create `name` in ClickHouse, then copy its rows through a Parquet file; the rows copied. */
async function copyTable(
  ws: Workspace,
  ch: ClickHouseConnection,
  dir: string,
  name: string,
  columns: ColumnDef[],
  create: Sql,
): Promise<number> {
  await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(name)}`);
  await ch.run(create);
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(name)}`);
  const n = count?.n ?? 0;
  if (!n) return 0;
  const file = join(dir, `${name}.parquet`);
  const names = columns.map((c) => c.name);
  await ws.db.run(sql`COPY (SELECT ${sql.ids(names)} FROM ${sql.id(name)}) TO ${file} (FORMAT parquet)`);
  await ch.insertParquet(name, names, file);
  rmSync(file, { force: true });
  return n;
}

/**
 * (Re)create every entity table in ClickHouse and copy its rows from the workspace, attribute columns
 * included, then the tables of our own that metrics read (`copiedTables`). Tables are dropped first, so the copy is a snapshot of the workspace, not a merge.
 */
export async function copyWorkspace(ws: Workspace, ch: ClickHouseConnection): Promise<CopySummary> {
  const dir = makeTempDir('sync');
  const rows = {} as CopySummary['rows'];
  const attributes: CopySummary['attributes'] = {};
  try {
    for (const name of Object.keys(entities) as EntityName[]) {
      const { columns, extra } = await columnsOf(ws, name);
      if (extra.length) attributes[name] = extra;
      rows[name] = await copyTable(ws, ch, dir, name, columns, createTable(entities[name], columns));
    }
    for (const [name, key] of Object.entries(copiedTables) as [CopiedTable, readonly string[]][]) {
      const columns = await ownColumns(ws, name, key);
      const create = sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} (${sql.join(columns.map((c) => sql`${sql.id(c.name)} ${c.type}`))})
        ENGINE = MergeTree ORDER BY (${sql.ids(key)})`;
      rows[name] = await copyTable(ws, ch, dir, name, columns, create);
    }
  } finally {
    releaseTempDir(dir);
  }
  return { rows, attributes };
}
