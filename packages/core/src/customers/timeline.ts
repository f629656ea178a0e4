import { tenureError } from '../errors.ts';
import { entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
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

/** The timeline (newest first, at most `limit`) and both series of one customer's events `e`, as JSON lists. */
const views = (e: Sql, limit: number): Sql => sql`
  (SELECT CAST(to_json(coalesce(list(t ORDER BY t.k), [])) AS VARCHAR) FROM (
    SELECT row_number() OVER (ORDER BY "at" DESC, kind, action, subject, facts) AS k,
      strftime("at", '%Y-%m-%d %H:%M:%S') AS "at", kind, action, subject, amount, facts, title, detail
    FROM ${e} ORDER BY k LIMIT ${limit}) t) AS _timeline,
  (SELECT CAST(to_json(coalesce(list({'month': m.month, 'mrr': m.mrr} ORDER BY m.month), [])) AS VARCHAR)
    FROM (${mrrSeries(e)}) m) AS _mrr,
  (SELECT CAST(to_json(coalesce(list({'month': u.month, 'kind': u.kind, 'quantity': u.quantity}
    ORDER BY u.month, u.kind), [])) AS VARCHAR) FROM (${usageSeries(e)}) u) AS _usage,
  (SELECT CAST(to_json(coalesce(list({'column': column_name, 'header': source_header}), [])) AS VARCHAR)
    FROM attributes WHERE entity = 'customers') AS _headers`;

interface Viewed {
  _timeline: string;
  _mrr: string;
  _usage: string;
  _headers: string;
  status?: CustomerStatus;
  mrr?: number | null;
  [column: string]: unknown;
}

/**
 * One customer's record, attributes, status and the timeline of everything that happened to them:
 * subscriptions starting and ending, orders, activity, tickets, survey answers and churn events, and MRR and
 * activity by month. With `stored`, all of it is one statement over the per-customer stores (stores.ts), which
 * the caller has found current (`customerStoresCurrent`): the customer's row of the directory (record, status
 * and MRR) and their events, each a row group or two found by a hash of the id, where the live view reads
 * seven tables and works the status out.
 * @example const c = await customer360(ws, 'C1'); c.timeline[0] // { at, kind: 'order', title: 'O-17', detail: 'amount 20.00' }
 */
export async function customer360(
  ws: Workspace,
  id: string,
  opts: { limit?: number; stored?: boolean } = {},
): Promise<Customer360> {
  const limit = Math.min(Math.max(1, opts.limit ?? 500), 5000);
  const e = sql`e`;
  // The customer's events are read once (MATERIALIZED) and the timeline and both series computed from them.
  const [row] = opts.stored
    ? await ws.db.all<Viewed>(sql`WITH e AS MATERIALIZED (SELECT * FROM ${storedEvents(id)} ev)
        SELECT d.* EXCLUDE (k, text), ${views(e, limit)}
        FROM ${sql.id(DIRECTORY)} d WHERE d.k = hash(${id}) AND d.customer_id = ${id}`)
    : await ws.db.all<Viewed>(sql`WITH e AS MATERIALIZED (SELECT * FROM (${timelineEvents(id)}) ev)
        SELECT c.* EXCLUDE (_batch), ${views(e, limit)} FROM customers c WHERE c.customer_id = ${id}`);
  if (!row) throw tenureError('TEN_CUSTOMER_NOT_FOUND', { id });
  const { _timeline, _mrr, _usage, _headers, status, mrr, ...record } = row;
  const now = opts.stored ? { status: status ?? 'unknown', mrr: mrr ?? null } : (await statusOf(ws, [id])).get(id);
  const canonical = new Set(entities.customers.fields.map((f) => f.name));
  const customer: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) (canonical.has(k) ? customer : attributes)[k] = v;
  const listed = JSON.parse(_timeline) as (Omit<TimelineEvent, 'facts'> & { facts: string; k?: number })[];
  const timeline = listed.map(({ k: _, ...t }) => ({ ...t, facts: present(t.facts) }));
  const headers = JSON.parse(_headers) as { column: string; header: string }[];
  return {
    customer: { ...customer, customer_id: id, ...(now ?? { status: 'unknown', mrr: null }) },
    attributes,
    attributeHeaders: Object.fromEntries(
      headers.filter((h) => h.column in attributes).map((h) => [h.column, h.header]),
    ),
    timeline,
    series: { mrr: JSON.parse(_mrr), usage: JSON.parse(_usage) },
  };
}
