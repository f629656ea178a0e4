import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, fixture, rejectsOf, text, workspaceWithCustomers } from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, done } = await workspaceWithCustomers());
});
afterEach(() => done());

/** Rows of one batch, every value as text so decimals and timestamps compare exactly. */
async function rowsOf(table: string, cols: string[], batch: number | null) {
  const list = sql.join(cols.map((c) => sql`CAST(${sql.id(c)} AS VARCHAR) AS ${sql.id(c)}`));
  return ws.db.all(sql`SELECT ${list} FROM ${sql.id(table)} WHERE _batch = ${batch ?? -1} ORDER BY 1`);
}

describe('CSV dialects', () => {
  it('BOM, CRLF, semicolons and quoted fields with newlines, delimiter detected or given', async () => {
    const file = fixture('customers-bom-crlf-semicolon.csv');
    const s = await importFile(ws, 'customers', file);
    expect([s.format, s.encoding, s.rowsLoaded]).toEqual(['csv', 'utf-8', 3]);
    expect(s.mapping[0]).toEqual({ field: 'customer_id', header: 'customer_id' });
    expect(
      await rowsOf('customers', ['customer_id', 'name', 'created_at', 'acquisition_cost', 'region'], s.batchId),
    ).toEqual([
      {
        customer_id: 'M1',
        name: 'Acme; Inc.\r\nHead office',
        created_at: '2023-01-05 00:00:00',
        acquisition_cost: '100.5000',
        region: 'North',
      },
      {
        customer_id: 'M2',
        name: 'Bob "B" Ltd',
        created_at: '2023-02-10 08:30:00',
        acquisition_cost: '0.1000',
        region: 'South',
      },
      {
        customer_id: 'M3',
        name: 'Carla',
        created_at: '2023-03-15 00:00:00',
        acquisition_cost: '1999.9900',
        region: 'East',
      },
    ]);
    const given = await importFile(ws, 'customers', file, { delimiter: ';' });
    expect([given.rowsLoaded, given.rowsUnchanged]).toEqual([3, 3]);
  });

  it('TSV, with commas inside fields and compact dates', async () => {
    const s = await importFile(ws, 'orders', fixture('orders.tsv'));
    expect(s.rowsLoaded).toBe(3);
    expect(await rowsOf('orders', ['order_id', 'ordered_at', 'amount', 'product_line'], s.batchId)).toEqual([
      { order_id: 'T1', ordered_at: '2024-01-02 00:00:00', amount: '10.0500', product_line: 'Broadband' },
      { order_id: 'T2', ordered_at: '2024-01-03 12:00:00', amount: '0.1000', product_line: 'Mobile, prepaid' },
      { order_id: 'T3', ordered_at: '2024-01-04 00:00:00', amount: '12345.6700', product_line: null },
    ]);
    const given = await importFile(ws, 'orders', fixture('orders.tsv'), { delimiter: '\\t' });
    expect(given.rowsUnchanged).toBe(3);
  });

  it('the space-aligned format (CDNOW-like): derived order ids, customers created', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-whitespace.txt'), { createMissingCustomers: true });
    expect([s.format, s.rowsLoaded, s.customersCreated, s.derivedKey]).toEqual(['whitespace', 4, 3, true]);
    expect(
      await rowsOf('orders', ['order_id', 'customer_id', 'ordered_at', 'amount', 'number_of_cds'], s.batchId),
    ).toEqual([
      {
        order_id: '00001-19970101-1',
        customer_id: '00001',
        ordered_at: '1997-01-01 00:00:00',
        amount: '11.7700',
        number_of_cds: '1',
      },
      {
        order_id: '00002-19970112-1',
        customer_id: '00002',
        ordered_at: '1997-01-12 00:00:00',
        amount: '12.0000',
        number_of_cds: '1',
      },
      {
        order_id: '00002-19970112-2',
        customer_id: '00002',
        ordered_at: '1997-01-12 00:00:00',
        amount: '77.0000',
        number_of_cds: '5',
      },
      {
        order_id: '00003-19970102-1',
        customer_id: '00003',
        ordered_at: '1997-01-02 00:00:00',
        amount: '20.7600',
        number_of_cds: '2',
      },
    ]);
    expect(await text(ws, sql`SELECT created_at FROM customers WHERE customer_id = '00002'`)).toBe(
      '1997-01-12 00:00:00',
    );
  });
});

describe('XLSX', () => {
  const cols = ['customer_id', 'created_at', 'region', 'product_line', 'acquisition_cost'];
  const expected = [
    {
      customer_id: 'X1',
      created_at: '2023-01-05 00:00:00',
      region: '华东',
      product_line: '宽带',
      acquisition_cost: '123.4500',
    },
    {
      customer_id: 'X2',
      created_at: '2023-06-30 14:30:00',
      region: '华北',
      product_line: '移动\n套餐',
      acquisition_cost: '0.1000',
    },
    {
      customer_id: 'X3',
      created_at: '2022-12-31 00:00:00',
      region: '华南',
      product_line: '宽带',
      acquisition_cost: '1999.9900',
    },
  ];

  it('a second sheet chosen by name: Chinese headers, real date cells, exact decimals', async () => {
    const s = await importFile(ws, 'customers', fixture('customers.xlsx'), { sheet: '客户' });
    expect([s.format, s.rowsLoaded]).toEqual(['xlsx', 3]);
    expect(s.mapping.map((m) => m.header)).toEqual(['客户编号', '注册日期', '地区', '产品线', '获客成本']);
    expect(await rowsOf('customers', cols, s.batchId)).toEqual(expected);
  });

  it('the same sheet chosen by number', async () => {
    const s = await importFile(ws, 'customers', fixture('customers.xlsx'), { sheet: '2' });
    expect(await rowsOf('customers', cols, s.batchId)).toEqual(expected);
  });

  it('the first sheet by default (here a notes sheet, so no customer column)', async () => {
    await failure(importFile(ws, 'customers', fixture('customers.xlsx')), 'TEN_IMPORT_MISSING_COLUMN');
  });

  it('a missing sheet is TEN_IMPORT_SHEET_NOT_FOUND, by name or by number', async () => {
    await failure(
      importFile(ws, 'customers', fixture('customers.xlsx'), { sheet: 'Kunden' }),
      'TEN_IMPORT_SHEET_NOT_FOUND',
    );
    await failure(importFile(ws, 'customers', fixture('customers.xlsx'), { sheet: '9' }), 'TEN_IMPORT_SHEET_NOT_FOUND');
  });

  it('reject lines are Excel row numbers; an empty row is blank, not a reject', async () => {
    const s = await importFile(ws, 'customers', fixture('customers.xlsx'), { sheet: '有问题', maxRejectRate: 0.5 });
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected, s.rowsBlank]).toEqual([3, 2, 1, 1]);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 4, column: '注册日期', value: '2023年13月01日', code: 'TEN_ROW_BAD_DATE' },
    ]);
  });
});

describe('Parquet and JSON', () => {
  it('Parquet with typed timestamp, decimal and integer columns', async () => {
    const s = await importFile(ws, 'orders', fixture('orders.parquet'));
    expect([s.format, s.rowsLoaded]).toEqual(['parquet', 3]);
    expect(s.extras).toEqual([{ header: 'items', column: 'items', type: 'BIGINT' }]);
    expect(await rowsOf('orders', ['order_id', 'customer_id', 'ordered_at', 'amount', 'items'], s.batchId)).toEqual([
      { order_id: 'P1', customer_id: 'C1', ordered_at: '2024-03-01 09:15:00', amount: '10.0500', items: '2' },
      { order_id: 'P2', customer_id: 'C2', ordered_at: '2024-03-02 00:00:00', amount: '0.1000', items: '1' },
      { order_id: 'P3', customer_id: 'C1', ordered_at: '2024-03-03 23:59:59', amount: '12345.6700', items: '7' },
    ]);
  });

  it('a JSON array: strings unquoted even in a mixed column, objects kept as JSON text', async () => {
    const s = await importFile(ws, 'orders', fixture('orders.json'));
    expect([s.format, s.rowsLoaded, s.rowsRejected]).toEqual(['json', 3, 0]);
    expect(await rowsOf('orders', ['order_id', 'ordered_at', 'amount', 'channel'], s.batchId)).toEqual([
      { order_id: 'J1', ordered_at: '2024-02-01 00:00:00', amount: '10.0500', channel: '{"kind":"web"}' },
      { order_id: 'J2', ordered_at: '2024-02-02 10:00:00', amount: '0.1000', channel: null },
      { order_id: 'J3', ordered_at: '2024-02-03 00:00:00', amount: '7.0000', channel: '{"kind":"store"}' },
    ]);
  });

  it('NDJSON loads every record; a bad record is reported on its own line', async () => {
    const s = await importFile(ws, 'orders', fixture('orders.ndjson'));
    expect([s.format, s.rowsLoaded]).toEqual(['ndjson', 4]);
    expect(await text(ws, sql`SELECT sum(amount) FROM orders WHERE _batch = ${s.batchId}`)).toBe('6.6100');
    const bad = await importFile(ws, 'orders', fixture('orders-bad.ndjson'), { maxRejectRate: 0.5 });
    expect(await rejectsOf(ws, bad.batchId)).toMatchObject([
      { line: 3, column: 'ordered_at', value: 'March 3rd', code: 'TEN_ROW_BAD_DATE' },
    ]);
  });

  it('JSON that does not parse is TEN_IMPORT_JSON_INVALID, with the line where it breaks', async () => {
    const e = await failure(
      importFile(ws, 'orders', fixture('orders-broken-json.txt'), { format: 'json' }),
      'TEN_IMPORT_JSON_INVALID',
    );
    expect(e.where.line).toBe(1);
  });
});
