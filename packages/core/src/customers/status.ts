import { moneyFrom, moneyPlan } from '../metrics/currency.ts';
import { normalizeQuery } from '../metrics/query.ts';
import { intervals, mergeIntervals, OPEN_END } from '../metrics/spans.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * `unknown`: nothing says whether the customer is active (no subscription, order or churn event yet, e.g. a
 * customers file imported alone), so calling them churned would be a guess.
 */
export type CustomerStatus = 'active' | 'churned' | 'unknown';

/** The reference time of statuses: now, as wall-clock time in the workspace's time zone (how data is stored). */
const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * Ids of the customers active now (of those `ids` keeps: a condition on customer_id). Active means inside one of
 * the customer's activity spans (metrics/spans.ts: its intervals merged), so it means what it means for churn and
 * retention: the same basis, grace days and inactivity window. The intervals are restricted before they are
 * merged, so a few customers' statuses cost their own rows.
 */
async function activeNow(ws: Workspace, ids: Sql): Promise<Sql> {
  const day = new Date().toISOString().slice(0, 10);
  const q = await normalizeQuery(ws.db, ws.config, { from: day, to: day });
  const far = ws.db.dialect.timestamp(sql`${OPEN_END}`);
  const s = mergeIntervals(intervals(q, far), sql` WHERE true${ids}`);
  return sql`SELECT DISTINCT customer_id FROM (${s}) s WHERE s.a <= ${NOW} AND s.z > ${NOW}`;
}

/**
 * One row per customer, or per customer of `only` (a relation with a customer_id column, read once): status now
 * (active, churned, or unknown without any activity record) and current MRR, the sum over subscriptions started
 * and not ended now. Each customer's row depends on their own rows alone (and on the config, the rates and the
 * time), so the customer directory recomputes only the customers an import touched (directory.ts). Lists read it
 * from the directory, one customer reads it directly.
 * @example await ws.db.all(await statusRows(ws, sql`SELECT 'C1' AS customer_id`))
 */
export async function statusRows(ws: Workspace, only: Sql | null): Promise<Sql> {
  const ids = only ? sql` AND customer_id IN (SELECT customer_id FROM status_only)` : sql``;
  const active = await activeNow(ws, ids);
  // Current MRR in the workspace currency; a list of customers is not refused for a missing rate: such a
  // subscription's MRR is unknown (NULL) and left out of the sum.
  const money = await moneyPlan(ws.db, ws.config.currency);
  const mrrFrom = moneyFrom(money, 'subscriptions', ws.db.dialect);
  // The customers asked for restrict five relations: materialized once.
  const asked = only ? sql`WITH status_only AS MATERIALIZED (${only}) ` : sql``;
  return sql`${asked}SELECT c.customer_id AS customer_id,
      CASE WHEN a.customer_id IS NOT NULL THEN 'active' WHEN e.customer_id IS NULL THEN 'unknown' ELSE 'churned' END AS status,
      m.mrr AS mrr
    FROM (SELECT customer_id FROM customers WHERE true${ids}) c
    LEFT JOIN (${active}) a ON a.customer_id = c.customer_id
    LEFT JOIN (SELECT customer_id FROM subscriptions WHERE true${ids} UNION SELECT customer_id FROM orders WHERE true${ids}
      UNION SELECT customer_id FROM churn_events WHERE true${ids}) e ON e.customer_id = c.customer_id
    LEFT JOIN (SELECT customer_id, CAST(sum(mrr) AS DOUBLE) AS mrr FROM ${mrrFrom}
      WHERE started_at <= ${NOW} AND (ended_at IS NULL OR ended_at > ${NOW})${ids} GROUP BY customer_id) m ON m.customer_id = c.customer_id`;
}

/**
 * Status and current MRR of a few customers, computed on the spot (only their spans are built).
 * @example await statusOf(ws, ['C1', 'C2']) // Map { 'C1' => { status: 'active', mrr: 49 }, … }
 */
export async function statusOf(
  ws: Workspace,
  ids: string[],
): Promise<Map<string, { status: CustomerStatus; mrr: number | null }>> {
  const rows = ids.length
    ? await ws.db.all<{ customer_id: string; status: CustomerStatus; mrr: number | null }>(
        await statusRows(ws, sql`SELECT unnest(${ids}) AS customer_id`),
      )
    : [];
  return new Map(rows.map((r) => [r.customer_id, { status: r.status, mrr: r.mrr }]));
}
