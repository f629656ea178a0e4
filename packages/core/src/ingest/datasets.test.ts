/**
 * The public datasets in ../shared/datasets, imported in place (never copied), and checked against
 * figures recomputed here from the raw files with plain JS.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CDNOW_MASTER, describeWithDatasets, TELCO_CSV } from '../../test/datasets.ts';
import { count, dataset, rejectsOf, tempWorkspace, text } from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV, CDNOW_MASTER);

let ws: Workspace;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, done } = await tempWorkspace());
});
afterEach(() => done());

suite('IBM Telco churn snapshot as customers', () => {
  const file = dataset('telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');
  // The file has no quoted fields: a plain split is an exact parse.
  const lines = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const header = (lines[0] as string).split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);

  it('loads 7,043 customers and one churn event per Churn=Yes, dated at as-of', async () => {
    const s = await importFile(ws, 'customers', file, { asOf: '2024-12-31' });
    expect(s.snapshot).toEqual({ tenure: 'tenure', churn: 'Churn' });
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([7043, 7043, 0]);
    expect(rows).toHaveLength(7043);
    const churned = rows.filter((r) => r[col('Churn')] === 'Yes').length;
    expect(churned).toBe(1869);
    expect(s.churnEventsDerived).toBe(churned);
    expect(await count(ws, 'customers')).toBe(7043);
    expect(await count(ws, 'churn_events')).toBe(1869);
    expect(await text(ws, sql`SELECT count(DISTINCT churned_at) || ' ' || min(churned_at) FROM churn_events`)).toBe(
      '1 2024-12-31 00:00:00',
    );
  });

  it('created_at is exactly tenure months before as-of', async () => {
    await importFile(ws, 'customers', file, { asOf: '2024-12-31' });
    const row = rows.find((r) => r[col('tenure')] === '34') as string[];
    const id = row[col('customerID')] as string;
    // 2024-12-31 minus 34 months: February has no 31st, so the month's last day.
    expect(await text(ws, sql`SELECT created_at FROM customers WHERE customer_id = ${id}`)).toBe('2022-02-28 00:00:00');
    const mismatches = await text(
      ws,
      sql`SELECT count(*) FROM customers c JOIN (SELECT unnest(${rows.map((r) => r[col('customerID')] as string)}) AS id,
        unnest(${rows.map((r) => r[col('tenure')] as string)}) AS tenure) f ON f.id = c.customer_id
        WHERE c.created_at <> TIMESTAMP '2024-12-31' - to_months(CAST(f.tenure AS INTEGER))`,
    );
    expect(mismatches).toBe('0');
  });

  it('blank TotalCharges cells load as NULL, not as rejects', async () => {
    const blanks = rows.filter((r) => (r[col('TotalCharges')] as string).trim() === '');
    expect(blanks).toHaveLength(11);
    const s = await importFile(ws, 'customers', file, { asOf: '2024-12-31' });
    expect(s.extras.find((x) => x.header === 'TotalCharges')).toEqual({
      header: 'TotalCharges',
      column: 'total_charges',
      type: 'DOUBLE',
    });
    expect(await rejectsOf(ws, s.batchId)).toEqual([]);
    const nulls = await ws.db.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM customers WHERE total_charges IS NULL ORDER BY 1`,
    );
    expect(nulls.map((r) => r.customer_id)).toEqual(blanks.map((r) => r[col('customerID')]).sort());
    const sum = rows.reduce((a, r) => a + Math.round(Number(r[col('TotalCharges')] || 0) * 100), 0);
    expect(await text(ws, sql`SELECT CAST(round(sum(total_charges) * 100) AS BIGINT) FROM customers`)).toBe(
      String(sum),
    );
  });
});

suite('CDNOW master transactions as orders', () => {
  const file = dataset('cdnow/CDNOW_master.txt');

  it('loads 69,659 orders for 23,570 created customers; amounts add up to the cent', async () => {
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
    const fields = lines.map((l) => l.trim().split(/\s+/));
    const cents = fields.reduce((a, f) => a + Math.round(Number(f[3]) * 100), 0);
    const customers = new Set(fields.map((f) => f[0])).size;
    expect([fields.length, customers]).toEqual([69659, 23570]);

    const s = await importFile(ws, 'orders', file, { createMissingCustomers: true });
    expect([s.format, s.rowsRead, s.rowsLoaded, s.rowsRejected, s.derivedKey]).toEqual([
      'whitespace',
      69659,
      69659,
      0,
      true,
    ]);
    expect(s.customersCreated).toBe(customers);
    expect(await count(ws, 'orders')).toBe(69659);
    expect(await count(ws, 'customers')).toBe(23570);
    expect(await text(ws, sql`SELECT CAST(sum(amount) * 100 AS BIGINT) FROM orders`)).toBe(String(cents));
    expect(await text(ws, sql`SELECT min(ordered_at) || ' ' || max(ordered_at) FROM orders`)).toBe(
      '1997-01-01 00:00:00 1998-06-30 00:00:00',
    );
    // Each customer was acquired at their first purchase (YYYYMMDD sorts as text).
    const first = new Map<string, string>();
    for (const [id, day] of fields)
      if (!first.has(id as string) || (day as string) < first.get(id as string)!)
        first.set(id as string, day as string);
    const latest = [...first.values()].sort().at(-1) as string;
    expect(latest.startsWith('199703')).toBe(true);
    expect(await text(ws, sql`SELECT strftime(max(created_at), '%Y%m%d') FROM customers`)).toBe(latest);
    const id = fields[fields.length - 1]?.[0] as string;
    expect(await text(ws, sql`SELECT strftime(created_at, '%Y%m%d') FROM customers WHERE customer_id = ${id}`)).toBe(
      first.get(id),
    );
  });
});
