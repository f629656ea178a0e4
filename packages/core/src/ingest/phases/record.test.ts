/**
 * The batch record is written by column name (record.ts): the names are exactly the table's, and each value lands
 * in its own column, which 16 positional values could not promise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, tempWorkspace } from '../../../test/fixtures/ingest/helpers.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { importFile } from '../import.ts';
import { recordedColumns } from './record.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await tempWorkspace());
});
afterAll(() => done());

describe('the batch record', () => {
  it('names every column of import_batches but the insert’s own clock', async () => {
    const table = await ws.db.all<{ name: string }>(
      sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'import_batches' ORDER BY ordinal_position`,
    );
    expect([...recordedColumns, 'finished_at'].sort()).toEqual(table.map((c) => c.name).sort());
  });

  it('holds the summary’s figures, each under its own name', async () => {
    const s = await importFile(ws, 'customers', fixture('customers.csv'));
    const [row] = await ws.db.all(sql`SELECT * FROM import_batches WHERE batch_id = ${s.batchId}`);
    expect(row).toMatchObject({
      entity: 'customers',
      file_name: s.file,
      sha256: s.sha256,
      format: s.format,
      encoding: s.encoding,
      status: 'loaded',
      rows_read: s.rowsRead,
      rows_loaded: s.rowsLoaded,
      rows_rejected: s.rowsRejected,
      rows_new: s.rowsNew,
      rows_updated: s.rowsUpdated,
      rows_unchanged: s.rowsUnchanged,
      rows_blank: s.rowsBlank,
    });
    // Distinct figures, so a swap of two count columns would show: a re-import updates nothing and changes nothing.
    const again = await importFile(ws, 'customers', fixture('customers.csv'));
    const [second] = await ws.db.all(sql`SELECT * FROM import_batches WHERE batch_id = ${again.batchId}`);
    expect(second).toMatchObject({ rows_new: 0, rows_unchanged: again.rowsRead });
    expect(again.rowsRead).toBeGreaterThan(0);
    expect(String(second?.started_at) <= String(second?.finished_at)).toBe(true);
  });
});
