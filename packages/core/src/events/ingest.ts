import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenureError } from '../errors.ts';
import { importFile } from '../ingest/import.ts';
import { makeTempDir, releaseTempDir } from '../ingest/temp.ts';
import type { Lang } from '../present/lang.ts';
import { listRejects, type RejectRow } from '../workspace/status.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** A batch holds at most this many rows; bigger loads belong in a file import. */
export const MAX_EVENT_ROWS = 10_000;

export interface EventResult {
  batchId: number | null;
  received: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The rejected rows (up to 100), with line = position in the batch (first row = 1). */
  rejects: RejectRow[];
}

/**
 * Ingest a batch of JSON rows into an entity through the import pipeline, so events are mapped, checked
 * and upserted by key exactly as a file would be: sending the same batch twice changes nothing. Bad rows are
 * rejected and returned while the good ones load. A key the entity has no column for refuses the whole batch
 * (TEN_EVENT_UNKNOWN_KEYS): a stream of events must not grow the schema one column per typo. The rejects'
 * messages are in `lang`.
 * @example await ingestEvents(ws, 'orders', [{ order_id: 'O1', customer_id: 'C1', ordered_at: '2025-01-02', amount: 20 }])
 */
export async function ingestEvents(
  ws: Workspace,
  entity: string,
  rows: Record<string, unknown>[],
  lang: Lang = 'en',
): Promise<EventResult> {
  if (rows.length > MAX_EVENT_ROWS)
    throw tenureError('TEN_PAYLOAD_TOO_LARGE', { limit: `${MAX_EVENT_ROWS.toLocaleString('en-US')} rows` });
  const none = { batchId: null, received: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] };
  if (!rows.length) return none;
  const dir = makeTempDir('events');
  try {
    // NDJSON, not a JSON array: the reader then numbers rows as lines, so a reject's line is its position.
    const file = join(dir, `${entity.replace(/[^A-Za-z0-9_]/g, '_')}.ndjson`);
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const s = await importFile(ws, entity, file, {
      format: 'ndjson',
      maxRejectRate: 1,
      name: `events:${entity}`,
      addColumns: false,
    });
    const rejects =
      s.rowsRejected && s.batchId !== null ? await listRejects(ws, { batch: s.batchId, limit: 100, lang }) : null;
    return {
      batchId: s.batchId,
      received: rows.length,
      new: s.rowsNew,
      updated: s.rowsUpdated,
      unchanged: s.rowsUnchanged,
      rejected: s.rowsRejected,
      rejects: rejects?.rows ?? [],
    };
  } finally {
    releaseTempDir(dir);
  }
}
