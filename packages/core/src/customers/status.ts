import { moneyFrom, moneyPlan } from '../metrics/currency.ts';
import { normalizeQuery } from '../metrics/query.ts';
import { OPEN_END, spans } from '../metrics/spans.ts';
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
 * Ids of the customers active now (of `only` when given). Active means inside one of the customer's activity
 * spans (metrics/spans.ts), so it means what it means for churn and retention: the same basis, grace days and
 * inactivity window.
 */
async function activeNow(ws: Workspace, only: [string, string[]][]): Promise<Sql> {
  const day = new Date().toISOString().slice(0, 10);
  const q = await normalizeQuery(ws.db, ws.config, { from: day, to: day });
  const far = ws.db.dialect.timestamp(sql`${OPEN_END}`);
  const s = spans({ ...q, by: [], filter: only }, far);
  return sql`SELECT DISTINCT customer_id FROM (${s}) s WHERE s.a <= ${NOW} AND s.z > ${NOW}`;
}

/**
 * One row per customer (or per customer of `only`): status now (active, churned, or unknown without any
 * activity record) and current MRR, the sum over subscriptions
 * started and not ended now. Lists read it from the customer directory, one customer reads it directly.
 * @example await ws.db.all(await statusRows(ws, ['C1']))
 */
export async function statusRows(ws: Workspace, only: string[] | null): Promise<Sql> {
  const active = await activeNow(ws, only ? [['customer_id', only]] : []);
  const ids = only ? sql` AND customer_id IN (SELECT unnest(${only}))` : sql``;
  // Current MRR in the workspace currency; a list of customers is not refused for a missing rate: such a
  // subscription's MRR is unknown (NULL) and left out of the sum.
  const money = await moneyPlan(ws.db, ws.config.currency);
  const mrrFrom = moneyFrom(money, 'subscriptions', ws.db.dialect);
  return sql`SELECT c.customer_id AS customer_id,
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
    ? await ws.db.all<{ customer_id: string; status: CustomerStatus; mrr: number | null }>(await statusRows(ws, ids))
    : [];
  return new Map(rows.map((r) => [r.customer_id, { status: r.status, mrr: r.mrr }]));
}
