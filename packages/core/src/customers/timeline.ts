import { tenureError } from '../errors.ts';
import { workspaceMoney } from '../metrics/currency.ts';
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

/**
 * Per customer of the timeline events `e` (one customer's or many): (customer_id, _timeline, _mrr, _usage), the
 * timeline (newest first, at most `limit`) and both series as JSON lists. Grouped by customer, so the same
 * statement gives one customer's 360 and every customer's (served.ts builds them all at once). Lists are
 * sorted after they are gathered (`list_sort` of structs whose first field is the order), not by an ordered
 * aggregate: DuckDB keeps a sort per group for `list(… ORDER BY …)`, about 2 ms per customer.
 */
export const customerViews = (e: Sql, limit: number): Sql => sql`
  SELECT t.customer_id, t._timeline, m._mrr, u._usage FROM (
    SELECT customer_id, '[' || array_to_string(list_transform(list_slice(list_sort(list({
        'order': {'newest': -epoch_us("at"), 'kind': kind, 'action': action, 'subject': subject, 'facts': facts},
        'event': CAST(to_json({'at': strftime("at", '%Y-%m-%d %H:%M:%S'), 'kind': kind, 'action': action,
          'subject': subject, 'amount': amount, 'facts': facts, 'title': title, 'detail': detail}) AS VARCHAR)})),
        1, ${limit}), x -> x.event), ',') || ']' AS _timeline
    FROM ${e} ev GROUP BY customer_id) t
  LEFT JOIN (${mrrSeries(e)}) m ON m.customer_id = t.customer_id
  LEFT JOIN (${usageSeries(e)}) u ON u.customer_id = t.customer_id`;

/** Each attribute's header in its file, as a JSON list: the same for every customer. */
export const attributeHeaders = sql`(SELECT CAST(to_json(coalesce(list({'column': column_name, 'header': source_header}), []))
  AS VARCHAR) FROM attributes WHERE entity = 'customers')`;

/** A customer's record as read with their `customerViews` and the `attributeHeaders` (null lists: no events). */
export interface Viewed {
  customer_id: string;
  _timeline: string | null;
  _mrr: string | null;
  _usage: string | null;
  _headers: string;
  status?: CustomerStatus;
  mrr?: number | null;
  [column: string]: unknown;
}

/** The 360 of a record read with its views; `now` is the customer's status and MRR, as the record has them or not. */
export function viewOf(row: Viewed, now: { status: CustomerStatus; mrr: number | null } | undefined): Customer360 {
  const { _timeline, _mrr, _usage, _headers, status: _s, mrr: _m, customer_id, ...record } = row;
  const customer: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) (CANONICAL.has(k) ? customer : attributes)[k] = v;
  const listed = JSON.parse(_timeline ?? '[]') as (Omit<TimelineEvent, 'facts'> & { facts: string })[];
  const headers = JSON.parse(_headers) as { column: string; header: string }[];
  return {
    customer: { ...customer, customer_id, ...(now ?? { status: 'unknown', mrr: null }) },
    attributes,
    attributeHeaders: Object.fromEntries(
      headers.filter((h) => h.column in attributes).map((h) => [h.column, h.header]),
    ),
    timeline: listed.map((t) => ({ ...t, facts: present(t.facts) })),
    series: { mrr: JSON.parse(_mrr ?? '[]'), usage: JSON.parse(_usage ?? '[]') },
  };
}

const CANONICAL = new Set(entities.customers.fields.map((f) => f.name));

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
  const money = opts.stored ? null : await workspaceMoney(ws.db, ws.config.currency);
  // The customer's events are read once (MATERIALIZED) and the timeline and both series computed from them.
  const [row] = opts.stored
    ? await ws.db.all<Viewed>(sql`WITH e AS MATERIALIZED (SELECT * FROM ${storedEvents(id)} ev)
        SELECT d.* EXCLUDE (k, text), v.* EXCLUDE (customer_id), ${attributeHeaders} AS _headers
        FROM ${sql.id(DIRECTORY)} d LEFT JOIN (${customerViews(e, limit)}) v ON true
        WHERE d.k = hash(${id}) AND d.customer_id = ${id}`)
    : await ws.db.all<Viewed>(sql`WITH e AS MATERIALIZED (SELECT * FROM (${timelineEvents(id, money?.read)}) ev)
        SELECT c.* EXCLUDE (_batch), v.* EXCLUDE (customer_id), ${attributeHeaders} AS _headers
        FROM customers c LEFT JOIN (${customerViews(e, limit)}) v ON true WHERE c.customer_id = ${id}`);
  if (!row) throw tenureError('TEN_CUSTOMER_NOT_FOUND', { id });
  const now = opts.stored
    ? { status: row.status ?? 'unknown', mrr: row.mrr ?? null }
    : (await statusOf(ws, [id])).get(id);
  return viewOf(row, now);
}
