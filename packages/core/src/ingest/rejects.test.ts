import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  count,
  failure,
  fixture,
  rejectsOf,
  text,
  workspaceWithCustomers,
} from '../../test/fixtures/ingest/helpers.ts';
import { describe as describeError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import { listRejects } from '../workspace/status.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let dir: string;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, dir, done } = await workspaceWithCustomers());
});
afterEach(() => done());

/** Import with a generous reject rate, so one bad row of three still loads the rest. */
const lenient = (entity: string, name: string) => importFile(ws, entity, fixture(name), { maxRejectRate: 0.5 });

const ids = async (table: string, key: string) =>
  (await ws.db.all<{ k: string }>(sql`SELECT ${sql.id(key)} AS k FROM ${sql.id(table)} ORDER BY 1`)).map((r) => r.k);

describe('row-level rejects: one code per fixture, with line and column', () => {
  it('an unparseable date is TEN_ROW_BAD_DATE on its line', async () => {
    const s = await lenient('orders', 'orders-bad-date.csv');
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([3, 2, 1]);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'order_date', value: '2024-13-45', code: 'TEN_ROW_BAD_DATE' },
    ]);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O3']);
  });

  it('an unparseable number is TEN_ROW_BAD_NUMBER', async () => {
    const s = await lenient('orders', 'orders-bad-number.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'amount', value: '12.x5', code: 'TEN_ROW_BAD_NUMBER' },
    ]);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O3']);
  });

  it('a negative amount is TEN_ROW_NEGATIVE_AMOUNT', async () => {
    const s = await lenient('orders', 'orders-negative.csv');
    const [r] = await rejectsOf(ws, s.batchId);
    expect(r).toMatchObject({ line: 4, column: 'amount', code: 'TEN_ROW_NEGATIVE_AMOUNT' });
    expect(Number(r?.value)).toBe(-4.75);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O2']);
  });

  it('ended_at before started_at is TEN_ROW_END_BEFORE_START; an empty end is fine', async () => {
    const s = await lenient('subscriptions', 'subscriptions-end-before-start.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'ended_at', code: 'TEN_ROW_END_BEFORE_START' },
    ]);
    expect(await ids('subscriptions', 'subscription_id')).toEqual(['S1', 'S3']);
    expect(await text(ws, sql`SELECT ended_at FROM subscriptions WHERE subscription_id = 'S3'`)).toBeNull();
  });

  it('a key twice in the file is TEN_ROW_DUPLICATE_KEY on the later line; the first is loaded and named', async () => {
    const s = await lenient('orders', 'orders-duplicate.csv');
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([4, 3, 1]);
    const rejects = await rejectsOf(ws, s.batchId);
    expect(rejects).toMatchObject([{ line: 4, column: 'order_id', value: 'O1', code: 'TEN_ROW_DUPLICATE_KEY' }]);
    // The message names line 2, where O1 first appears.
    expect(rejects[0]?.message).toMatch(/\b2\b/);
    expect(await text(ws, sql`SELECT customer_id FROM orders WHERE order_id = 'O1'`)).toBe('C1');
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O2', 'O3']);
  });

  it('in a file sorted by key, a repeated key next to its first occurrence is still TEN_ROW_DUPLICATE_KEY', async () => {
    // Sorted files take the ascending-keys proof; a repeat breaks "strictly" and falls back to the full check.
    const file = join(dir, 'sorted-dup.csv');
    writeFileSync(
      file,
      'order_id,customer_id,order_date,amount\nO1,C1,2024-01-02,1\nO2,C2,2024-01-03,2\nO2,C3,2024-01-04,3\n',
    );
    const s = await importFile(ws, 'orders', file, { maxRejectRate: 0.5 });
    expect((await rejectsOf(ws, s.batchId)).map((r) => [r.line, r.code, r.value])).toEqual([
      [4, 'TEN_ROW_DUPLICATE_KEY', 'O2'],
    ]);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O2']);
  });

  it('a customer that does not exist is TEN_ROW_UNKNOWN_CUSTOMER, unless createMissingCustomers', async () => {
    const s = await lenient('orders', 'orders-unknown-customer.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'customer_id', value: 'C9', code: 'TEN_ROW_UNKNOWN_CUSTOMER' },
    ]);
    const c = await importFile(ws, 'orders', fixture('orders-unknown-customer.csv'), { createMissingCustomers: true });
    expect([c.rowsRejected, c.customersCreated, c.rowsNew]).toEqual([0, 1, 1]);
    expect(await text(ws, sql`SELECT created_at FROM customers WHERE customer_id = 'C9'`)).toBe('2024-01-03 00:00:00');
  });

  it('a date in the future is TEN_ROW_FUTURE_DATE', async () => {
    const s = await lenient('orders', 'orders-future.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'order_date', code: 'TEN_ROW_FUTURE_DATE' },
    ]);
  });

  it('a value outside an enum is TEN_ROW_BAD_VALUE showing the raw cell; case is ignored', async () => {
    const s = await lenient('subscriptions', 'subscriptions-bad-enum.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'billing_period', value: 'fortnight', code: 'TEN_ROW_BAD_VALUE' },
    ]);
    const periods = await ws.db.all(sql`SELECT billing_period AS p FROM subscriptions ORDER BY subscription_id`);
    expect(periods).toEqual([{ p: 'month' }, { p: 'year' }]);
  });

  it('a line with too many fields is TEN_ROW_MALFORMED on its line, the others load', async () => {
    const s = await lenient('orders', 'orders-malformed.csv');
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([3, 2, 1]);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([{ line: 3, column: null, code: 'TEN_ROW_MALFORMED' }]);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O3']);
  });

  it('summary.problems groups rejects by code and column with the first line', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), { maxRejectRate: 0.5 });
    expect(s.problems.map((p) => [p.code, p.column, p.count, p.firstLine]).sort()).toEqual([
      ['TEN_ROW_BAD_DATE', 'order_date', 1, 5],
      ['TEN_ROW_BAD_NUMBER', 'amount', 1, 7],
      ['TEN_ROW_NEGATIVE_AMOUNT', 'amount', 1, 3],
    ]);
  });
});

describe('rejects in the reader’s language', () => {
  const fixtures = [
    'orders-duplicate.csv',
    'orders-malformed.csv',
    'orders-mostly-bad.csv',
    'orders-unknown-customer.csv',
  ];

  it('keep their code’s arguments: the message rendered when read is the one written, in any language', async () => {
    const batches: number[] = [];
    for (const f of fixtures) batches.push((await lenient('orders', f)).batchId!);
    for (const batch of batches) {
      const stored = await rejectsOf(ws, batch);
      const en = (await listRejects(ws, { batch })).rows;
      const zh = (await listRejects(ws, { batch, lang: 'zh-CN' })).rows;
      expect(en.map((r) => r.message)).toEqual(stored.map((r) => r.message));
      for (const [i, r] of zh.entries()) expect(r.message, r.code).not.toBe(en[i]!.message);
    }
    // A duplicate's message still names the line its key first appeared on, in Chinese too.
    const [dup] = (await listRejects(ws, { batch: batches[0]!, lang: 'zh-CN' })).rows;
    expect(dup?.message).toBe(
      describeError('TEN_ROW_DUPLICATE_KEY', { column: 'order_id', value: 'O1', expected: '2' }, 'zh-CN').message,
    );
  });

  it('the problems of an import summary speak the import’s language', async () => {
    const en = await importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), { maxRejectRate: 0.5, dryRun: true });
    const zh = await importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), {
      maxRejectRate: 0.5,
      dryRun: true,
      lang: 'zh-CN',
    });
    expect(zh.problems.map((p) => [p.code, p.firstLine])).toEqual(en.problems.map((p) => [p.code, p.firstLine]));
    for (const [i, p] of zh.problems.entries()) expect(p.example).not.toBe(en.problems[i]!.example);
  });

  it('rows stored before the arguments were keep their English message', async () => {
    const { batchId } = await lenient('orders', 'orders-bad-date.csv');
    await ws.db.run(sql`UPDATE rejects SET expected = NULL WHERE batch_id = ${batchId}`);
    const [stored] = await rejectsOf(ws, batchId);
    expect((await listRejects(ws, { batch: batchId!, lang: 'zh-CN' })).rows[0]?.message).toBe(stored?.message);
  });
});

describe('line numbers are record numbers, the header being line 1 (as Excel shows rows)', () => {
  it('a quoted field spanning three lines before a bad row does not shift its number', async () => {
    // Physical line 5 of the file, record 3.
    const s = await lenient('orders', 'orders-multiline.csv');
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'order_date', value: '2024-01-32', code: 'TEN_ROW_BAD_DATE' },
    ]);
    expect(await text(ws, sql`SELECT product_line FROM orders WHERE order_id = 'O1'`)).toBe(
      'Broadband\nwith a\nlong note',
    );
  });

  it('a malformed record before a bad one: both keep their own record numbers', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-malformed-then-bad.csv'), { maxRejectRate: 0.5 });
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([5, 3, 2]);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, code: 'TEN_ROW_MALFORMED' },
      { line: 5, column: 'amount', value: 'abc', code: 'TEN_ROW_BAD_NUMBER' },
    ]);
    expect(await ids('orders', 'order_id')).toEqual(['O1', 'O3', 'O5']);
  });

  it('duplicates after a malformed record name the right first lines', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-malformed-then-dup.csv'), { maxRejectRate: 1 });
    const rejects = await rejectsOf(ws, s.batchId);
    expect(rejects.map((r) => [r.line, r.code, r.value])).toEqual([
      [3, 'TEN_ROW_MALFORMED', 'O2,C2,"2024-01-03",11.50,extra'],
      [5, 'TEN_ROW_DUPLICATE_KEY', 'O1'],
      [6, 'TEN_ROW_DUPLICATE_KEY', 'O3'],
    ]);
    expect(rejects[1]?.message).toMatch(/\b2\b/);
    expect(rejects[2]?.message).toMatch(/\b4\b/);
    expect(await ws.db.all(sql`SELECT order_id, customer_id FROM orders ORDER BY 1`)).toEqual([
      { order_id: 'O1', customer_id: 'C1' },
      { order_id: 'O3', customer_id: 'C3' },
    ]);
  });
});

describe('line numbers in a file big enough for a parallel scan', () => {
  it('500k records: a malformed one and bad ones far down keep their exact numbers', async () => {
    const lines = ['order_id,customer_id,order_date,amount'];
    for (let i = 1; i <= 500_000; i++) {
      const amount = i === 123_456 ? 'n/a' : i === 480_000 ? '-1' : `${i % 100}.25`;
      lines.push(`B${i},C${(i % 3) + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')},${amount}`);
    }
    lines[100_000] += ',surplus';
    const file = join(dir, 'big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const s = await importFile(ws, 'orders', file);
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([500_000, 499_997, 3]);
    expect((await rejectsOf(ws, s.batchId)).map((r) => [r.line, r.code, r.value])).toEqual([
      [100_001, 'TEN_ROW_MALFORMED', 'B100000,C2,2024-01-13,0.25,surplus'],
      [123_457, 'TEN_ROW_BAD_NUMBER', 'n/a'],
      [480_001, 'TEN_ROW_NEGATIVE_AMOUNT', '-1'],
    ]);
  });
});

describe('the reject-rate threshold', () => {
  it('too many bad rows is TEN_IMPORT_TOO_MANY_REJECTS: nothing loads, the batch is refused, rejects kept', async () => {
    await importFile(ws, 'orders', fixture('orders-v1.csv'));
    const before = await ids('orders', 'order_id');
    const e = await failure(importFile(ws, 'orders', fixture('orders-mostly-bad.csv')), 'TEN_IMPORT_TOO_MANY_REJECTS');
    const summary = e.details.summary as { batchId: number; rowsRead: number; rowsRejected: number; status: string };
    expect(summary).toMatchObject({ status: 'refused', rowsRead: 10, rowsRejected: 3, rowsLoaded: 0 });
    expect(await ids('orders', 'order_id')).toEqual(before);
    const [batch] = await ws.db.all(
      sql`SELECT status, rows_read, rows_loaded, rows_rejected FROM import_batches WHERE batch_id = ${summary.batchId}`,
    );
    expect(batch).toEqual({ status: 'refused', rows_read: 10, rows_loaded: 0, rows_rejected: 3 });
    expect((await rejectsOf(ws, summary.batchId)).map((r) => [r.line, r.code])).toEqual([
      [3, 'TEN_ROW_NEGATIVE_AMOUNT'],
      [5, 'TEN_ROW_BAD_DATE'],
      [7, 'TEN_ROW_BAD_NUMBER'],
    ]);
  });

  it('the same file loads when the threshold allows it', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), { maxRejectRate: 0.3 });
    expect([s.status, s.rowsLoaded, s.rowsRejected]).toEqual(['loaded', 7, 3]);
    await failure(
      importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), { maxRejectRate: 0.29 }),
      'TEN_IMPORT_TOO_MANY_REJECTS',
    );
  });

  it('under the default 5 %, good rows load, bad rows go to rejects and the counts add up', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-some-bad.csv'));
    expect(s.status).toBe('loaded');
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([40, 39, 1]);
    expect(s.rowsRead).toBe(s.rowsLoaded + s.rowsRejected);
    expect(await count(ws, 'orders')).toBe(39);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 18, column: 'order_date', value: '2024-02-30', code: 'TEN_ROW_BAD_DATE' },
    ]);
    const [batch] = await ws.db.all(
      sql`SELECT status, rows_read, rows_loaded, rows_rejected, rows_new FROM import_batches WHERE batch_id = ${s.batchId}`,
    );
    expect(batch).toEqual({ status: 'loaded', rows_read: 40, rows_loaded: 39, rows_rejected: 1, rows_new: 39 });
  });
});
