/**
 * Where a copy's tables live and how a loaded table takes the place of the live one. A layout is a small
 * object of statements per table; sync.ts drives every layout through it, so staging, switching and cleaning
 * up are written once. Two layouts: one node (here: a MergeTree table per table) and a cluster (cluster.ts:
 * ReplicatedMergeTree `<t>_local` on every shard behind a Distributed `<t>`).
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { type ColumnDef, createTableOf } from './ddl.ts';

/** One table of a copy: its columns in the workspace's order, its sort key and the column naming the customer. */
export interface CopyTable {
  name: string;
  columns: readonly ColumnDef[];
  orderBy: readonly string[];
  /** The sharding key on a cluster; tables without one are whole on every shard (they are small). */
  customer?: string;
}

export interface Layout {
  /** The cluster's name, or null on one node: recorded with every copy (copy-record.ts). */
  readonly cluster: string | null;
  /** Create `t` under `name` (its live name or its staging name) with what belongs to it, if missing. */
  create(t: CopyTable, name: string): Sql[];
  /** Once `name` is loaded: statements that return when every replica holds its rows. */
  settle(t: CopyTable, name: string): Sql[];
  /**
   * Make the loaded `staging` the live `t`: an EXCHANGE, atomic for this table (both names exist, `create`
   * made the live one). Afterwards `staging` names the previous rows.
   */
  swap(t: CopyTable, staging: string): Sql[];
  /** Drop `name` and what belongs to it, if it exists, freeing its disk at once (SYNC). */
  drop(t: CopyTable, name: string): Sql[];
}

/** One node: MergeTree tables, swapped by EXCHANGE TABLES (Atomic databases: ClickHouse's default, and chdb's). */
export const singleNode: Layout = {
  cluster: null,
  create: (t, name) => [createTableOf({ name, columns: t.columns, engine: sql`MergeTree`, orderBy: t.orderBy })],
  settle: () => [],
  swap: (t, staging) => [sql`EXCHANGE TABLES ${sql.id(t.name)} AND ${sql.id(staging)}`],
  drop: (_t, name) => [sql`DROP TABLE IF EXISTS ${sql.id(name)} SYNC`],
};
