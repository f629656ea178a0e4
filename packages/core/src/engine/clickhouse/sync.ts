/**
 * Copy a DuckDB workspace's entity tables into ClickHouse, through Parquet: DuckDB writes each table to a
 * temporary file and ClickHouse reads it back (chdb: file() on the absolute path; a server: the file
 * streamed as INSERT … FORMAT Parquet). Parquet carries the exact types — DECIMAL(18,4), microsecond
 * timestamps, dates, NULLs — so metric SQL on the copy gives the same results as on the workspace.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { makeTempDir, releaseTempDir } from '../../ingest/temp.ts';
import { type EntityName, entities } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { ClickHouseConnection } from './connection.ts';
import { batchColumn, type ColumnDef, createTable, entityColumns, typeFromDuckdb } from './ddl.ts';

export interface CopySummary {
  /** Rows copied per entity table. */
  rows: Record<EntityName, number>;
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

/**
 * (Re)create every entity table in ClickHouse and copy its rows from the workspace, attribute columns
 * included. Tables are dropped first, so the copy is a snapshot of the workspace, not a merge.
 */
export async function copyWorkspace(ws: Workspace, ch: ClickHouseConnection): Promise<CopySummary> {
  const dir = makeTempDir('sync');
  const rows = {} as Record<EntityName, number>;
  const attributes: CopySummary['attributes'] = {};
  try {
    for (const name of Object.keys(entities) as EntityName[]) {
      const { columns, extra } = await columnsOf(ws, name);
      if (extra.length) attributes[name] = extra;
      await ch.run(sql`DROP TABLE IF EXISTS ${sql.id(name)}`);
      await ch.run(createTable(entities[name], columns));
      const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(name)}`);
      rows[name] = count?.n ?? 0;
      if (!rows[name]) continue;
      const file = join(dir, `${name}.parquet`);
      const names = columns.map((c) => c.name);
      await ws.db.run(sql`COPY (SELECT ${sql.ids(names)} FROM ${sql.id(name)}) TO ${file} (FORMAT parquet)`);
      await ch.insertParquet(name, names, file);
      rmSync(file, { force: true });
    }
  } finally {
    releaseTempDir(dir);
  }
  return { rows, attributes };
}
