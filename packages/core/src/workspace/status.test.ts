/**
 * Status shows the rows each entity's latest import rejected: a clean re-import after a bad one shows none (the
 * old batch's rejects stay listed under their batch, not added to the state).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../test/fixtures/ingest/helpers.ts';
import { importFile } from '../ingest/import.ts';
import { listRejects, workspaceStatus } from './status.ts';
import type { Workspace } from './workspace.ts';

let ws: Workspace;
let dir: string;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, dir, done } = await tempWorkspace());
});
afterAll(() => done());

const customers = (bad: number) => {
  const good = Array.from({ length: 60 }, (_, i) => `C${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  const broken = Array.from({ length: bad }, (_, i) => `X${i},not a date`);
  const file = join(dir, `customers-${bad}.csv`);
  writeFileSync(file, `customer_id,created_at\n${[...good, ...broken].join('\n')}\n`);
  return file;
};

describe('status rejects', () => {
  it("counts the latest import's rejects per entity, not the sum over batches", async () => {
    const first = await importFile(ws, 'customers', customers(2));
    expect(first.rowsRejected).toBe(2);
    const before = (await workspaceStatus(ws)).find((e) => e.entity === 'customers')!;
    expect(before).toMatchObject({ rejectedRows: 2, lastBatch: first.batchId });
    const second = await importFile(ws, 'customers', customers(0));
    const after = (await workspaceStatus(ws)).find((e) => e.entity === 'customers')!;
    expect(after).toMatchObject({ rejectedRows: 0, lastBatch: second.batchId });
    // The bad batch's rejects are still there to read, under its own batch.
    expect((await listRejects(ws, { batch: first.batchId! })).total).toBe(2);
    expect((await workspaceStatus(ws)).find((e) => e.entity === 'orders')).toMatchObject({
      rejectedRows: 0,
      lastBatch: null,
    });
  });
});
