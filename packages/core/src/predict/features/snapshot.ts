/**
 * Point-in-time training and scoring rows: one row per customer active at each snapshot date t (a
 * subscription running at t, or, for customers without subscriptions, an order in the inactivity window
 * before t), with features computed from data dated before t only (account.ts, engagement.ts) and the
 * customer's segments. The label is churn within the horizon H: a churn event in [t, t + H), or the end of
 * the customer's subscription cover in [t, t + H) (a subscription ends and no other one covers that moment,
 * the same rule as the demo's ground truth). Segments are the customer's current values: the canonical model
 * keeps no history of them.
 */
import { type MoneyReader, workspaceMoney } from '../../metrics/currency.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { defaultConfig, type TenureConfig } from '../../workspace/config.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { FeatureSpec } from '../frame.ts';
import { days, type FeatureGroup, historyFeatures, orderFeatures, subscriptionFeatures } from './account.ts';
import { activityFeatures, surveyFeatures, ticketFeatures } from './engagement.ts';
import type { FeatureQuery } from './static.ts';

/** Every group of point-in-time features, joined in this order; money read through the workspace's currency plan. */
export const featureGroups: ((snaps: Sql, config: TenureConfig, read?: MoneyReader) => FeatureGroup)[] = [
  subscriptionFeatures,
  orderFeatures,
  historyFeatures,
  activityFeatures,
  ticketFeatures,
  surveyFeatures,
];

/** Counts are 0 when a customer has no rows of that kind; rates, recencies and categories stay missing. */
const ZERO_WHEN_ABSENT = new Set([
  'plan_changes_365d',
  'cancel_requested',
  'orders_365d',
  'spend_365d',
  'campaigns_180d',
  'in_campaign',
  'past_churns',
  'usage_30d',
  'logins_30d',
  'payment_failures_90d',
  'tickets_90d',
  'open_tickets',
  'open_past_sla',
]);

/** The tables features read, with the column naming the customer. */
const CUSTOMER_TABLES = [
  ['subscriptions', 'customer_id'],
  ['orders', 'customer_id'],
  ['campaign_members', 'customer_id'],
  ['churn_events', 'customer_id'],
  ['activity', 'customer_id'],
  ['tickets', 'customer_id'],
  ['surveys', 'respondent_id'],
] as const;

/**
 * CTEs named like the tables features read, holding one customer's rows: they shadow the tables, so the same
 * feature SQL computes one customer's row (an explanation) from that customer's rows alone, instead of every
 * customer's features (seconds on a large workspace; DuckDB does not push the key through the aggregates).
 */
function scoped(customerId: string): Sql {
  const ctes = CUSTOMER_TABLES.map(
    ([t, c]) => sql`${sql.id(t)} AS (SELECT * FROM ${sql.id('main', t)} WHERE ${sql.id(c)} = ${customerId})`,
  );
  return sql`${sql.join(ctes, sql`, `)}, `;
}

/** The segment dimensions that are columns of customers, typed as features. */
async function segmentFeatures(ws: Workspace, dimensions: string[]): Promise<FeatureSpec[]> {
  const cols = await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE customers`);
  return dimensions.flatMap((d) => {
    const c = cols.find((x) => x.column_name === d);
    if (!c) return [];
    return [{ name: d, kind: /^(VARCHAR|BOOLEAN)/.test(c.column_type) ? 'categorical' : 'numeric' } as FeatureSpec];
  });
}

/**
 * The segment dimensions a model was trained with: its features that are not point-in-time ones. Scoring and
 * explaining compute these rather than the configured dimensions, so a model keeps working (with the segments
 * it knows) after the dimensions in the config change.
 */
export function segmentsOf(features: FeatureSpec[]): string[] {
  // The groups' feature names, which no setting changes: any config names them.
  const names = featureGroups.flatMap((g) => g(sql`snaps`, defaultConfig()).features.map((f) => f.name));
  const fixed = new Set(['tenure_days', ...names]);
  return features.filter((f) => !fixed.has(f.name)).map((f) => f.name);
}

/**
 * The feature query at `dates` (YYYY-MM-DD), labelled with churn within `horizonDays` when given, with the
 * configured dimensions as segments unless `dimensions` names others (a trained model's: `segmentsOf`), for
 * every customer active then or `only` the one.
 *
 * @example
 * const { features, query } = await snapshotFeatures(ws, ['2025-06-01'], 90);
 */
export async function snapshotFeatures(
  ws: Workspace,
  dates: string[],
  horizonDays: number | null,
  dimensions: string[] = ws.config.dimensions,
  only: string | null = null,
): Promise<FeatureQuery> {
  const snaps = sql`(SELECT CAST(unnest(${dates}) AS TIMESTAMP) AS t)`;
  const money = await workspaceMoney(ws.db, ws.config.currency);
  const groups = featureGroups.map((g) => g(snaps, ws.config, money.read));
  await money.check();
  const segments = await segmentFeatures(ws, dimensions);
  const features: FeatureSpec[] = [
    { name: 'tenure_days', kind: 'numeric' },
    ...groups.flatMap((g) => g.features),
    ...segments,
  ];
  const joins = groups.map(
    (g, i) => sql` LEFT JOIN (${g.query}) AS ${sql.id(`g${i}`)} ON ${sql.id(`g${i}`)}.customer_id = p.customer_id
      AND ${sql.id(`g${i}`)}.t = p.t`,
  );
  const value = (g: number, f: FeatureSpec) => {
    const col = sql`${sql.id(`g${g}`)}.${sql.id(f.name)}`;
    return sql`${ZERO_WHEN_ABSENT.has(f.name) ? sql`coalesce(${col}, 0)` : col} AS ${sql.id(f.name)}`;
  };
  const columns = groups.flatMap((g, i) => g.features.map((f) => value(i, f)));
  const segmentColumns = segments.map((f) =>
    f.kind === 'categorical'
      ? sql`CAST(c.${sql.id(f.name)} AS VARCHAR) AS ${sql.id(f.name)}`
      : sql`CAST(c.${sql.id(f.name)} AS DOUBLE) AS ${sql.id(f.name)}`,
  );
  const inactivity = ws.config.churn.inactivity_days;
  const query = sql`
    WITH ${only === null ? sql`` : scoped(only)}snaps AS ${snaps}, active AS (
      SELECT DISTINCT s.customer_id, p.t FROM subscriptions s JOIN snaps p
        ON s.started_at < p.t AND (s.ended_at IS NULL OR s.ended_at >= p.t)
      UNION
      SELECT o.customer_id, p.t FROM orders o JOIN snaps p ON o.ordered_at < p.t AND o.ordered_at >= p.t - ${days(inactivity)}
      WHERE NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.customer_id = o.customer_id)
    ), p AS (
      SELECT a.customer_id, a.t, ${label(horizonDays)} AS label FROM active a
    )
    SELECT p.customer_id, strftime(p.t, '%Y-%m-%d') AS as_of, p.label,
      CAST(date_diff('day', c.created_at, p.t) AS DOUBLE) AS tenure_days,
      ${sql.join([...columns, ...segmentColumns])}
    FROM p JOIN customers c ON c.customer_id = p.customer_id AND (c.created_at IS NULL OR c.created_at < p.t)
    ${sql.join(joins, sql``)}
    ORDER BY p.t, p.customer_id`;
  return { features, query };
}

/** Churn in [t, t + H): a churn event, or a subscription ending with no other one covering its end. */
function label(horizonDays: number | null): Sql {
  if (horizonDays === null) return sql`CAST(NULL AS DOUBLE)`;
  const end = sql`a.t + ${days(horizonDays)}`;
  return sql`CAST(
    EXISTS (SELECT 1 FROM churn_events e WHERE e.customer_id = a.customer_id AND e.churned_at >= a.t AND e.churned_at < ${end})
    OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = a.customer_id AND s.ended_at >= a.t AND s.ended_at < ${end}
      AND NOT EXISTS (SELECT 1 FROM subscriptions o WHERE o.customer_id = s.customer_id
        AND o.started_at <= s.ended_at AND (o.ended_at IS NULL OR o.ended_at > s.ended_at)))
    AS DOUBLE)`;
}
