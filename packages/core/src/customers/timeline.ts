import { tenureError } from '../errors.ts';
import { entities } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { DIRECTORY } from './directory.ts';
import { type CustomerSeries, mrrSeries, usageSeries } from './series.ts';
import { type CustomerStatus, statusOf } from './status.ts';
import { storedEvents } from './stores.ts';
import { type TimelineAction, type TimelineKind, timelineEvents } from './timeline-sources.ts';

export type { TimelineAction, TimelineKind };

export interface TimelineEvent {
  /** YYYY-MM-DD HH:MM:SS, wall-clock time in the workspace's time zone. */
  at: string;
  kind: TimelineKind;
  action: TimelineAction;
  /** What it is about, as stored: the plan, order id, activity kind, ticket category, survey kind, churn reason. */
  subject: string | null;
  /** Its figure: MRR, order amount, activity quantity or survey score. */
  amount: number | null;
  /** The row's other non-empty facts by field name, as stored. */
  facts: Record<string, string | number>;
  title: string;
  /** The row's other facts as `field value` pairs joined by " · "; null when it has none. */
  detail: string | null;
}

export interface Customer360 {
  customer: Record<string, unknown> & { customer_id: string; status: CustomerStatus; mrr: number | null };
  /** Imported extra columns (attributes) of the customer. */
  attributes: Record<string, unknown>;
  /** Each attribute's header in the file it came from (attr_5 → 合同), for surfaces to label it by. */
  attributeHeaders: Record<string, string>;
  /** Newest first, at most `limit` events. */
  timeline: TimelineEvent[];
  /** MRR at each month's end and activity per month and kind, for charts. */
  series: CustomerSeries;
}

/** Facts as stored, without the empty ones. */
const present = (json: string): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(JSON.parse(json) as Record<string, unknown>).filter(([, v]) => v !== null),
  ) as Record<string, string | number>;

/**
 * One customer's record, attributes, status and the timeline of everything that happened to them:
 * subscriptions starting and ending, orders, activity, tickets, survey answers and churn events, and MRR and
 * activity by month. With `stored`, events and status come from the per-customer stores (stores.ts), which
 * the caller has found current (`customerStoresCurrent`): a few row groups read instead of seven tables.
 * @example const c = await customer360(ws, 'C1'); c.timeline[0] // { at, kind: 'order', title: 'O-17', detail: 'amount 20.00' }
 */
export async function customer360(
  ws: Workspace,
  id: string,
  opts: { limit?: number; stored?: boolean } = {},
): Promise<Customer360> {
  const [row] = await ws.db.all(sql`SELECT * FROM customers WHERE customer_id = ${id}`);
  if (!row) throw tenureError('TEN_CUSTOMER_NOT_FOUND', { id });
  const canonical = new Set(entities.customers.fields.map((f) => f.name));
  const customer: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k !== '_batch') (canonical.has(k) ? customer : attributes)[k] = v;
  }
  const limit = Math.min(Math.max(1, opts.limit ?? 500), 5000);
  // One statement: the customer's events are read once (from the store, or the seven tables) and the timeline
  // and both series are computed from that, each as a JSON list.
  const events = opts.stored ? storedEvents(id) : sql`(${timelineEvents(id)})`;
  const e = sql`e`;
  const [r] = await ws.db.all<{ timeline: string; mrr: string; usage: string }>(sql`
    WITH e AS MATERIALIZED (SELECT * FROM ${events} ev)
    SELECT
      (SELECT CAST(to_json(coalesce(list(t ORDER BY t.k), [])) AS VARCHAR) FROM (
        SELECT row_number() OVER (ORDER BY "at" DESC, kind, action, subject, facts) AS k,
          strftime("at", '%Y-%m-%d %H:%M:%S') AS "at", kind, action, subject, amount, facts, title, detail
        FROM e ORDER BY k LIMIT ${limit}) t) AS timeline,
      (SELECT CAST(to_json(coalesce(list({'month': m.month, 'mrr': m.mrr} ORDER BY m.month), [])) AS VARCHAR)
        FROM (${mrrSeries(e)}) m) AS mrr,
      (SELECT CAST(to_json(coalesce(list({'month': u.month, 'kind': u.kind, 'quantity': u.quantity}
        ORDER BY u.month, u.kind), [])) AS VARCHAR) FROM (${usageSeries(e)}) u) AS usage`);
  const listed = JSON.parse(r?.timeline ?? '[]') as (Omit<TimelineEvent, 'facts'> & { facts: string; k?: number })[];
  const timeline = listed.map(({ k: _, ...t }) => ({ ...t, facts: present(t.facts) }));
  const series: CustomerSeries = { mrr: JSON.parse(r?.mrr ?? '[]'), usage: JSON.parse(r?.usage ?? '[]') };
  const headers = await ws.db.all<{ column_name: string; source_header: string }>(
    sql`SELECT column_name, source_header FROM attributes WHERE entity = 'customers'`,
  );
  const attributeHeaders = Object.fromEntries(
    headers.filter((h) => h.column_name in attributes).map((h) => [h.column_name, h.source_header]),
  );
  const now = opts.stored
    ? (
        await ws.db.all<{ status: CustomerStatus; mrr: number | null }>(
          sql`SELECT status, mrr FROM ${sql.id(DIRECTORY)} WHERE k = hash(${id}) AND customer_id = ${id}`,
        )
      )[0]
    : (await statusOf(ws, [id])).get(id);
  return {
    customer: { ...customer, customer_id: id, ...(now ?? { status: 'unknown', mrr: null }) },
    attributes,
    attributeHeaders,
    timeline,
    series,
  };
}
