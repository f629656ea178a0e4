import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, fixture, rejectsOf, tempWorkspace, text } from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, done } = await tempWorkspace());
});
afterEach(() => done());

const typesOf = async (table: string) =>
  Object.fromEntries(
    (await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(table)}`)).map((c) => [
      c.column_name,
      c.column_type,
    ]),
  );
const attributes = () =>
  ws.db.all(sql`SELECT column_name, source_header, type FROM attributes WHERE entity = 'customers' ORDER BY 1`);

describe('--map overrides', () => {
  it('maps arbitrary headers onto fields; the unmapped rest is kept', async () => {
    const s = await importFile(ws, 'customers', fixture('customers-map.csv'), {
      map: { customer_id: 'Kunde', created_at: 'Seit', region: 'Gebiet' },
    });
    expect(s.rowsLoaded).toBe(2);
    expect(s.mapping).toEqual([
      { field: 'customer_id', header: 'Kunde' },
      { field: 'created_at', header: 'Seit' },
      { field: 'region', header: 'Gebiet' },
    ]);
    expect(s.extras).toEqual([{ header: 'Notiz', column: 'notiz', type: 'VARCHAR' }]);
    expect(await ws.db.all(sql`SELECT customer_id, region, notiz FROM customers ORDER BY 1`)).toEqual([
      { customer_id: 'D1', region: 'Nord', notiz: 'x' },
      { customer_id: 'D2', region: 'Sued', notiz: 'y' },
    ]);
  });

  it('a bad target or source is TEN_IMPORT_BAD_MAPPING, and nothing is written', async () => {
    const file = fixture('customers-map.csv');
    const target = await failure(
      importFile(ws, 'customers', file, { map: { customer: 'Kunde', created_at: 'Seit' } }),
      'TEN_IMPORT_BAD_MAPPING',
    );
    expect(target.details.suggestion).toBe('customer_id');
    const source = await failure(
      importFile(ws, 'customers', file, { map: { customer_id: 'Kundee', created_at: 'Seit' } }),
      'TEN_IMPORT_BAD_MAPPING',
    );
    expect(source.details.suggestion).toBe('Kunde');
    await failure(importFile(ws, 'customers', file), 'TEN_IMPORT_MISSING_COLUMN');
    expect(await ws.db.all(sql`SELECT count(*) AS n FROM import_batches`)).toEqual([{ n: 0 }]);
  });
});

describe('extra columns become typed attribute columns', () => {
  it('infers BIGINT, DOUBLE, TIMESTAMP and VARCHAR and records them in attributes', async () => {
    const s = await importFile(ws, 'customers', fixture('customers-extras.csv'));
    expect(s.extras).toEqual([
      { header: 'Seats', column: 'seats', type: 'BIGINT' },
      { header: 'Health Score', column: 'health_score', type: 'DOUBLE' },
      { header: 'Last Login', column: 'last_login', type: 'TIMESTAMP' },
      { header: 'Plan Name', column: 'plan_name', type: 'VARCHAR' },
    ]);
    expect(await typesOf('customers')).toMatchObject({
      seats: 'BIGINT',
      health_score: 'DOUBLE',
      last_login: 'TIMESTAMP',
      plan_name: 'VARCHAR',
    });
    expect(await attributes()).toEqual([
      { column_name: 'health_score', source_header: 'Health Score', type: 'DOUBLE' },
      { column_name: 'last_login', source_header: 'Last Login', type: 'TIMESTAMP' },
      { column_name: 'plan_name', source_header: 'Plan Name', type: 'VARCHAR' },
      { column_name: 'seats', source_header: 'Seats', type: 'BIGINT' },
    ]);
    const rows = await ws.db.all(sql`SELECT customer_id, seats, health_score, CAST(last_login AS VARCHAR) AS login
      FROM customers ORDER BY 1`);
    expect(rows).toEqual([
      { customer_id: 'E1', seats: 12, health_score: 0.75, login: '2024-05-01 10:00:00' },
      { customer_id: 'E2', seats: 3, health_score: 1, login: '2024-05-02 00:00:00' },
      { customer_id: 'E3', seats: null, health_score: 0.5, login: null },
    ]);
  });

  it('a re-import reuses the same columns and their types', async () => {
    const first = await importFile(ws, 'customers', fixture('customers-extras.csv'));
    const cols = await typesOf('customers');
    const s = await importFile(ws, 'customers', fixture('customers-extras-2.csv'));
    expect(s.extras.map((x) => x.column)).toEqual(first.extras.map((x) => x.column));
    expect([s.rowsNew, s.rowsUpdated]).toEqual([1, 1]);
    expect(await typesOf('customers')).toEqual(cols);
    expect(await attributes()).toHaveLength(4);
    expect(await text(ws, sql`SELECT seats FROM customers WHERE customer_id = 'E1'`)).toBe('14');
    expect(await text(ws, sql`SELECT plan_name FROM customers WHERE customer_id = 'E4'`)).toBe('Platinum');
  });

  it('a known attribute keeps its type: a value that does not fit is a reject, not a retyped column', async () => {
    await importFile(ws, 'customers', fixture('customers-extras.csv'));
    const s = await importFile(ws, 'customers', fixture('customers-extras-bad-seats.csv'), { maxRejectRate: 0.5 });
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 3, column: 'Seats', value: 'many', code: 'TEN_ROW_BAD_NUMBER' },
    ]);
    expect((await typesOf('customers')).seats).toBe('BIGINT');
  });

  it('dropUnmapped skips the extras and lists them', async () => {
    const before = await typesOf('customers');
    const s = await importFile(ws, 'customers', fixture('customers-extras.csv'), { dropUnmapped: true });
    expect(s.rowsLoaded).toBe(3);
    expect(s.extras).toEqual([]);
    expect(s.dropped).toEqual(['Seats', 'Health Score', 'Last Login', 'Plan Name']);
    expect(await typesOf('customers')).toEqual(before);
    expect(await attributes()).toEqual([]);
  });
});
