/**
 * The retention campaign and the monthly cost ledger. Campaign members are the at-risk lives drawn in
 * lives.ts that are still active on launch day; their group was assigned by hash, and the treatment
 * group's lower hazard is the campaign's true effect. Costs are derived from the generated rows, so CAC and
 * cost-per-ticket metrics reconcile with the data exactly.
 */
import { sql } from '../../sql/sql.ts';
import { monthStart } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { toTs } from './random.ts';

export const CAMPAIGN_ID = 'RET-01';

/** Write the campaign and its members. */
export async function writeCampaign(ctx: DemoContext): Promise<void> {
  const c = DEMO_PARAMS.campaign;
  const launch = monthStart(ctx.cal.campaignFrom);
  await ctx.db.run(sql`
    INSERT INTO campaign_members BY NAME
    SELECT ${CAMPAIGN_ID} AS campaign_id, customer_id, campaign_group AS ${sql.id('group')},
      ${toTs(launch)} AS assigned_at
    FROM demo_spans WHERE campaign_group IS NOT NULL AND start_s < ${launch} AND end_s > ${launch}`);
  await ctx.db.run(sql`
    INSERT INTO campaigns BY NAME
    SELECT ${CAMPAIGN_ID} AS campaign_id, 'Retention offer for at-risk month-to-month customers' AS name,
      'discount' AS kind, ${toTs(launch)} AS started_at,
      ${toTs(sql`(SELECT me_s - 1 FROM demo_months WHERE m = ${ctx.cal.campaignTo - 1})`)} AS ended_at,
      CAST(${c.costPerTreated} * count(*) FILTER (WHERE ${sql.id('group')} = 'treatment') AS DECIMAL(18, 4)) AS cost
    FROM campaign_members`);
}

/** Monthly costs per category: acquisition from customers, service from tickets, the rest per active customer. */
export async function writeCosts(ctx: DemoContext): Promise<void> {
  const k = DEMO_PARAMS.costs;
  const monthOf = (column: string) => sql`datediff('month', ${toTs(monthStart(0))}, ${sql.id(column)})`;
  const money = sql.raw('DECIMAL(18, 4)');
  await ctx.db.run(sql`
    INSERT INTO costs BY NAME
    WITH deltas AS (
      SELECT start_m AS m, 1 AS d FROM demo_spans UNION ALL SELECT end_m + 1, -1 FROM demo_spans
    ), active AS (
      SELECT mo.m, sum(coalesce(sum(x.d), 0)) OVER (ORDER BY mo.m) AS n
      FROM demo_months mo LEFT JOIN deltas x USING (m) GROUP BY mo.m
    ), acquired AS (
      SELECT ${monthOf('created_at')} AS m, sum(acquisition_cost) AS amount FROM customers GROUP BY ALL
    ), ticketed AS (
      SELECT ${monthOf('opened_at')} AS m, count(*) AS n FROM tickets GROUP BY ALL
    ), campaign AS (
      SELECT ${ctx.cal.campaignFrom} AS m, sum(cost) AS amount FROM campaigns
    ), per_month AS (
      SELECT mo.ms_s, mo.me_s,
        CAST(coalesce(acquired.amount, 0) AS ${money}) AS acquisition,
        CAST(round(${k.retentionPerActive} * active.n, 2) + coalesce(campaign.amount, 0) AS ${money}) AS retention,
        CAST(${k.servicePerTicket} * coalesce(ticketed.n, 0) AS ${money}) AS service,
        CAST(round(${k.crmPerActive} * active.n, 2) AS ${money}) AS crm
      FROM demo_months mo JOIN active USING (m) LEFT JOIN acquired USING (m) LEFT JOIN ticketed USING (m)
        LEFT JOIN campaign USING (m)
    )
    SELECT CAST(${toTs(sql`ms_s`)} AS DATE) AS period_start, CAST(${toTs(sql`me_s - 1`)} AS DATE) AS period_end,
      category, amount, 'all' AS segment
    FROM (UNPIVOT per_month ON acquisition, retention, service, crm INTO NAME category VALUE amount)`);
}

/**
 * Published benchmarks to compare against, for the last 12 months: an industry survey's monthly churn rate (a
 * flat 2.4 % with a January bump); the competitor's own churn rate (3.0 % falling 0.05 points a month, so the gap
 * to ours moves), and its market share (18 % gaining 0.4 points a month), a figure Tenure does not compute and
 * shows without ours (metrics/benchmark-only.ts).
 */
export async function writeBenchmarks(ctx: DemoContext): Promise<void> {
  const last = ctx.months - 1;
  const rival = DEMO_PARAMS.churn.competitor.name;
  await ctx.db.run(sql`
    INSERT INTO benchmarks (source, metric, period_start, period_end, value, segment, note)
    SELECT source, metric, CAST(ms AS DATE), CAST(me - INTERVAL 1 DAY AS DATE), value, 'all', note FROM (
      WITH mm AS (SELECT ${toTs(sql`ms_s`)} AS ms, ${toTs(sql`me_s`)} AS me, m - ${last - 11} AS i
        FROM demo_months WHERE m > ${last - 12} AND m <= ${last})
      SELECT 'Telecom retention survey' AS source, 'churn_rate' AS metric, ms, me,
        CASE WHEN month(ms) = 1 THEN 0.031 ELSE 0.024 END AS value,
        'monthly voluntary and involuntary churn, all customers' AS note FROM mm
      UNION ALL SELECT ${rival}, 'churn_rate', ms, me, round(0.030 - 0.0005 * i, 4), 'as published in its quarterly report' FROM mm
      UNION ALL SELECT ${rival}, 'market_share', ms, me, round(0.18 + 0.004 * i, 4), 'share of mobile subscribers in our markets' FROM mm
    ) b`);
}
