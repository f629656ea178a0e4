import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { isBoundary } from './calendar.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { mrrCoverage } from './revenue.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { OPEN_END, segmentedCustomers, spans } from './spans.ts';

/** One row per acquisition cohort, segment and age: the period measured is k = cohort + age. */
export interface CohortRow {
  k: number;
  /** Start date (YYYY-MM-DD) of the period the cohort was acquired in. */
  key_cohort: string;
  /** Periods since acquisition: 0 is the acquisition period itself. */
  key_age: number;
  cohort_size: number;
  /** Members active at the end of period k (the boundary after age + 1 periods of life). */
  active: number;
  /** Members with activity in period k: an order (orders basis) or an activity span overlapping it. */
  returned: number;
  /** MRR at the end of period k (subscriptions), or order revenue in period k (orders basis). */
  money: number;
  /** The same at age 0. */
  money0: number;
  [segment: string]: unknown;
}

/** Each customer's order amount per period index ko (periods without orders have no row). */
export const ordersByPeriod = (
  idx: (ts: Sql) => Sql,
  orders: Sql,
): Sql => sql`SELECT customer_id, ko, sum(amount) AS amount
    FROM (SELECT customer_id, ${idx(sql`ordered_at`)} AS ko, amount FROM ${orders} WHERE ordered_at IS NOT NULL) x GROUP BY customer_id, ko`;

/** `WHEN 0 THEN '2024-01-01' …`: a cohort's period index to the start date it is labelled by (`CASE c … END`). */
export const cohortLabels = (q: NormalQuery): Sql =>
  sql.join(
    q.grid.map((p) => sql`WHEN ${sql.raw(String(p.k))} THEN ${p.start.slice(0, 10)}`),
    sql` `,
  );

/**
 * Cohorts from the shared activity spans (spans.ts, so "active" means what it means in the flow base): a
 * customer's cohort is the period of their first span start, kept when it lies in the query range. A span
 * [a, z) covers boundary indexes idx(a)+1 … k2 and overlaps periods idx(a) … k2, with k2 = idx(z) − [z is a
 * boundary], as in flow.ts; subscriptions count for MRR at the boundaries they cover, as in revenue.ts. Each
 * member adds +1 / −1 (or +MRR / −MRR) at the ages where a covered range starts and ends, and a running sum over
 * ages gives every cell: no per-(customer × age) rows, and a cell never exceeds its cohort, because a
 * customer's spans are disjoint.
 */
export function cohortsSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  const far = d.timestamp(sql`${OPEN_END}`);
  const k2 = (z: Sql) => sql`CASE WHEN ${isBoundary(d, q.grain, q.calendar, z)} THEN ${idx(z)} - 1 ELSE ${idx(z)} END`;
  const orders = q.basis === 'orders';
  const from = (src: Sql, alias: string) =>
    sql`FROM ${src} ${sql.id(alias)} JOIN coh h ON h.customer_id = ${sql.id(alias, 'customer_id')}`;
  const orderPeriods = sql`(${ordersByPeriod(idx, moneyFrom(q.money, 'orders', d))})`;
  const covered = sql`(${mrrCoverage(q, d)})`;
  // Interval rows: ages lo…hi of a cohort member that add da (active at the period's end), dr (activity in the
  // period) and dm (money). Orders basis: each period with orders is activity, and its order amounts money.
  // Otherwise: the periods a span overlaps are activity, and money is MRR at the boundaries a subscription covers.
  const ivRows = orders
    ? sql`SELECT h.c AS c, ${segSelect(q, 'h')}, o.ko - h.c AS lo, o.ko - h.c AS hi, 0 AS da, 1 AS dr, o.amount AS dm
        ${from(orderPeriods, 'o')} WHERE o.ko >= h.c AND o.ko < ${n}`
    : sql`SELECT h.c AS c, ${segSelect(q, 'h')}, p.ka - h.c AS lo, least(p.k2, ${n - 1}) - h.c AS hi, 0 AS da, 1 AS dr, 0 AS dm
        ${from(sql`sp`, 'p')}
      UNION ALL SELECT h.c AS c, ${segSelect(q, 'h')}, greatest(m.lo, h.c + 1) - h.c - 1 AS lo, least(m.hi, ${n}) - h.c - 1 AS hi,
        0 AS da, 0 AS dr, m.mrr AS dm ${from(covered, 'm')}`;
  // +w where an interval starts, −w after it ends (e.i = 0, 1).
  const delta = (col: string) =>
    sql`CASE WHEN e.i = 0 THEN ${sql.id('v', col)} ELSE -${sql.id('v', col)} END AS ${sql.id(col)}`;
  const label = cohortLabels(q);
  const over = (a: string, to = 'CURRENT ROW') =>
    sql`OVER (PARTITION BY ${sql.id(a, 'c')}, ${segList(q, a)} ORDER BY ${sql.id(a, 'age')} ROWS BETWEEN UNBOUNDED PRECEDING AND ${sql.raw(to)})`;
  return sql`WITH
    sc AS (${segmentedCustomers(q)}),
    sp AS (SELECT s.customer_id AS customer_id, ${idx(sql`s.a`)} AS ka, ${k2(sql`s.z`)} AS k2 FROM (${spans(q, far)}) s),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, ${segSelect(q, 'sc')}
            FROM (SELECT customer_id, min(ka) AS c FROM sp GROUP BY customer_id) f JOIN sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < ${n}),
    iv AS (SELECT h.c AS c, ${segSelect(q, 'h')}, p.ka - h.c AS lo, least(p.k2, ${n}) - h.c - 1 AS hi, 1 AS da, 0 AS dr, 0 AS dm
           ${from(sql`sp`, 'p')} UNION ALL ${ivRows}),
    dl AS (SELECT c, ${segs}, age, sum(da) AS da, sum(dr) AS dr, sum(dm) AS dm FROM (
             SELECT v.c AS c, ${segSelect(q, 'v')}, CASE WHEN e.i = 0 THEN v.lo ELSE v.hi + 1 END AS age, ${delta('da')}, ${delta('dr')}, ${delta('dm')}
             FROM iv v CROSS JOIN ${d.series(sql`2`)} e WHERE v.lo <= v.hi) x GROUP BY c, ${segs}, age),
    sz AS (SELECT c, ${segs}, count(*) AS size FROM coh GROUP BY c, ${segs}),
    cells AS (SELECT z.c AS c, ${segSelect(q, 'z')}, a.i AS age, z.size AS size FROM sz z CROSS JOIN ${d.series(sql`${n}`)} a
              WHERE z.c + a.i < ${n}),
    run AS (SELECT x.c AS c, ${segSelect(q, 'x')}, x.age AS age, x.size AS size,
              sum(coalesce(t.da, 0)) ${over('x')} AS active, sum(coalesce(t.dr, 0)) ${over('x')} AS returned,
              sum(coalesce(t.dm, 0)) ${over('x')} AS money,
              sum(CASE WHEN x.age = 0 THEN coalesce(t.dm, 0) ELSE 0 END) ${over('x', 'UNBOUNDED FOLLOWING')} AS money0
            FROM cells x LEFT JOIN dl t ON t.c = x.c AND t.age = x.age AND ${segEquals(q, 't', 'x')})
  SELECT r.c + r.age AS k, ${segSelect(q, 'r')}, CASE r.c ${label} END AS key_cohort, r.age AS key_age, r.size AS cohort_size,
    r.active AS active, r.returned AS returned, r.money AS money, r.money0 AS money0
  FROM run r ORDER BY r.c, ${segList(q, 'r')}, r.age`;
}
