import { tenureError } from '../errors.ts';
import { type EntityName, entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CustomerSeries, customerSeries } from './series.ts';
import { type CustomerStatus, statusOf } from './status.ts';

export type TimelineKind = 'subscription' | 'order' | 'activity' | 'ticket' | 'survey' | 'churn_event';

/** What happened, finer than the kind: a subscription starts or ends. Surfaces word each one as a sentence. */
export type TimelineAction =
  | 'subscription_started'
  | 'subscription_ended'
  | 'order'
  | 'activity'
  | 'ticket'
  | 'survey'
  | 'churn';

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

/** Where timeline events come from: one entry per kind of moment, read from the canonical tables. */
interface Source {
  kind: TimelineKind;
  action: TimelineAction;
  table: EntityName;
  at: string;
  title: Sql;
  subject: Sql;
  amount: Sql;
  detail: string[];
  /** The column naming the customer, and any further condition (surveys also have employee respondents). */
  who?: Sql;
}

const NONE = sql`NULL`;

const sources: Source[] = [
  {
    kind: 'subscription',
    action: 'subscription_started',
    table: 'subscriptions',
    at: 'started_at',
    title: sql`'started ' || coalesce(plan, subscription_id)`,
    subject: sql`plan`,
    amount: sql`mrr`,
    detail: ['subscription_id', 'mrr', 'billing_period', 'ended_at'],
  },
  {
    kind: 'subscription',
    action: 'subscription_ended',
    table: 'subscriptions',
    at: 'ended_at',
    title: sql`'ended ' || coalesce(plan, subscription_id)`,
    subject: sql`plan`,
    amount: sql`mrr`,
    detail: ['subscription_id', 'mrr', 'cancel_requested_at'],
  },
  {
    kind: 'order',
    action: 'order',
    table: 'orders',
    at: 'ordered_at',
    title: sql`order_id`,
    subject: sql`order_id`,
    amount: sql`amount`,
    detail: ['amount', 'product_line'],
  },
  {
    kind: 'activity',
    action: 'activity',
    table: 'activity',
    at: 'at',
    title: sql`coalesce(kind, 'activity')`,
    subject: sql`kind`,
    amount: sql`quantity`,
    detail: ['quantity'],
  },
  {
    kind: 'ticket',
    action: 'ticket',
    table: 'tickets',
    at: 'opened_at',
    title: sql`coalesce(category, ticket_id)`,
    subject: sql`category`,
    amount: NONE,
    detail: ['ticket_id', 'channel', 'priority', 'status', 'resolved_at', 'csat'],
  },
  {
    kind: 'survey',
    action: 'survey',
    table: 'surveys',
    at: 'answered_at',
    title: sql`kind`,
    subject: sql`kind`,
    amount: sql`score`,
    detail: ['score', 'comment'],
    who: sql`coalesce(respondent_type, 'customer') = 'customer' AND respondent_id`,
  },
  {
    kind: 'churn_event',
    action: 'churn',
    table: 'churn_events',
    at: 'churned_at',
    title: sql`coalesce(reason, kind, 'churned')`,
    subject: sql`reason`,
    amount: NONE,
    detail: ['kind', 'category', 'competitor', 'note'],
  },
];

/** `field value` for a non-empty field; money with two decimals. */
function fact(table: EntityName, name: string): Sql {
  const money = entities[table].fields.find((f) => f.name === name)?.type === 'money';
  const text = money ? sql`printf('%.2f', ${sql.id(name)})` : sql`CAST(${sql.id(name)} AS VARCHAR)`;
  return sql`CASE WHEN ${sql.id(name)} IS NOT NULL THEN ${`${name} `} || ${text} END`;
}

/** The detail fields as a JSON object (timestamps as text); null fields are left out when read. */
const factsJson = (s: Source): Sql =>
  sql`CAST(json_object(${sql.join(s.detail.map((d) => sql`${d}, ${sql.id(d)}`))}) AS VARCHAR)`;

function eventsOf(s: Source, id: string): Sql {
  const detail = sql`nullif(concat_ws(' · ', ${sql.join(s.detail.map((d) => fact(s.table, d)))}), '')`;
  return sql`SELECT CAST(${sql.id(s.at)} AS VARCHAR) AS "at", ${s.kind} AS kind, ${s.action} AS action,
      CAST(${s.subject} AS VARCHAR) AS subject, CAST(${s.amount} AS DOUBLE) AS amount, ${factsJson(s)} AS facts,
      CAST(${s.title} AS VARCHAR) AS title, ${detail} AS detail
    FROM ${sql.id(s.table)} WHERE ${s.who ?? sql`customer_id`} = ${id} AND ${sql.id(s.at)} IS NOT NULL`;
}

/** Facts as stored, without the empty ones. */
const present = (json: string): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(JSON.parse(json) as Record<string, unknown>).filter(([, v]) => v !== null),
  ) as Record<string, string | number>;

/**
 * One customer's record, attributes, status and the timeline of everything that happened to them:
 * subscriptions starting and ending, orders, activity, tickets, survey answers and churn events, and MRR and
 * activity by month.
 * @example const c = await customer360(ws, 'C1'); c.timeline[0] // { at, kind: 'order', title: 'O-17', detail: 'amount 20.00' }
 */
export async function customer360(ws: Workspace, id: string, opts: { limit?: number } = {}): Promise<Customer360> {
  const [row] = await ws.db.all(sql`SELECT * FROM customers WHERE customer_id = ${id}`);
  if (!row) throw tenureError('TEN_CUSTOMER_NOT_FOUND', { id });
  const canonical = new Set(entities.customers.fields.map((f) => f.name));
  const customer: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k !== '_batch') (canonical.has(k) ? customer : attributes)[k] = v;
  }
  const limit = Math.min(Math.max(1, opts.limit ?? 500), 5000);
  const rows = await ws.db.all<Omit<TimelineEvent, 'facts'> & { facts: string }>(
    sql`${sql.join(
      sources.map((s) => eventsOf(s, id)),
      sql` UNION ALL `,
    )} ORDER BY "at" DESC, kind LIMIT ${limit}`,
  );
  const timeline = rows.map((r) => ({ ...r, facts: present(r.facts) }));
  const headers = await ws.db.all<{ column_name: string; source_header: string }>(
    sql`SELECT column_name, source_header FROM attributes WHERE entity = 'customers'`,
  );
  const attributeHeaders = Object.fromEntries(
    headers.filter((h) => h.column_name in attributes).map((h) => [h.column_name, h.source_header]),
  );
  const now = (await statusOf(ws, [id])).get(id) ?? { status: 'unknown', mrr: null };
  return {
    customer: { ...customer, customer_id: id, ...now },
    attributes,
    attributeHeaders,
    timeline,
    series: await customerSeries(ws, id),
  };
}
