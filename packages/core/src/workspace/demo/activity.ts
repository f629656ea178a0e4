/**
 * Events of active months: usage and login readings, and add-on shop orders. Both expand demo_spans into
 * one row per active (life, month) — `activeMonths` — and draw from there, so nothing happens before a
 * customer joins or after they leave. Rows are keyed by (n, m): lives never share a month.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { choose, toTs } from './random.ts';

/**
 * Every active (life, month): the active part [lo, hi) of the month, its share of a full month, and the
 * engagement factor `eng` that shrinks usage and orders once usage starts falling and before voluntary churn.
 */
export function activeMonths(): Sql {
  const { usageDecay } = DEMO_PARAMS.churn.disengagement;
  const pre = DEMO_PARAMS.preChurn;
  return sql`(
    SELECT sp.*, g.m, mo.ms_s, greatest(mo.ms_s, sp.start_s) AS lo, least(mo.me_s, sp.end_s) AS hi,
      (least(mo.me_s, sp.end_s) - greatest(mo.ms_s, sp.start_s)) / mo.full_s AS share,
      (CASE WHEN g.m >= sp.onset_m THEN pow(${usageDecay}, g.m - sp.onset_m + 1) ELSE 1 END)
        * (CASE WHEN sp.kind = 'voluntary' AND g.m > sp.end_m - ${pre.months}
            THEN pow(${pre.usageDecay}, g.m - sp.end_m + ${pre.months}) ELSE 1 END) AS eng
    FROM demo_spans sp, range(sp.start_m, sp.end_m + 1) g(m), demo_months mo
    WHERE mo.m = g.m)`;
}

/** Monthly usage for every active month, and a login count in some of them. */
export async function writeActivity(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const u = DEMO_PARAMS.usage;
  const key = [sql`n`, sql`m`];
  await ctx.db.run(sql`
    INSERT INTO activity BY NAME
    WITH grid AS ${activeMonths()}
    SELECT customer_id, ${toTs(r.within(sql`lo`, sql`hi`, 'usageAt', ...key))} AS at, 'usage' AS kind,
      round(usage_base * seats * eng * share * ${r.logNormal(1, u.monthSigma, 'usage', ...key)}, 2) AS quantity
    FROM grid
    UNION ALL
    SELECT customer_id, ${toTs(r.within(sql`lo`, sql`hi`, 'loginAt', ...key))}, 'login',
      greatest(1, round(${u.loginMean} * eng * ${r.logNormal(1, u.loginSigma, 'loginCount', ...key)}))
    FROM grid WHERE ${r.u('login', ...key)} < ${u.loginShare}`);
}

/**
 * Add-on orders: Poisson counts per active month at the customer's gamma-distributed rate (scaled by the
 * active share of the month and engagement), truncated at three a month to keep the expansion bounded.
 * Ids number (customer, month < 120, order in the month).
 */
export async function writeOrders(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const o = DEMO_PARAMS.orders;
  const [c0, c1] = o.costShare;
  const key = [sql`n`, sql`m`, sql`j`];
  const other = sql`((u_line - ${o.ownLineShare}) / ${1 - o.ownLineShare})`;
  await ctx.db.run(sql`
    INSERT INTO orders BY NAME
    SELECT printf('O%010d', (n * 120 + m) * 4 + j) AS order_id, customer_id, ordered_at,
      CAST(amount AS DECIMAL(18, 4)) AS amount,
      CAST(round(amount * (${c0} + ${c1 - c0} * ${r.u('orderCost', ...key)}), 2) AS DECIMAL(18, 4)) AS cost,
      CASE WHEN u_line < ${o.ownLineShare} THEN product_line
        ELSE ${choose(other, Object.keys(DEMO_PARAMS.acquisition.productLines))} END AS product_line
    FROM (
      SELECT n, m, j, customer_id, product_line,
        ${toTs(r.within(sql`lo`, sql`hi`, 'orderAt', ...key))} AS ordered_at,
        round(${r.logNormal(o.amountMean, o.amountSigma, 'orderAmount', ...key)}, 2) AS amount,
        ${r.u('orderLine', ...key)} AS u_line
      FROM (
        SELECT *, CAST(u > p0 AS INTEGER) + CAST(u > p1 AS INTEGER) + CAST(u > p2 AS INTEGER) AS k
        FROM (
          SELECT *, exp(-lam) AS p0, exp(-lam) * (1 + lam) AS p1, exp(-lam) * (1 + lam + lam * lam / 2) AS p2
          FROM (
            SELECT n, m, lo, hi, customer_id, product_line, order_rate * share * eng AS lam,
              ${r.u('orderCount', sql`n`, sql`m`)} AS u
            FROM ${activeMonths()}
          )
        )
      ), range(k) o(j)
    )`);
}
