import { type MoneyReader, moneyTables, storedFrom } from '../metrics/currency.ts';
import { type EntityName, entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';

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
  /** The column naming the customer (surveys also have employee respondents, whom `only` leaves out). */
  customer?: string;
  only?: Sql;
  /** When the subscription ended, on its start: the MRR series (series.ts) needs both ends of each span. */
  ended?: Sql;
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
    ended: sql`ended_at`,
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
    customer: 'respondent_id',
    only: sql`coalesce(respondent_type, 'customer') = 'customer'`,
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

/** The tables timeline events are read from (and the rates their amounts are converted at). */
export const timelineTables: string[] = [...new Set(sources.map((s) => s.table)), 'exchange_rates'];

/** `field value` for a non-empty field; money with two decimals. */
function fact(table: EntityName, name: string): Sql {
  const money = entities[table].fields.find((f) => f.name === name)?.type === 'money';
  const text = money ? sql`printf('%.2f', ${sql.id(name)})` : sql`CAST(${sql.id(name)} AS VARCHAR)`;
  return sql`CASE WHEN ${sql.id(name)} IS NOT NULL THEN ${`${name} `} || ${text} END`;
}

/** The detail fields as a JSON object (timestamps as text); null fields are left out when read. */
const factsJson = (s: Source): Sql =>
  sql`CAST(json_object(${sql.join(s.detail.map((d) => sql`${d}, ${sql.id(d)}`))}) AS VARCHAR)`;

function eventsOf(s: Source, id: string | null, read: MoneyReader, since: number | null): Sql {
  const from = Object.hasOwn(moneyTables, s.table) ? read(s.table as keyof typeof moneyTables) : sql.id(s.table);
  const who = sql.id(s.customer ?? 'customer_id');
  const detail = sql`nullif(concat_ws(' · ', ${sql.join(s.detail.map((d) => fact(s.table, d)))}), '')`;
  return sql`SELECT ${who} AS customer_id, ${sql.id(s.at)} AS "at", ${s.kind} AS kind, ${s.action} AS action,
      CAST(${s.subject} AS VARCHAR) AS subject, CAST(${s.amount} AS DOUBLE) AS amount, ${factsJson(s)} AS facts,
      CAST(${s.title} AS VARCHAR) AS title, ${detail} AS detail, ${s.ended ?? sql`CAST(NULL AS TIMESTAMP)`} AS ended_at
    FROM ${from} WHERE ${sql.id(s.at)} IS NOT NULL AND ${who} IS NOT NULL${s.only ? sql` AND ${s.only}` : sql``}${
      id === null ? sql`` : sql` AND ${who} = ${id}`
    }${since === null ? sql`` : sql` AND _batch > ${since}`}`;
}

/** The tables timeline events come from, each with the column naming the customer. */
export const timelineWriters: { table: EntityName; customer?: string }[] = [
  ...new Map(sources.map((s) => [s.table, { table: s.table, customer: s.customer }])).values(),
];

/**
 * Every timeline event, of one customer or (id null) of all, one row each: customer_id, at (TIMESTAMP),
 * kind, action, subject, amount, facts (JSON text), title, detail, and ended_at on a subscription's start.
 * Amounts (and the money among the facts) are read through `read`: in the workspace currency with the workspace's
 * reader (metrics/currency.ts; one without its rate is NULL, a customer's page is not refused for it).
 * With `since`, only the events of rows import batches after it wrote (`_batch > since`, as every import stamps
 * the rows it inserts or updates): each event is one source row's, so after batches that only inserted these are
 * exactly the events added (the timeline store's update, stores.ts).
 */
export const timelineEvents = (id: string | null, read: MoneyReader = storedFrom, since: number | null = null): Sql =>
  sql.join(
    sources.map((s) => eventsOf(s, id, read, since)),
    sql` UNION ALL `,
  );
