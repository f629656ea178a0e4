import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laterField, schemaOf, seed, seededCounts } from '../../../test/migrations.ts';
import { clickhouseDialect } from '../../engine/clickhouse/dialect.ts';
import { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { duckdbDialect } from '../../engine/duckdb/dialect.ts';
import { type EngineName, engines } from '../../engine/index.ts';
import { importFile } from '../../ingest/import.ts';
import { entities, entityNames } from '../../schema/index.ts';
import { print } from '../../sql/print.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { DB_FILE, initWorkspace, openWorkspace } from '../workspace.ts';
import { latestVersion, migrations } from './index.ts';
import { addField, columnSteps, type Migration } from './migration.ts';
import { migrateWorkspace } from './run.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'tenure-migrate-'));

/** A migration of the kind a future issue writes: one field added to an entity (not declared in schema/). */
const addTier: Migration = {
  name: 'customers-test-later-field',
  fields: [{ entity: 'customers', field: laterField.name }],
  steps: columnSteps(entities.customers, laterField),
};
const upgraded = [...migrations, addTier];

/** `fn` on a database file as it is, or first brought to `list`. */
async function withDb<T>(path: string, list: readonly Migration[] | null, fn: (db: DuckDbConnection) => Promise<T>) {
  const db = await DuckDbConnection.open(path);
  try {
    if (list) await migrateWorkspace(db, path, list);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const recorded = (db: DuckDbConnection) =>
  db.all<{ version: number; name: string; applied_at: string; tenure_version: string }>(
    sql`SELECT version, name, CAST(applied_at AS VARCHAR) AS applied_at, tenure_version FROM schema_migrations ORDER BY version`,
  );

describe('the migration registry', () => {
  it('lists every NNNN-name.ts file of this folder at position NNNN under that name', () => {
    const files = readdirSync(import.meta.dirname).filter((f) => /^\d{4}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(files.sort()).toEqual(migrations.map((m, i) => `${String(i + 1).padStart(4, '0')}-${m.name}.ts`));
    expect(latestVersion).toBe(migrations.length);
  });

  it('brings every field declared in schema/ exactly once (a new field needs its addField migration)', () => {
    const brought = migrations.flatMap((m) => m.fields.map((x) => `${x.entity}.${x.field}`));
    const declared = entityNames.flatMap((e) => entities[e].fields.map((f) => `${e}.${f.name}`));
    expect([...brought].sort()).toEqual([...declared].sort());
  });

  it('a released migration never changes: its printed SQL per engine is a golden file', async () => {
    for (const [i, m] of migrations.entries())
      for (const engine of Object.keys(engines) as EngineName[]) {
        const text = m.steps[engine].map((q) => `${print(q, engines[engine].dialect).text};\n`).join('\n');
        await expect(text).toMatchFileSnapshot(`golden/${String(i + 1).padStart(4, '0')}-${m.name}.${engine}.sql`);
      }
  });

  it('addField types the column from the declaration, per engine, and refuses a field schema/ does not declare', () => {
    const m = addField('orders-cost', 'orders', 'cost');
    expect(m.fields).toEqual([{ entity: 'orders', field: 'cost' }]);
    expect(print(m.steps.duckdb[0] as Sql, duckdbDialect).text).toBe(
      'ALTER TABLE "orders" ADD COLUMN "cost" DECIMAL(18,4)',
    );
    expect(print(m.steps.clickhouse[0] as Sql, clickhouseDialect).text).toBe(
      'ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "cost" Nullable(Decimal(18, 4))',
    );
    expect(() => addField('orders-nope', 'orders', 'nope')).toThrowError(
      expect.objectContaining({ code: 'TEN_INTERNAL' }),
    );
  });
});

describe('migrating a workspace (DuckDB)', () => {
  it('a workspace at every earlier version, upgraded through every migration, equals a fresh one, data intact', async () => {
    const dir = tmp();
    const fresh = await withDb(join(dir, 'fresh.duckdb'), upgraded, schemaOf);
    expect(fresh.filter((c) => c.table_name === 'customers').map((c) => c.column_name)).toContain('test_later_field');
    for (let at = 1; at < upgraded.length; at++) {
      const path = join(dir, `at-${at}.duckdb`);
      const before = await withDb(path, upgraded.slice(0, at), async (db) => {
        await seed(db);
        return seededCounts(db);
      });
      await withDb(path, upgraded, async (db) => {
        expect(await schemaOf(db)).toEqual(fresh);
        expect(await seededCounts(db)).toEqual(before);
        expect(await db.all(sql`SELECT customer_id, region, test_later_field FROM customers ORDER BY 1`)).toEqual([
          { customer_id: 'C1', region: 'north', test_later_field: null },
          { customer_id: 'C2', region: null, test_later_field: null },
        ]);
        expect((await recorded(db)).map((r) => r.version)).toEqual(upgraded.map((_, i) => i + 1));
      });
    }
  });

  it('a workspace made before migrations were recorded counts as version 1 and keeps its data', async () => {
    const dir = tmp();
    const fresh = await withDb(join(dir, 'fresh.duckdb'), migrations, schemaOf);
    const ws = join(dir, 'ws');
    await (await initWorkspace(ws)).close();
    rmSync(join(ws, DB_FILE));
    // As Tenure 0.1.0 left it: the tables of migration 1, no record of migrations, and scores from before the
    // CLV parts were kept.
    const before = await withDb(join(ws, DB_FILE), migrations.slice(0, 1), async (db) => {
      await seed(db);
      await db.run(sql`DROP TABLE schema_migrations`);
      await db.run(sql`ALTER TABLE scores DROP COLUMN clv_subscription`);
      await db.run(sql`ALTER TABLE scores DROP COLUMN clv_purchases`);
      return seededCounts(db);
    });
    const again = await openWorkspace(ws);
    try {
      expect(await schemaOf(again.db)).toEqual(fresh);
      expect(await seededCounts(again.db)).toEqual(before);
      expect((await recorded(again.db)).map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await again.close();
    }
  });

  it('an attribute column an import made under the new field name is set aside, not typed as the field', async () => {
    const dir = tmp();
    const csv = join(dir, 'customers.csv');
    writeFileSync(csv, 'customer_id,created_at,test_later_field\nC1,2024-01-05,7\n');
    const ws = await initWorkspace(join(dir, 'ws'));
    try {
      expect(await importFile(ws, 'customers', csv)).toMatchObject({ rowsLoaded: 1 });
    } finally {
      await ws.close();
    }
    await withDb(join(dir, 'ws', DB_FILE), upgraded, async (db) => {
      expect(await db.all(sql`SELECT test_later_field, test_later_field_attribute FROM customers`)).toEqual([
        { test_later_field: null, test_later_field_attribute: 7 },
      ]);
      const types = await db.all(sql`SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'customers' AND column_name LIKE 'test_later_field%' ORDER BY 1`);
      expect(types).toEqual([
        { column_name: 'test_later_field', data_type: 'VARCHAR' },
        { column_name: 'test_later_field_attribute', data_type: 'BIGINT' },
      ]);
      expect(await db.all(sql`SELECT column_name, source_header FROM attributes WHERE entity = 'customers'`)).toEqual([
        { column_name: 'test_later_field_attribute', source_header: 'test_later_field' },
      ]);
    });
  });

  it('refuses a workspace from a newer Tenure, and leaves it as it was', async () => {
    const dir = tmp();
    const ws = await initWorkspace(dir);
    await ws.db.run(
      sql`INSERT INTO schema_migrations VALUES (${latestVersion + 1}, 'from-the-future', now()::TIMESTAMP, '9.0.0')`,
    );
    await ws.close();
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'TEN_WORKSPACE_TOO_NEW', status: 409 });
    await withDb(join(dir, 'tenure.duckdb'), null, async (db) => {
      expect(await db.all(sql`SELECT count(*) AS n, max(version) AS v FROM schema_migrations`)).toEqual([
        { n: latestVersion + 1, v: latestVersion + 1 },
      ]);
    });
  });

  it('opening twice applies nothing the second time', async () => {
    const dir = tmp();
    const ws = await initWorkspace(dir);
    const first = await recorded(ws.db);
    expect(first).toHaveLength(latestVersion);
    expect(first[0]).toMatchObject({ version: 1, name: 'initial' });
    expect(await migrateWorkspace(ws.db, dir)).toEqual([]);
    await ws.close();
    const again = await openWorkspace(dir);
    try {
      expect(await recorded(again.db)).toEqual(first);
    } finally {
      await again.close();
    }
  });

  it('a failing migration leaves the workspace unchanged: no column, no record, the data intact', async () => {
    const path = join(tmp(), 'w.duckdb');
    const before = await withDb(path, migrations, async (db) => {
      await seed(db);
      return { schema: await schemaOf(db), counts: await seededCounts(db), recorded: await recorded(db) };
    });
    const broken: Migration = {
      name: 'broken',
      fields: [],
      steps: {
        duckdb: [sql`ALTER TABLE orders ADD COLUMN note VARCHAR`, sql`ALTER TABLE no_such_table ADD COLUMN x INTEGER`],
        clickhouse: [],
      },
    };
    await expect(withDb(path, [...upgraded, broken], async () => undefined)).rejects.toMatchObject({
      code: 'TEN_INTERNAL',
    });
    await withDb(path, null, async (db) => {
      expect(await schemaOf(db)).toEqual(before.schema);
      expect(await seededCounts(db)).toEqual(before.counts);
      expect(await recorded(db)).toEqual(before.recorded);
    });
  });
});
