/**
 * ground-truth.json: what the demo simulated (options, calendar, every parameter) and what it realised,
 * measured with SQL on the written tables the way a metric would, so later metrics can be tested against
 * it. Churn is read from subscriptions alone: a customer churns when a subscription ends and no other one
 * of theirs covers that moment; the monthly rate is churned in the month ÷ active at the month's start.
 */
import { entityNames } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { CAMPAIGN_ID } from './campaign-costs.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { plantedEffect } from './planted-effect.ts';
import { toTs } from './random.ts';

/** A type alias (not an interface) so it fits the connection's Row shape. */
export type MonthlyChurn = {
  month: string;
  activeAtStart: number;
  churned: number;
  /** churned ÷ activeAtStart; null when nobody was active at the start of the month. */
  rate: number | null;
};

type Group = {
  key: string;
  /** Customers at risk: active at a month's start (summed over months), or campaign members. */
  atRisk: number;
  churned: number;
  rate: number | null;
};

/** Customer-months at risk and churns per month and contract, from subscriptions and customers. */
const CHURN_BY_MONTH_AND_CONTRACT = sql`
  WITH months AS (
    SELECT m, ${toTs(sql`ms_s`)} AS ms, ${toTs(sql`me_s`)} AS me FROM demo_months
  ), subs AS (
    SELECT customer_id, contract, started_at, coalesce(ended_at, 'infinity'::TIMESTAMP) AS ended_at,
      lead(started_at) OVER (PARTITION BY customer_id ORDER BY started_at) AS nxt
    FROM subscriptions JOIN customers USING (customer_id)
  ), active AS (
    SELECT mo.m, s.contract, count(*) AS n
    FROM months mo JOIN subs s ON s.started_at <= mo.ms AND s.ended_at > mo.ms GROUP BY ALL
  ), churned AS (
    SELECT mo.m, s.contract, count(*) AS n
    FROM months mo JOIN subs s ON s.ended_at >= mo.ms AND s.ended_at < mo.me
    WHERE s.nxt IS NULL OR s.nxt > s.ended_at GROUP BY ALL
  ), cells AS (
    SELECT m, contract, coalesce(a.n, 0) AS active_at_start, coalesce(c.n, 0) AS churned
    FROM active a FULL JOIN churned c USING (m, contract)
  )`;

const rate = (a: Sql, c: Sql) => sql`CASE WHEN ${a} > 0 THEN CAST(${c} AS DOUBLE) / ${a} END`;

/** Measure the realised figures and assemble the ground truth document. */
export async function groundTruth(ctx: DemoContext): Promise<Record<string, unknown>> {
  const { db, cal } = ctx;
  const labels = (
    await db.all<{ label: string }>(
      sql`SELECT strftime(${toTs(sql`ms_s`)}, '%Y-%m') AS label FROM demo_months ORDER BY m`,
    )
  ).map((r) => r.label);
  const monthlyChurn = await db.all<MonthlyChurn>(sql`${CHURN_BY_MONTH_AND_CONTRACT}
    SELECT strftime(mo.ms, '%Y-%m') AS month, CAST(coalesce(sum(active_at_start), 0) AS BIGINT) AS "activeAtStart",
      CAST(coalesce(sum(churned), 0) AS BIGINT) AS churned, ${rate(sql`sum(active_at_start)`, sql`sum(churned)`)} AS rate
    FROM months mo LEFT JOIN cells USING (m) GROUP BY mo.m, mo.ms ORDER BY mo.m`);
  const byContract = await db.all<Group>(sql`${CHURN_BY_MONTH_AND_CONTRACT}
    SELECT contract AS key, CAST(sum(active_at_start) AS BIGINT) AS "atRisk", CAST(sum(churned) AS BIGINT) AS churned,
      ${rate(sql`sum(active_at_start)`, sql`sum(churned)`)} AS rate
    FROM cells GROUP BY contract ORDER BY contract`);
  const byCategory = await db.all(sql`
    SELECT kind, category, CAST(count(*) AS BIGINT) AS churned FROM churn_events GROUP BY ALL ORDER BY ALL`);
  const campaign = await db.all<Group>(sql`
    SELECT m.${sql.id('group')} AS key, CAST(count(*) AS BIGINT) AS "atRisk",
      CAST(count(e.customer_id) AS BIGINT) AS churned, ${rate(sql`count(*)`, sql`count(e.customer_id)`)} AS rate
    FROM campaign_members m JOIN campaigns c USING (campaign_id)
    LEFT JOIN churn_events e ON e.customer_id = m.customer_id AND e.churned_at BETWEEN c.started_at AND c.ended_at
    GROUP BY ALL ORDER BY ALL`);
  const rows = await countRows(ctx);
  const planted = await plantedEffect(ctx);
  const label = (m: number) => labels[m] ?? null;
  const { competitor, priceRise } = DEMO_PARAMS.churn;
  return {
    generator: 'tenure demo',
    options: { customers: ctx.customers, months: ctx.months, seed: ctx.seed, end: ctx.end },
    window: { firstMonth: label(0), lastMonth: label(ctx.months - 1), lastDay: ctx.end },
    calendar: {
      priceRise: { month: label(cal.priceRise), plans: priceRise.plans, size: priceRise.size },
      competitorPromotion: {
        region: competitor.region,
        competitor: competitor.name,
        months: labels.slice(cal.competitorFrom, cal.competitorTo),
      },
      campaign: { id: CAMPAIGN_ID, months: labels.slice(cal.campaignFrom, cal.campaignTo) },
    },
    model:
      'Monthly churn probability from the month after a subscription life starts = churn.unsatisfiedComplaint.hazard ' +
      '(months lagMonths … lagMonths + months − 1 after a complaint case closed unsatisfied: retaliatory churn) + ' +
      'churn.involuntaryHazard + min(churn.cap, churn.baseHazard[contract] × early × priceRise × unresolvedComplaint ' +
      '× disengagement × competitor × (1 − campaign.effect.hazardReduction[product line] for the treatment group ' +
      'while the campaign runs) ' +
      '× (1 − churn.saved.hazardReduction from saved.lagMonths after a retention case that saved the customer)), ' +
      'each factor being its multiplier while its driver applies and 1 otherwise; times the observed share of a ' +
      'cut-short last month.',
    parameters: DEMO_PARAMS,
    /**
     * The planted effect as a campaign measurement estimates it: the expected ITT reduction in churn within
     * plantedEffect.windowDays of the launch (control − treatment, absolute), overall and by
     * plantedEffect.dimension, from the generator's hazards (planted-effect.ts).
     */
    campaign: { id: CAMPAIGN_ID, plantedEffect: planted },
    realised: {
      monthlyChurn,
      churnByContract: Object.fromEntries(byContract.map(({ key, ...g }) => [key, g])),
      churnByCategory: byCategory,
      campaignChurnWhileRunning: Object.fromEntries(campaign.map(({ key, ...g }) => [key, g])),
      rows,
    },
  };
}

/** Rows per entity table. */
export async function countRows(ctx: DemoContext): Promise<Record<string, number>> {
  const counts = sql.join(
    entityNames.map((e) => sql`SELECT ${e} AS entity, CAST(count(*) AS BIGINT) AS n FROM ${sql.id(e)}`),
    sql` UNION ALL `,
  );
  const rows = await ctx.db.all<{ entity: string; n: number }>(counts);
  return Object.fromEntries(entityNames.map((e) => [e, rows.find((r) => r.entity === e)?.n ?? 0]));
}
