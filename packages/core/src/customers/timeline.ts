import { tenureError } from '../errors.ts';
import { type EntityName, entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CustomerStatus, statusOf } from './status.ts';

export type TimelineKind = 'subscription' | 'order' | 'activity' | 'ticket' | 'survey' | 'churn_event';

export interface TimelineEvent {
  /** YYYY-MM-DD HH:MM:SS, wall-clock time in the workspace's time zone. */
  at: string;
  kind: TimelineKind;
  title: string;
  /** The row's other facts as `field value` pairs joined by " · "; null when it has none. */
  detail: string | null;
}

export interface Customer360 {
  customer: Record<string, unknown> & { customer_id: string; status: CustomerStatus; mrr: number | null };
  /** Imported extra columns (attributes) of the customer. */
  attributes: Record<string, unknown>;
  /** Newest first, at most `limit` events. */
  timeline: TimelineEvent[];
}

/** Where timeline events come from: one entry per kind of moment, read from the canonical tables. */
interface Source {
  kind: TimelineKind;
  table: EntityName;
  at: string;
  title: Sql;
  detail: string[];
  /** The column naming the customer, and any further condition (surveys also have employee respondents). */
  who?: Sql;
}

const sources: Source[] = [
  {
    kind: 'subscription',
    table: 'subscriptions',
    at: 'started_at',
    title: sql`'started ' || coalesce(plan, subscription_id)`,
    detail: ['subscription_id', 'mrr', 'billing_period', 'ended_at'],
  },
  {
    kind: 'subscription',
    table: 'subscriptions',
    at: 'ended_at',
    title: sql`'ended ' || coalesce(plan, subscription_id)`,
    detail: ['subscription_id', 'mrr', 'cancel_requested_at'],
  },
  { kind: 'order', table: 'orders', at: 'ordered_at', title: sql`order_id`, detail: ['amount', 'product_line'] },
  { kind: 'activity', table: 'activity', at: 'at', title: sql`coalesce(kind, 'activity')`, detail: ['quantity'] },
  {
    kind: 'ticket',
    table: 'tickets',
    at: 'opened_at',
    title: sql`coalesce(category, ticket_id)`,
    detail: ['ticket_id', 'channel', 'priority', 'status', 'resolved_at', 'csat'],
  },
  {
    kind: 'survey',
    table: 'surveys',
    at: 'answered_at',
    title: sql`kind`,
    detail: ['score', 'comment'],
    who: sql`coalesce(respondent_type, 'customer') = 'customer' AND respondent_id`,
  },
  {
    kind: 'churn_event',
    table: 'churn_events',
    at: 'churned_at',
    title: sql`coalesce(reason, kind, 'churned')`,
    detail: ['kind', 'category', 'competitor', 'note'],
  },
];

/** `field value` for a non-empty field; money with two decimals. */
function fact(table: EntityName, name: string): Sql {
  const money = entities[table].fields.find((f) => f.name === name)?.type === 'money';
  const text = money ? sql`printf('%.2f', ${sql.id(name)})` : sql`CAST(${sql.id(name)} AS VARCHAR)`;
  return sql`CASE WHEN ${sql.id(name)} IS NOT NULL THEN ${`${name} `} || ${text} END`;
}

function eventsOf(s: Source, id: string): Sql {
  const detail = sql`nullif(concat_ws(' · ', ${sql.join(s.detail.map((d) => fact(s.table, d)))}), '')`;
  return sql`SELECT CAST(${sql.id(s.at)} AS VARCHAR) AS "at", ${s.kind} AS kind, CAST(${s.title} AS VARCHAR) AS title,
      ${detail} AS detail
    FROM ${sql.id(s.table)} WHERE ${s.who ?? sql`customer_id`} = ${id} AND ${sql.id(s.at)} IS NOT NULL`;
}

/**
 * One customer's record, attributes, status and the timeline of everything that happened to them:
 * subscriptions starting and ending, orders, activity, tickets, survey answers and churn events.
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
  const timeline = await ws.db.all<TimelineEvent & Record<string, unknown>>(
    sql`${sql.join(
      sources.map((s) => eventsOf(s, id)),
      sql` UNION ALL `,
    )} ORDER BY "at" DESC, kind LIMIT ${limit}`,
  );
  const now = (await statusOf(ws, [id])).get(id) ?? { status: 'churned', mrr: null };
  return { customer: { ...customer, customer_id: id, ...now }, attributes, timeline };
}
