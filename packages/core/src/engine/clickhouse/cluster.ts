/**
 * The cluster layout of a copy (`tenure sync --cluster NAME`), for a cluster NAME defined in the servers'
 * `remote_servers`, with `{shard}` and `{replica}` macros and ClickHouse Keeper:
 *
 *   CREATE TABLE IF NOT EXISTS orders_local ON CLUSTER tenure (…the columns of one node's orders…)
 *     ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY (customer_id, order_id);
 *   CREATE TABLE IF NOT EXISTS orders ON CLUSTER tenure AS orders_local
 *     ENGINE = Distributed(tenure, currentDatabase(), orders_local, cityHash64(customer_id));
 *
 * Every customer-keyed table (customer_id; surveys: respondent_id) is sharded by cityHash64 of that column, so
 * all of one customer's rows, in every entity, live on one shard and per-customer joins between two
 * Distributed tables can run shard by shard (`distributed_product_mode = 'local'`). Tables without a customer
 * (costs, campaigns, benchmarks, exchange rates, teams, case events…) are small: each is one
 * ReplicatedMergeTree under the table's own name whose replicas are every server of every shard (its Keeper
 * path has no `{shard}`), so a shard joins them locally and a query reads them once.
 *
 * The Keeper path is the table's UUID, not its name (ClickHouse's own default_replica_path): a sync swaps the
 * names of a live table and its staging table (layout.ts), so a path named after the table would be taken by
 * the next sync's staging table. Metric queries read the Distributed tables, whatever shard they are sent to.
 */
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { createTableOf } from './ddl.ts';
import type { CopyTable, Layout } from './layout.ts';

/** What `remote_servers` may name and our identifiers allow: letters, digits and _, not first a digit. */
const CLUSTER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The name of a cluster as given, or TEN_BAD_OPTION: it goes into DDL as an identifier.
 * @example checkClusterName('tenure') // 'tenure'
 */
export function checkClusterName(name: string): string {
  if (CLUSTER_NAME.test(name)) return name;
  throw tenureError('TEN_BAD_OPTION', {
    fixes: [
      {
        option: 'cluster',
        value: name,
        allowed: {
          en: 'the name of a cluster in the servers’ remote_servers: letters, digits and _, not starting with a digit',
          'zh-CN': '服务器 remote_servers 中的集群名：字母、数字和 _，且不以数字开头',
        },
      },
    ],
  });
}

/**
 * The cluster layout of the cluster `name` (checked).
 * @example const layout = clusterLayout('tenure'); layout.create(orders, 'orders') // orders_local, then orders
 */
export const clusterLayout = (name: string): Layout => _clusterLayout(checkClusterName(name));

/**
 * `keeper: false` is the same layout as one node without ClickHouse Keeper runs it (chdb, in the tests):
 * MergeTree for ReplicatedMergeTree, no ON CLUSTER (distributed DDL is queued in Keeper) and no replicas to wait
 * for. The tables, names, columns, sort keys and Distributed sharding are the same.
 */
export function _clusterLayout(cluster: string, keeper = true): Layout {
  const on = keeper ? sql` ON CLUSTER ${sql.id(cluster)}` : sql``;
  const sharded = keeper ? sql`ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}')` : sql`MergeTree`;
  const everywhere = keeper ? sql`ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}')` : sql`MergeTree`;
  const local = (name: string) => `${name}_local`;
  /** `<name>` over `<name>_local`, with its columns, sharded by the customer. */
  const distributed = (create: Sql, name: string, customer: string) =>
    sql`${create} ${sql.id(name)}${on} AS ${sql.id(local(name))} ENGINE = Distributed(${sql.id(cluster)}, currentDatabase(), ${sql.id(local(name))}, cityHash64(${sql.id(customer)}))`;
  /** The table of `name` that holds rows: `<name>_local` of a sharded table, else the table itself. */
  const stored = (t: CopyTable, name: string) => (t.customer ? local(name) : name);
  return {
    cluster,
    create: (t, name) => {
      const table = { columns: t.columns, orderBy: t.orderBy, onCluster: on };
      if (!t.customer) return [createTableOf({ ...table, name, engine: everywhere })];
      return [
        createTableOf({ ...table, name: local(name), engine: sharded }),
        distributed(sql`CREATE TABLE IF NOT EXISTS`, name, t.customer),
      ];
    },
    settle: (t, name) => (keeper ? [sql`SYSTEM SYNC REPLICA${on} ${sql.id(stored(t, name))}`] : []),
    swap: (t, staging) => {
      const exchange = sql`EXCHANGE TABLES ${sql.id(stored(t, t.name))} AND ${sql.id(stored(t, staging))}${on}`;
      // The Distributed table is made again over the swapped local table: its columns are fixed when it is
      // created, and the new rows may have one more (an attribute, a newer Tenure's field). It holds no rows,
      // and OR REPLACE swaps it atomically too; it also replaces a one-node table of that name (a migration's).
      return t.customer ? [exchange, distributed(sql`CREATE OR REPLACE TABLE`, t.name, t.customer)] : [exchange];
    },
    drop: (t, name) =>
      [name, ...(t.customer ? [local(name)] : [])].map((n) => sql`DROP TABLE IF EXISTS ${sql.id(n)}${on} SYNC`),
  };
}
