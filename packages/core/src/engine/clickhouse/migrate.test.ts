import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chSchemaOf, laterField, seed } from '../../../test/migrations.ts';
import { entities } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import { latestVersion, migrations } from '../../workspace/migrations/index.ts';
import { columnSteps, type Migration } from '../../workspace/migrations/migration.ts';
import { migrateCopy } from '../../workspace/migrations/run.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { type ClickHouseConnection, createChdbConnection } from './connection.ts';
import { recordTable } from './copy-record.ts';
import { openClickHouse } from './open.ts';
import { copyWorkspace } from './sync.ts';

const addTier: Migration = {
  name: 'customers-test-later-field',
  fields: [{ entity: 'customers', field: laterField.name }],
  steps: columnSteps(entities.customers, laterField),
};
const upgraded = [...migrations, addTier];

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-ch-migrate-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await seed(ws.db);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** chdb binds one data directory per process: each copy is opened, used and closed in turn. */
async function withCopy<T>(name: string, fn: (ch: ClickHouseConnection) => Promise<T>): Promise<T> {
  const ch = await createChdbConnection(join(dir, name));
  try {
    return await fn(ch);
  } finally {
    await ch.close();
  }
}

const versions = async (ch: ClickHouseConnection) =>
  (await ch.all<{ version: number }>(sql`SELECT version FROM schema_migrations ORDER BY version`)).map(
    (r) => r.version,
  );

describe('migrating a ClickHouse copy (chdb)', () => {
  it('a copy synced at every earlier version, upgraded through every migration, equals a fresh one, data intact', async () => {
    const fresh = await withCopy('fresh', async (ch) => {
      await migrateCopy(ch, 'fresh', upgraded);
      return chSchemaOf(ch);
    });
    expect(fresh).toContainEqual(expect.objectContaining({ table: 'customers', name: 'test_later_field' }));
    // Version 0 is a copy synced by Tenure 0.1.0, which recorded no migrations.
    for (let at = 0; at < upgraded.length; at++) {
      await withCopy(`at-${at}`, async (ch) => {
        if (at) await migrateCopy(ch, `at-${at}`, upgraded.slice(0, at));
        await copyWorkspace(ws, ch);
        const applied = await migrateCopy(ch, `at-${at}`, upgraded);
        expect(applied.map((m) => m.version)).toEqual(upgraded.map((_, i) => i + 1).slice(at));
        // The sync's own record of the copy (copy-record.ts) is no part of the schema migrations make.
        expect((await chSchemaOf(ch)).filter((c) => c.table !== recordTable.name)).toEqual(fresh);
        expect(await versions(ch)).toEqual(upgraded.map((_, i) => i + 1));
        expect(
          await ch.all(sql`SELECT customer_id, region, test_later_field FROM customers ORDER BY customer_id`),
        ).toEqual([
          { customer_id: 'C1', region: 'north', test_later_field: null },
          { customer_id: 'C2', region: null, test_later_field: null },
        ]);
        expect(await ch.all(sql`SELECT count() AS n, toString(sum(amount)) AS amount FROM orders`)).toEqual([
          { n: 2, amount: '19.3456' },
        ]);
      });
    }
  });

  it('openClickHouse migrates once: the second open applies nothing, and sync still replaces the copy', async () => {
    const target = join(dir, 'twice');
    const first = await openClickHouse(target);
    try {
      expect(await versions(first)).toEqual(migrations.map((_, i) => i + 1));
      expect(await migrateCopy(first, target)).toEqual([]);
      expect((await copyWorkspace(ws, first)).rows).toMatchObject({ customers: 2, orders: 2 });
    } finally {
      await first.close();
    }
    const second = await openClickHouse(target);
    try {
      expect(await versions(second)).toEqual(migrations.map((_, i) => i + 1));
    } finally {
      await second.close();
    }
  });

  it('refuses a copy from a newer Tenure', async () => {
    const target = join(dir, 'newer');
    await withCopy('newer', async (ch) => {
      await migrateCopy(ch, target);
      await ch.run(
        sql`INSERT INTO schema_migrations SELECT ${latestVersion + 1}, 'from-the-future', now64(6), '9.0.0'`,
      );
    });
    await expect(openClickHouse(target)).rejects.toMatchObject({ code: 'TEN_WORKSPACE_TOO_NEW', status: 409 });
  });
});
