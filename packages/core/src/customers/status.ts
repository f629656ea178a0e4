import { normalizeQuery } from '../metrics/query.ts';
import { OPEN_END, spans } from '../metrics/spans.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

export type CustomerStatus = 'active' | 'churned';

/** The reference time of statuses: now, as wall-clock time in the workspace's time zone (how data is stored). */
const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * Ids of the customers active now among those passing `filter` (dimension → values, checked against the
 * workspace's dimensions by the metric query) and `only` (unchecked column filters from our own code).
 * Active means inside one of the customer's activity spans (metrics/spans.ts), so it means what it means for
 * churn and retention: the same basis, grace days and inactivity window.
 * @example sql`SELECT … WHERE customer_id IN (${await activeNow(ws, { region: ['North'] })})`
 */
export async function activeNow(
  ws: Workspace,
  filter: Record<string, string[]>,
  only: [string, string[]][] = [],
): Promise<Sql> {
  const day = new Date().toISOString().slice(0, 10);
  const q = await normalizeQuery(ws.db, ws.config, { from: day, to: day, filter });
  const far = ws.db.dialect.timestamp(sql`${OPEN_END}`);
  const s = spans({ ...q, by: [], filter: [...q.filter, ...only] }, far);
  return sql`SELECT DISTINCT customer_id FROM (${s}) s WHERE s.a <= ${NOW} AND s.z > ${NOW}`;
}

/**
 * Status and current MRR (subscriptions started and not ended now) of a few customers, for list pages and the
 * customer-360 view. Only these customers' spans are built, so a page costs the same at any workspace size.
 * @example await statusOf(ws, ['C1', 'C2']) // Map { 'C1' => { status: 'active', mrr: 49 }, … }
 */
export async function statusOf(
  ws: Workspace,
  ids: string[],
): Promise<Map<string, { status: CustomerStatus; mrr: number | null }>> {
  const out = new Map(ids.map((id) => [id, { status: 'churned' as CustomerStatus, mrr: null as number | null }]));
  if (!ids.length) return out;
  const active = await ws.db.all<{ customer_id: string }>(await activeNow(ws, {}, [['customer_id', ids]]));
  const mrr = await ws.db.all<{ customer_id: string; mrr: number }>(
    sql`SELECT customer_id, CAST(sum(mrr) AS DOUBLE) AS mrr FROM subscriptions
        WHERE customer_id IN (SELECT unnest(${ids})) AND started_at <= ${NOW} AND (ended_at IS NULL OR ended_at > ${NOW})
        GROUP BY customer_id`,
  );
  for (const r of active) {
    const s = out.get(r.customer_id);
    if (s) s.status = 'active';
  }
  for (const r of mrr) {
    const s = out.get(r.customer_id);
    if (s) s.mrr = r.mrr;
  }
  return out;
}
