import { createHash } from 'node:crypto';
import type { Connection } from '../../engine/engine.ts';
import { print } from '../../sql/print.ts';
import { sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { dataVersion } from '../../workspace/data-version.ts';
import { calendarOf, periodGrid } from '../calendar.ts';
import { homePlan, type MoneyPlan } from '../currency.ts';
import type { BaseName } from '../define.ts';
import type { Basis, NormalQuery } from '../query.ts';
import type { Cube } from './cubes.ts';

/** What the `rollups` table (workspace/ddl.ts) says of one cube, read back. */
export interface RollupRecord {
  name: BaseName;
  version: string;
  basis: Basis;
  dims: string[];
  /** First day of the cube's first month, 'YYYY-MM-DD 00:00:00'. */
  origin: string;
  periods: number;
  built_at: string;
  seconds: number;
  rows: number;
  /** The last import batch committed when the cube was read from its tables (null: built before batches said what they change). */
  last_batch: number | null;
}

export const tableOf = (name: BaseName) => `rollup_${name}`;

/** Drop a table kept beside a cube and its version tag in `meta` (the cube rebuilt without it, or dropped). */
export async function dropKept(db: Connection, table: string): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS ${sql.id(table)}`);
  await db.run(sql`DELETE FROM meta WHERE key = ${table}`);
}

/** The query a cube is built from: its base at month grain over `periods` months from `origin`, by `dims`. */
export function buildQuery(
  config: TenureConfig,
  basis: Basis,
  dims: string[],
  origin: string,
  periods: number,
  money: MoneyPlan = homePlan(config.currency),
): NormalQuery {
  const calendar = calendarOf(config);
  const from = new Date(`${origin.slice(0, 10)}T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + periods - 1, 1));
  return {
    grain: 'month',
    grid: periodGrid('month', from, to, calendar),
    calendar,
    by: dims,
    filter: [],
    basis,
    config,
    // Sums in the workspace currency: the cube's SQL converts as the base does (its text, in the version, says how).
    money,
  };
}

/** A digest of the exact SQL a cube is built with: the config, basis, dimensions, months and the metric code. */
export function sqlDigest(db: Connection, cube: Cube, q: NormalQuery): string {
  const { text, params } = print(cube.sql(q, db.dialect), db.dialect);
  return createHash('sha256')
    .update(JSON.stringify([text, params]))
    .digest('hex');
}

/** The entity tables a cube's figures come from: converted amounts also depend on the rates. */
export const sourcesOf = (cube: Cube, q: NormalQuery): string[] => [
  ...cube.sources(q.basis),
  ...(q.money.foreign.length ? ['exchange_rates'] : []),
];

/**
 * The version a cube must carry to be read: its sources' data (workspace/data-version.ts) and a digest of the
 * exact SQL it is built with, which covers the config (churn definition, calendar), the basis, the dimensions,
 * the months, and the metric code itself: a cube built by an older Tenure whose definitions differ is not read.
 */
export async function cubeVersion(db: Connection, cube: Cube, q: NormalQuery): Promise<string> {
  return JSON.stringify([await dataVersion(db, sourcesOf(cube, q)), sqlDigest(db, cube, q)]);
}

export async function readRecord(db: Connection, name: BaseName): Promise<RollupRecord | null> {
  const [r] = await db.all<Omit<RollupRecord, 'dims'> & { dims: string }>(
    sql`SELECT * FROM rollups WHERE name = ${name}`,
  );
  return r ? { ...r, dims: JSON.parse(r.dims) as string[] } : null;
}

/** Every cube's record, for `tenure status` and the refresh summary. */
export async function listRollups(db: Connection): Promise<RollupRecord[]> {
  const rows = await db.all<Omit<RollupRecord, 'dims'> & { dims: string }>(sql`SELECT * FROM rollups ORDER BY name`);
  return rows.map((r) => ({ ...r, dims: JSON.parse(r.dims) as string[] }));
}
