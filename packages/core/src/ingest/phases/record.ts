/**
 * Phase record: the batch's row in `import_batches`, by column name. `finished_at` is the database's clock at
 * the insert; everything else is named here, so a value cannot land in its neighbour's column.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { ImportSummary } from '../summary.ts';

export interface BatchRecord {
  batch_id: number;
  entity: string;
  file_name: string;
  sha256: string;
  format: string;
  encoding: string;
  status: ImportSummary['status'];
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_new: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_blank: number;
  started_at: Date;
  /** JSON of the batch's changes per entity table (ingest/changes.ts). */
  changes: string;
}

/** The columns written, every one of BatchRecord's (else this does not compile): identifiers from here only. */
const written: { [C in keyof BatchRecord]: true } = {
  batch_id: true,
  entity: true,
  file_name: true,
  sha256: true,
  format: true,
  encoding: true,
  status: true,
  rows_read: true,
  rows_loaded: true,
  rows_rejected: true,
  rows_new: true,
  rows_updated: true,
  rows_unchanged: true,
  rows_blank: true,
  started_at: true,
  changes: true,
};

/** The names of the columns recordBatch writes (besides finished_at), for the test that they are the table's. */
export const recordedColumns = Object.keys(written) as (keyof BatchRecord)[];

/** Values are bound; the start is sent as ISO text and cast, the precision DuckDB's TIMESTAMP keeps. */
export async function recordBatch(db: DuckDbConnection, batch: BatchRecord): Promise<void> {
  const value = (c: keyof BatchRecord): Sql =>
    c === 'started_at'
      ? sql`CAST(${batch.started_at.toISOString()} AS TIMESTAMP)`
      : sql`${batch[c] as string | number}`;
  await db.run(sql`INSERT INTO import_batches (${sql.ids(recordedColumns)}, finished_at)
    VALUES (${sql.join(recordedColumns.map(value))}, current_timestamp::TIMESTAMP)`);
}
