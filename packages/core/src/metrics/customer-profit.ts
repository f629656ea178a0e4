/**
 * The per-customer profit relation (客户利润贡献, docs/metrics.md "Profit per customer"): one row per customer,
 * month and line, in the workspace currency.
 *
 * Lines and their rules:
 * - subscription_revenue: each subscription's MRR × the share of the month's days it ran;
 * - order_revenue: the amounts of the month's orders;
 * - cost_of_revenue: `orders.cost` where an order gives it, else the order's amount × (1 − gross_margin); and
 *   subscription revenue × (1 − gross_margin);
 * - one line per cost category (acquisition, retention, service, care, product_update, crm): the month's slice of
 *   each cost row (prorated by days, cost-slices.ts) shared among the customers of its segment by the category's
 *   rule (`costs.allocation`, costs/config.ts) in whole cents, by cumulative rounding over the customers in id
 *   order, so the shares add up to the slice exactly; plus a customer's own imported acquisition_cost in the
 *   month it was created. In a month whose new customers all carry their own acquisition_cost, slices of
 *   new_customers categories are left out: they count the same spending again (the value base's rule, own
 *   figures first). A slice no customer can carry is a row without customer (customer_id NULL): the
 *   unallocated part, kept so the relation's sum is the company's total to the cent;
 * - active (amount 0): the months the customer was active (its activity basis), for head counts.
 *
 * A SQL function composed into each query, not a maintained table: the figures then follow every import, config
 * change and deletion at once (never stale), at the price of recomputing the allocation per query, which on a
 * workspace's months × customers is a few joins. Amounts are read from the plain `subscriptions`, `orders` and
 * `costs` tables here and in cost-slices.ts only.
 */
import type { Dialect } from '../engine/dialect.ts';
import { COST_CATEGORIES } from '../schema/costs.ts';
import { SEGMENT_ALIASES } from '../schema/field.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { costSlicesSql, periodsSql } from './cost-slices.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { OPEN_END, spans } from './spans.ts';

/** The months [origin, origin + months) the relation covers; origin is a month's first instant. */
export interface ProfitWindow {
  origin: string;
  months: number;
}

/** Revenue lines; every other line but `active` is a cost. */
export const REVENUE_LINES = ['subscription_revenue', 'order_revenue'] as const;

/**
 * Dimensions a cost's segment may name (`region=north`): the configured ones among the canonical customer
 * columns, which every workspace has (an imported attribute may be absent, and the SQL must not depend on it).
 */
const segmentDimensions = (q: NormalQuery) => q.config.dimensions.filter((x) => Object.hasOwn(SEGMENT_ALIASES, x));

/**
 * Rows (customer_id, m, line, amount): m the month's index from the window's origin.
 * @example sql`SELECT line, sum(amount) FROM (${customerProfitSql(q, d, { origin: '2024-01-01 00:00:00', months: 12 })}) p GROUP BY line`
 */
export function customerProfitSql(q: NormalQuery, d: Dialect, w: ProfitWindow): Sql {
  const whole: NormalQuery = { ...q, by: [], filter: [] };
  const far = d.timestamp(sql`${OPEN_END}`);
  const origin = d.timestamp(sql`${w.origin}`);
  const end = d.addPeriods('month', origin, sql`${w.months}`);
  const m = (ts: Sql) => d.periodsBetween('month', origin, ts);
  const inWindow = (ts: Sql) => sql`${ts} >= ${origin} AND ${ts} < ${end}`;
  const keep = 1 - q.config.gross_margin;
  const allocation = q.config.costs.allocation;
  const ruleOf = sql`CASE s.category ${sql.join(
    COST_CATEGORIES.map((c) => sql`WHEN ${c} THEN ${allocation[c]}`),
    sql` `,
  )} ELSE 'active_customers' END`;
  const labels = segmentDimensions(q).map(
    (x) => sql` UNION ALL SELECT customer_id, concat(${`${x}=`}, CAST(${sql.id(x)} AS VARCHAR)) AS label
      FROM customers WHERE ${sql.id(x)} IS NOT NULL`,
  );
  // Only customers on record carry costs (a row naming a missing customer would put a share where no segment sees it).
  const weight = (rule: string, rows: Sql) =>
    sql`SELECT x.customer_id AS customer_id, x.m AS m, ${rule} AS r, CAST(count(*) AS DOUBLE) AS w FROM (${rows}) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m`;
  const shareUpTo = (cw: Sql) => sql`floor(a.cents * ${cw} / a.tw + 0.5)`;
  // The customers who may carry each slice, with their weights: a slice of the whole business meets the month's
  // weights directly; one of a segment through the customers' labels (region=north …). Joining every slice with
  // every customer first would be slices × customers rows.
  const carriers = (on: Sql, where: Sql, fallback: boolean) => {
    const hit = fallback ? sql`LEFT JOIN hit ON hit.cid = sl.cid AND hit.m = sl.m` : sql``;
    return sql`SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl ${hit} JOIN wt ON wt.m = sl.m${on} WHERE sl.segment = 'all' AND ${where}
    UNION ALL SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl ${hit} JOIN lab ON lab.label = sl.segment JOIN wt ON wt.customer_id = lab.customer_id AND wt.m = sl.m${on}
      WHERE sl.segment <> 'all' AND ${where}`;
  };
  return sql`WITH
    mo AS (${periodsSql(d, 'month', w.origin, w.months)}),
    act AS (SELECT DISTINCT s.customer_id AS customer_id, mo.k AS m FROM (${spans(whole, far)}) s CROSS JOIN mo
      WHERE s.a < mo.pe AND s.z > mo.ps),
    wt AS (SELECT customer_id, m, 'active_customers' AS r, CAST(1 AS DOUBLE) AS w FROM act
      UNION ALL ${weight(
        'new_customers',
        sql`SELECT customer_id, ${m(sql`created_at`)} AS m FROM customers
        WHERE acquisition_cost IS NULL AND ${inWindow(sql`created_at`)}`,
      )}
      UNION ALL ${weight(
        'service_contacts',
        sql`SELECT customer_id, ${m(sql`opened_at`)} AS m FROM tickets WHERE ${inWindow(sql`opened_at`)}
        UNION ALL SELECT customer_id, ${m(sql`opened_at`)} AS m FROM cases
          WHERE kind <> 'retention' AND source <> 'ticket' AND ${inWindow(sql`opened_at`)}`,
      )}
      UNION ALL ${weight(
        'retention_contacts',
        sql`SELECT t.customer_id AS customer_id, ${m(sql`t.at`)} AS m FROM (
          SELECT mb.customer_id AS customer_id, coalesce(mb.assigned_at, cp.started_at) AS at FROM campaign_members mb
            LEFT JOIN campaigns cp ON cp.campaign_id = mb.campaign_id WHERE mb.${sql.id('group')} = 'treatment') t
          WHERE ${inWindow(sql`t.at`)}
        UNION ALL SELECT customer_id, ${m(sql`opened_at`)} AS m FROM cases WHERE kind = 'retention' AND ${inWindow(sql`opened_at`)}`,
      )}),
    owned AS (SELECT n.m AS m FROM (SELECT ${m(sql`created_at`)} AS m, CASE WHEN acquisition_cost IS NULL THEN 1 ELSE 0 END AS bare
        FROM customers WHERE ${inWindow(sql`created_at`)}) n GROUP BY n.m HAVING max(n.bare) = 0),
    sl AS (SELECT y.cid AS cid, y.m AS m, y.category AS category, y.segment AS segment, y.cents AS cents, y.r AS r FROM (
        SELECT s.cid AS cid, s.k AS m, s.category AS category, s.segment AS segment, s.cents AS cents, ${ruleOf} AS r
        FROM (${costSlicesSql(d, sql`SELECT k, ps, pe FROM mo`, moneyFrom(q.money, 'costs', d))}) s) y
      WHERE NOT (y.r = 'new_customers' AND y.m IN (SELECT m FROM owned))),
    lab AS (SELECT customer_id, 'all' AS label FROM customers WHERE false${sql.join(labels, sql``)}),
    own AS (${carriers(sql` AND wt.r = sl.r`, sql`true`, false)}),
    hit AS (SELECT DISTINCT cid, m, 1 AS h FROM own),
    fb AS (${carriers(sql``, sql`hit.h IS NULL AND wt.r = 'active_customers'`, true)}),
    car AS (SELECT cid, m, customer_id, w FROM own UNION ALL SELECT cid, m, customer_id, w FROM fb),
    a AS (SELECT car.customer_id AS customer_id, car.m AS m, sl.category AS category, sl.cents AS cents, car.w AS w,
        sum(car.w) OVER (PARTITION BY car.cid, car.m ORDER BY car.customer_id ROWS UNBOUNDED PRECEDING) AS cw,
        sum(car.w) OVER (PARTITION BY car.cid, car.m) AS tw
      FROM car JOIN sl ON sl.cid = car.cid AND sl.m = car.m),
    carried AS (SELECT DISTINCT cid, m, 1 AS h FROM car),
    sub AS (SELECT x.customer_id AS customer_id, mo.k AS m, sum(CAST(x.mrr AS DOUBLE)
        * (${d.daysBetween(sql`greatest(x.started_at, mo.ps)`, sql`least(coalesce(x.ended_at, ${far}), mo.pe)`)})
        / (${d.daysBetween(sql`mo.ps`, sql`mo.pe`)})) AS v
      FROM ${moneyFrom(q.money, 'subscriptions', d, 'x')} CROSS JOIN mo WHERE x.started_at < mo.pe AND coalesce(x.ended_at, ${far}) > mo.ps
      GROUP BY x.customer_id, mo.k),
    ord AS (SELECT o.customer_id AS customer_id, o.m AS m, sum(o.amount) AS rev, sum(o.cogs) AS cogs FROM (
        SELECT customer_id, ${m(sql`ordered_at`)} AS m, CAST(amount AS DOUBLE) AS amount,
          coalesce(CAST(cost AS DOUBLE), CAST(amount AS DOUBLE) * ${keep}) AS cogs
        FROM ${moneyFrom(q.money, 'orders', d)} WHERE ${inWindow(sql`ordered_at`)}) o GROUP BY o.customer_id, o.m)
  SELECT customer_id, m, line, amount FROM (
    SELECT customer_id, m, 'subscription_revenue' AS line, v AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, v * ${keep} AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'order_revenue' AS line, rev AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, cogs AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'active' AS line, CAST(0 AS DOUBLE) AS amount FROM act
    UNION ALL SELECT a.customer_id AS customer_id, a.m AS m, a.category AS line,
      (${shareUpTo(sql`a.cw`)} - ${shareUpTo(sql`(a.cw - a.w)`)}) / 100 AS amount FROM a
    UNION ALL SELECT customer_id, ${m(sql`created_at`)} AS m, 'acquisition' AS line,
      floor(CAST(acquisition_cost AS DOUBLE) * 100 + 0.5) / 100 AS amount
      FROM customers WHERE acquisition_cost IS NOT NULL AND ${inWindow(sql`created_at`)}
    UNION ALL SELECT CAST(NULL AS VARCHAR) AS customer_id, sl.m AS m, sl.category AS line, sl.cents / 100 AS amount
      FROM sl LEFT JOIN carried ON carried.cid = sl.cid AND carried.m = sl.m WHERE carried.h IS NULL
  ) p`;
}
