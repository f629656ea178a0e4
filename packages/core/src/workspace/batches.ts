import type { BatchRecord } from '../ingest/phases/record.ts';
import { type Page, type PageQuery, pageOf } from '../paging.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from './workspace.ts';

/**
 * One import as `import_batches` records it (files, uploads and event batches alike): the columns the import's
 * record phase writes (BatchRecord), its times as text, as lists show them.
 */
export type BatchRow = Omit<
  BatchRecord,
  'sha256' | 'encoding' | 'rows_blank' | 'format' | 'status' | 'started_at' | 'changes'
> & {
  format: string | null;
  status: string;
  started_at: string;
  finished_at: string;
};

/** Imports, newest first. @example await listBatches(ws, { pageSize: 20 }) */
export async function listBatches(ws: Workspace, q: PageQuery = {}): Promise<Page<BatchRow>> {
  const p = pageOf(q);
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM import_batches`);
  const rows = await ws.db.all<BatchRow & Record<string, unknown>>(
    sql`SELECT batch_id, entity, file_name, format, status, rows_read, rows_loaded, rows_rejected, rows_new,
          rows_updated, rows_unchanged, CAST(started_at AS VARCHAR) AS started_at, CAST(finished_at AS VARCHAR) AS finished_at
        FROM import_batches ORDER BY batch_id DESC LIMIT ${p.limit} OFFSET ${p.offset}`,
  );
  return { total: t?.n ?? 0, page: p.page, pageSize: p.pageSize, rows };
}
