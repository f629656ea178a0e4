import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  count,
  failure,
  fixture,
  tempWorkspace,
  text,
  workspaceWithCustomers,
} from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';
import { detectEncoding, inspectSource } from './source.ts';

let ws: Workspace;
let dir: string;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, dir, done } = await tempWorkspace());
});
afterEach(() => done());

describe('files that cannot be imported at all', () => {
  it('a missing file is TEN_IMPORT_FILE_NOT_FOUND, naming the path as given', async () => {
    const path = join(dir, 'no-such-file.csv');
    const e = await failure(importFile(ws, 'customers', path), 'TEN_IMPORT_FILE_NOT_FOUND');
    expect(e.where.file).toBe(path);
  });

  it('a directory is TEN_IMPORT_IS_DIRECTORY', async () => {
    const e = await failure(importFile(ws, 'customers', fixture('.')), 'TEN_IMPORT_IS_DIRECTORY');
    expect(e.where.file).toBe(fixture('.'));
  });

  it('an empty file is TEN_IMPORT_EMPTY_FILE, and so is one of blank lines or only a BOM', async () => {
    await failure(importFile(ws, 'customers', fixture('empty.csv')), 'TEN_IMPORT_EMPTY_FILE');
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, '\uFEFF\r\n  \r\n\t\n');
    await failure(importFile(ws, 'customers', blank), 'TEN_IMPORT_EMPTY_FILE');
  });

  it('binary garbage is TEN_IMPORT_BINARY_FILE, whatever its extension', async () => {
    await failure(importFile(ws, 'orders', fixture('binary.bin')), 'TEN_IMPORT_BINARY_FILE');
    // An XLSX forced through the CSV reader is binary too, not a table of mojibake.
    await failure(importFile(ws, 'customers', fixture('customers.xlsx'), { format: 'csv' }), 'TEN_IMPORT_BINARY_FILE');
  });

  it('an unknown entity is TEN_ENTITY_UNKNOWN with the closest entity suggested', async () => {
    const e = await failure(importFile(ws, 'custmers', fixture('customers.csv')), 'TEN_ENTITY_UNKNOWN');
    expect(e.where.entity).toBe('custmers');
    expect(e.details.suggestion).toBe('customers');
    expect(e.details.known).toContain('orders');
    const far = await failure(importFile(ws, 'zzzzzzzz', fixture('customers.csv')), 'TEN_ENTITY_UNKNOWN');
    expect(far.details.suggestion).toBeUndefined();
  });

  it('a required column that is missing is TEN_IMPORT_MISSING_COLUMN, suggesting the near-miss header', async () => {
    const e = await failure(
      importFile(ws, 'orders', fixture('orders-missing-column.csv')),
      'TEN_IMPORT_MISSING_COLUMN',
    );
    expect(e.where.column).toBe('customer_id');
    expect(e.details.missing).toEqual(['customer_id']);
    expect(e.details.suggestion).toBe('custmer_id');
  });

  it('a snapshot (tenure + churn flag) without asOf is TEN_IMPORT_AS_OF_REQUIRED', async () => {
    await failure(importFile(ws, 'customers', fixture('customers-snapshot.csv')), 'TEN_IMPORT_AS_OF_REQUIRED');
    const s = await importFile(ws, 'customers', fixture('customers-snapshot.csv'), { asOf: '2024-06-30' });
    expect(s.rowsLoaded).toBe(2);
    expect(await text(ws, sql`SELECT created_at FROM customers WHERE customer_id = 'K1'`)).toBe('2023-06-30 00:00:00');
  });

  it('bad option values are TEN_BAD_OPTION before the file is read', async () => {
    const f = fixture('customers.csv');
    await failure(importFile(ws, 'customers', f, { maxRejectRate: 1.5 }), 'TEN_BAD_OPTION');
    await failure(importFile(ws, 'customers', f, { asOf: '2024-13-01' }), 'TEN_BAD_OPTION');
    await failure(importFile(ws, 'customers', f, { encoding: 'latin1' }), 'TEN_BAD_OPTION');
    await failure(importFile(ws, 'customers', f, { format: 'xls' }), 'TEN_BAD_OPTION');
    await failure(importFile(ws, 'customers', f, { dateFormat: 'DD/MM/YYYY' }), 'TEN_BAD_OPTION');
  });

  it('a refused file leaves no batch, no rejects and no rows behind', async () => {
    await failure(importFile(ws, 'orders', fixture('binary.bin')), 'TEN_IMPORT_BINARY_FILE');
    await failure(importFile(ws, 'orders', fixture('orders-missing-column.csv')), 'TEN_IMPORT_MISSING_COLUMN');
    expect(await count(ws, 'import_batches')).toBe(0);
    expect(await count(ws, 'rejects')).toBe(0);
    expect(await count(ws, 'orders')).toBe(0);
  });
});

describe('encodings: GBK and GB18030 from Chinese Excel', () => {
  it('detects a GBK customers file with Chinese headers and loads it as text, not mojibake', async () => {
    const s = await importFile(ws, 'customers', fixture('customers-gbk.csv'));
    expect(s.encoding).toBe('gb18030');
    expect(s.mapping).toEqual([
      { field: 'customer_id', header: '客户编号' },
      { field: 'created_at', header: '注册日期' },
      { field: 'region', header: '地区' },
      { field: 'product_line', header: '产品线' },
    ]);
    expect(s.rowsLoaded).toBe(3);
    const rows = await ws.db.all(
      sql`SELECT customer_id, CAST(created_at AS VARCHAR) AS at, region, product_line FROM customers ORDER BY 1`,
    );
    expect(rows).toEqual([
      { customer_id: 'G1', at: '2023-01-05 00:00:00', region: '华东', product_line: '宽带' },
      { customer_id: 'G2', at: '2023-02-10 00:00:00', region: '华北', product_line: '移动' },
      { customer_id: 'G3', at: '2023-03-15 00:00:00', region: '华南', product_line: '宽带' },
    ]);
  });

  it('loads GBK orders detected and with encoding "gbk" given, amounts exact', async () => {
    await importFile(ws, 'customers', fixture('customers-gbk.csv'));
    const auto = await importFile(ws, 'orders', fixture('orders-gbk.csv'));
    expect(auto.encoding).toBe('gb18030');
    expect(auto.rowsNew).toBe(3);
    const given = await importFile(ws, 'orders', fixture('orders-gbk.csv'), { encoding: 'gbk' });
    expect(given.encoding).toBe('gbk');
    expect(given.rowsUnchanged).toBe(3);
    expect(given.mapping.map((m) => m.header)).toEqual(['订单号', '客户编号', '订单日期', '金额']);
    expect(await text(ws, sql`SELECT amount FROM orders WHERE order_id = 'D2'`)).toBe('1280.5000');
    expect(await text(ws, sql`SELECT sum(amount) FROM orders`)).toBe('1480.5000');
    expect(await text(ws, sql`SELECT ordered_at FROM orders WHERE order_id = 'D3'`)).toBe('2024-02-01 00:00:00');
  });

  it('loads GB18030 with a character GBK lacks (four-byte 𠮷)', async () => {
    const s = await importFile(ws, 'customers', fixture('customers-gb18030.csv'), { encoding: 'gb18030' });
    expect(s.rowsLoaded).toBe(2);
    expect(await text(ws, sql`SELECT name FROM customers WHERE customer_id = 'B1'`)).toBe('𠮷野家');
    expect(await text(ws, sql`SELECT region FROM customers WHERE customer_id = 'B2'`)).toBe('西南');
  });

  it('invalid GBK bytes are TEN_IMPORT_BAD_ENCODING on their own line, detected or declared', async () => {
    const file = fixture('orders-bad-gbk.csv');
    const t = await workspaceWithCustomers();
    try {
      const auto = await failure(importFile(t.ws, 'orders', file), 'TEN_IMPORT_BAD_ENCODING');
      expect(auto.where.line).toBe(3);
      const declared = await failure(importFile(t.ws, 'orders', file, { encoding: 'gbk' }), 'TEN_IMPORT_BAD_ENCODING');
      expect(declared.where.line).toBe(3);
      expect(await count(t.ws, 'orders')).toBe(0);
    } finally {
      await t.done();
    }
  });

  it('a GBK file declared UTF-8 is TEN_IMPORT_BAD_ENCODING, not a file whose header went missing', async () => {
    const e = await failure(
      importFile(ws, 'orders', fixture('orders-gbk.csv'), { encoding: 'utf-8' }),
      'TEN_IMPORT_BAD_ENCODING',
    );
    expect(e.where.line).toBe(1);
    const later = join(dir, 'later.csv');
    writeFileSync(
      later,
      Buffer.concat([Buffer.from('customer_id,created_at\nA,2024-01-01\nB,'), Buffer.from([0xb0, 0xa1])]),
    );
    const e2 = await failure(importFile(ws, 'customers', later, { encoding: 'utf8' }), 'TEN_IMPORT_BAD_ENCODING');
    expect(e2.where.line).toBe(3);
  });

  it('detectEncoding: UTF-8 even when the sample cuts a character in two; GB18030 otherwise', () => {
    const utf8 = Buffer.from('客户编号,地区\n');
    expect(detectEncoding(utf8, true)).toBe('utf-8');
    const cut = utf8.subarray(0, utf8.length - 2);
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(detectEncoding(cut, true)).toBe('gb18030');
    // One byte into the last character: only that byte goes, not the end of the character before it.
    expect(detectEncoding(Buffer.from('地区').subarray(0, 4), false)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('地区').subarray(0, 5), false)).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xb5, 0xd8, 0xc7, 0xf8]), true)).toBe('gb18030');
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]), true)).toBe('utf-16');
  });

  it('a UTF-8 Chinese file over 1 MB is UTF-8 wherever the 1 MB sample ends', async () => {
    const rows = ['customer_id,name,created_at'];
    for (let i = 0; i < 25_000; i++) rows.push(`U${i},张伟国际贸易有限公司${i},2023-01-01`);
    let body = Buffer.from(`${rows.join('\n')}\n`);
    // Pad the first name until the sample's last byte starts a three-byte character after another one.
    for (let pad = 0; !(body[(1 << 20) - 1]! >= 0xe0 && body[(1 << 20) - 2]! >= 0x80); pad++) {
      body = Buffer.from(`${rows[0]}\nU,${'x'.repeat(pad + 1)},2023-01-01\n${rows.slice(1).join('\n')}\n`);
    }
    const file = join(dir, 'big-utf8.csv');
    writeFileSync(file, body);
    expect(inspectSource(file).encoding).toBe('utf-8');
    const s = await importFile(ws, 'customers', file);
    expect(s.rowsLoaded).toBe(25_001);
    expect(await text(ws, sql`SELECT name FROM customers WHERE customer_id = 'U24999'`)).toBe(
      '张伟国际贸易有限公司24999',
    );
  });

  it('inspectSource sniffs formats from content, not only extensions', () => {
    const sub = join(dir, 'sniff');
    mkdirSync(sub);
    const at = (name: string, body: string | Buffer) => {
      writeFileSync(join(sub, name), body);
      return inspectSource(join(sub, name)).format;
    };
    expect(at('a.data', 'a;b\n1;2\n')).toBe('csv');
    expect(at('b.data', '[{"a": 1}]')).toBe('json');
    expect(at('c.json', '{"a": 1}\n{"a": 2}\n')).toBe('ndjson');
    expect(at('d.json', '{"a": 1}')).toBe('json');
    expect(at('e.txt', ' id  date  value\n 1 19970101 2.5\n')).toBe('whitespace');
    expect(inspectSource(fixture('customers.xlsx')).format).toBe('xlsx');
    expect(inspectSource(fixture('orders.parquet')).format).toBe('parquet');
  });
});
