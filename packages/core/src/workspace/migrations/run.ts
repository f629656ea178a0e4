/**
 * Bringing a store's schema up to date on open: read the highest version recorded in `schema_migrations`,
 * refuse a store from a newer Tenure, run the migrations above it in order and record each (version, name,
 * when, by which Tenure). A store without the table is version 0: a workspace made before migrations were
 * recorded then gets migration 1 again, which creates only what it lacks (see 0001-initial.ts).
 *
 * The workspace (DuckDB) migrates in one transaction: a failing migration leaves it exactly as it was.
 * ClickHouse has no transactional DDL, so a copy records each migration as it completes and every ClickHouse
 * statement is written to run again (IF NOT EXISTS): a failure half-way is finished on the next open.
 */
import type { ClickHouseConnection } from '../../engine/clickhouse/connection.ts';
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { Connection, EngineName } from '../../engine/index.ts';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { tenureVersion } from '../../version.ts';
import { setAttributesAside } from './attribute-clash.ts';
import { migrations } from './index.ts';
import type { Migration } from './migration.ts';

const recordTable: Record<EngineName, Sql> = {
  duckdb: sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL, tenure_version VARCHAR NOT NULL)`,
  clickhouse: sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version Int32, name String, applied_at DateTime64(6, 'UTC'), tenure_version String) ENGINE = MergeTree ORDER BY version`,
};

export interface AppliedMigration {
  version: number;
  name: string;
}

async function recordedVersion(conn: Connection, where: string, known: number): Promise<number> {
  const [top] = await conn.all<{ version: number; tenure_version: string }>(
    sql`SELECT version, tenure_version FROM schema_migrations ORDER BY version DESC LIMIT 1`,
  );
  const version = top ? Number(top.version) : 0;
  if (version > known)
    throw tenureError(
      'TEN_WORKSPACE_TOO_NEW',
      { where, version, known, by: top?.tenure_version ?? '?', current: tenureVersion },
      { file: where },
    );
  return version;
}

async function apply(conn: Connection, engine: EngineName, version: number, m: Migration): Promise<void> {
  try {
    for (const step of m.steps[engine]) await conn.run(step);
  } catch (e) {
    throw tenureError('TEN_INTERNAL', {
      detail: `schema migration ${version} (${m.name}) failed: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const at = new Date().toISOString().slice(0, 19).replace('T', ' ');
  await conn.run(sql`INSERT INTO schema_migrations (version, name, applied_at, tenure_version)
    SELECT ${version}, ${m.name}, ${conn.dialect.timestamp(sql`${at}`)}, ${tenureVersion}`);
}

async function _migrate(
  conn: Connection,
  engine: EngineName,
  where: string,
  list: readonly Migration[],
  prepare: (conn: Connection, m: Migration) => Promise<void> = async () => undefined,
): Promise<AppliedMigration[]> {
  await conn.run(recordTable[engine]);
  const applied: AppliedMigration[] = [];
  for (let version = (await recordedVersion(conn, where, list.length)) + 1; version <= list.length; version++) {
    const m = list[version - 1] as Migration;
    await prepare(conn, m);
    await apply(conn, engine, version, m);
    applied.push({ version, name: m.name });
  }
  return applied;
}

/**
 * Bring a workspace's database up to `list` (the registry; tests pass others), in one transaction, setting
 * aside attribute columns that a new field's name would collide with (attribute-clash.ts). `where` names the
 * workspace in errors. Returns the migrations applied, none when it was up to date.
 */
export async function migrateWorkspace(
  db: DuckDbConnection,
  where: string,
  list: readonly Migration[] = migrations,
): Promise<AppliedMigration[]> {
  if (await upToDate(db, where, list)) return [];
  return db.transaction(() => _migrate(db, 'duckdb', where, list, setAttributesAside));
}

/**
 * Every command opens the workspace, and nearly always it is up to date: then reading the recorded version is
 * all it takes, one statement with no transaction and nothing written (issue 11 §3, `tenure status`'s start-up).
 * A workspace without the table (made before migrations were recorded) fails that read with a catalog error and
 * is not up to date; asking the catalog first cost every open a second round trip.
 */
async function upToDate(db: DuckDbConnection, where: string, list: readonly Migration[]): Promise<boolean> {
  try {
    return (await recordedVersion(db, where, list.length)) === list.length;
  } catch (e) {
    if (e instanceof Error && /^Catalog Error/.test(e.message) && e.message.includes('schema_migrations')) return false;
    throw e;
  }
}

/** Bring a ClickHouse copy of a workspace up to `list`, migration by migration (see the file's comment). */
export function migrateCopy(
  ch: ClickHouseConnection,
  where: string,
  list: readonly Migration[] = migrations,
): Promise<AppliedMigration[]> {
  return _migrate(ch, 'clickhouse', where, list);
}
