import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';

const i = await DuckDBInstance.create(':memory:');
const c = await i.connect();
const t = async (label, s, p, ty) => {
  const t0 = performance.now();
  const r = await c.runAndReadAll(s, p, ty);
  console.log(
    label,
    ((performance.now() - t0) / 1000).toFixed(2) + 's',
    JSON.stringify(r.getRowObjectsJson()).slice(0, 300),
  );
};
await t(
  'params in table fn',
  `SELECT * FROM read_csv($1, all_varchar=true, header=true, column_names=$2) LIMIT 1`,
  ['/tmp/bench/orders.csv', listValue(['c0', 'c1', 'c2'])],
  [VARCHAR, LIST(VARCHAR)],
);
await t(
  'onepass',
  `CREATE TEMP TABLE typed AS SELECT row_number() OVER () AS _row, c0 AS order_id, c1 AS customer_id, COALESCE(TRY_CAST(c2 AS TIMESTAMP), try_strptime(c2, ['%Y/%m/%d', '%Y%m%d'])) AS ordered_at, TRY_CAST(c3 AS DECIMAL(18,4)) AS amount, TRY_CAST(c4 AS DECIMAL(18,4)) AS cost, c5 AS product_line FROM read_csv('/tmp/bench/orders.csv', all_varchar=true, header=true, column_names=['c0','c1','c2','c3','c4','c5'])`,
);
await t(
  'onepass-norownum',
  `CREATE TEMP TABLE typed2 AS SELECT c0 AS order_id, c1 AS customer_id, COALESCE(TRY_CAST(c2 AS TIMESTAMP), try_strptime(c2, ['%Y/%m/%d', '%Y%m%d'])) AS ordered_at, TRY_CAST(c3 AS DECIMAL(18,4)) AS amount, TRY_CAST(c4 AS DECIMAL(18,4)) AS cost, c5 AS product_line FROM read_csv('/tmp/bench/orders.csv', all_varchar=true, header=true, column_names=['c0','c1','c2','c3','c4','c5'])`,
);
await t('rowid check', `SELECT min(rowid), max(rowid) FROM typed2`);
