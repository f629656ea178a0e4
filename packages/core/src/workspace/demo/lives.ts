/**
 * Subscription lives and churn. A life is one unbroken stretch as a subscriber: every customer has one,
 * and some churners come back for a second (a reactivation). A life's latent events (plan change, a
 * complaint that is never resolved, one closed unsatisfied, the month usage starts to fall, campaign
 * assignment, the at-risk playbook's retention case and its outcome) are drawn when it
 * starts; churn is then the first month in which a hashed uniform falls below that month's hazard, found
 * by expanding lives into (life, month) rows and keeping the first hit — no loop over months.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { during, HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { lookup, pick, valueList } from './random.ts';

/** Customer columns every life carries, so later steps never join back to demo_c. */
const CARRIED = sql.ids([
  'customer_id',
  'region',
  'contract',
  'customer_type',
  'product_line',
  'billing',
  'seats',
  'usage_base',
  'order_rate',
]);

const createOrInsert = (table: string, first: boolean): Sql =>
  first ? sql`CREATE OR REPLACE TEMP TABLE ${sql.id(table)} AS` : sql`INSERT INTO ${sql.id(table)} BY NAME`;

/** Build demo_spans: every life with its end (end_s is the horizon while it is still active). */
export async function simulateLives(ctx: DemoContext): Promise<void> {
  const firstLives = sql`SELECT n, 1 AS life, ${CARRIED}, m0 AS start_m, created_s AS start_s, plan AS plan0 FROM demo_c`;
  await ctx.db.run(sql`${createOrInsert('demo_lives', true)} ${withLatents(ctx, firstLives)}`);
  await ctx.db.run(sql`${createOrInsert('demo_ends', true)} ${churnOf(ctx, 1)}`);
  await ctx.db.run(sql`${createOrInsert('demo_lives', false)} ${withLatents(ctx, reactivations(ctx))}`);
  await ctx.db.run(sql`${createOrInsert('demo_ends', false)} ${churnOf(ctx, 2)}`);
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_spans AS
    SELECT l.*, e.end_s IS NOT NULL AS churned, coalesce(e.end_m, ${ctx.months - 1}) AS end_m,
      coalesce(e.end_s, ${HORIZON}) AS end_s, e.kind, e.category, coalesce(e.promo, false) AS promo,
      coalesce(e.retaliated, false) AS retaliated
    FROM demo_lives l LEFT JOIN demo_ends e USING (n, life)`);
}

/** Add a life's latent events to rows of (n, life, carried columns, start_m, start_s, plan0). */
function withLatents(ctx: DemoContext, lives: Sql): Sql {
  const { r, cal } = ctx;
  const s = DEMO_PARAMS.subscription;
  const { priceRise, unresolvedComplaint, unsatisfiedComplaint, disengagement } = DEMO_PARAMS.churn;
  const c = DEMO_PARAMS.campaign;
  const pb = DEMO_PARAMS.operations.playbook;
  const key = [sql`n`, sql`life`];
  const u = (stream: 'retentionContact' | 'retentionOutcome') => r.u(stream, ...key);
  return sql`
    SELECT x.* EXCLUDE (u_sample, u_group),
      CASE WHEN x.onset_m + 1 >= ${cal.playbookFrom} AND x.onset_m + 1 < ${ctx.months}
          AND ${r.u('retentionCase', ...key)} < ${pb.coverage} THEN x.onset_m + 1 END AS rt_m,
      CASE WHEN ${u('retentionContact')} >= ${pb.contactShare} THEN 'no_contact'
        WHEN ${u('retentionOutcome')} < ${pb.notWorthShare} THEN 'not_worth_retaining'
        WHEN ${u('retentionOutcome')} < ${pb.notWorthShare + pb.savedShare} THEN 'saved' ELSE 'lost' END AS rt_outcome,
      ${r.within(sql`cm.ms_s + 1`, sql`cm.me_s`, 'planChangeAt', ...key)} AS change_s,
      CASE WHEN x.contract = 'month_to_month' AND x.start_m < ${cal.campaignFrom} AND x.u_sample < ${c.sampleShare}
          AND (x.unres_m < ${cal.campaignFrom} OR x.onset_m < ${cal.campaignFrom} OR x.affected)
        THEN CASE WHEN x.u_group < ${c.treatmentShare} THEN 'treatment' ELSE 'control' END END AS campaign_group
    FROM (
      SELECT y.*, y.start_m < ${cal.priceRise}
        AND (CASE WHEN y.change_m < ${cal.priceRise} THEN y.plan1 ELSE y.plan0 END) IN (${valueList(priceRise.plans)}) AS affected
      FROM (
        SELECT src.*,
          src.start_m + 1 + ${r.geometric(s.planChangeRate, 'planChange', ...key)} AS change_m,
          CASE src.plan0 WHEN 'basic' THEN 'standard' WHEN 'premium' THEN 'standard'
            ELSE CASE WHEN ${r.u('planDirection', ...key)} < ${s.upgradeShare} THEN 'premium' ELSE 'basic' END
          END AS plan1,
          src.start_m + ${r.geometric(unresolvedComplaint.monthlyRate, 'unresolved', ...key)} AS unres_m,
          src.start_m + ${r.geometric(unsatisfiedComplaint.monthlyRate, 'unsatisfied', ...key)} AS unsat_m,
          src.start_m + 1 + ${r.geometric(disengagement.monthlyRate, 'onset', ...key)} AS onset_m,
          ${r.u('campaignSample', ...key)} AS u_sample, ${r.u('campaignGroup', sql`n`)} AS u_group
        FROM (${lives}) src
      ) y
    ) x LEFT JOIN demo_months cm ON cm.m = x.change_m`;
}

/** Second lives: churners who come back after a gap, on the plan they left with. */
function reactivations(ctx: DemoContext): Sql {
  const { r } = ctx;
  const re = DEMO_PARAMS.reactivation;
  return sql`
    SELECT x.*, ${r.within(sql`mo.ms_s`, sql`mo.me_s`, 'reactivateAt', sql`x.n`)} AS start_s
    FROM (
      SELECT n, 2 AS life, ${CARRIED},
        e.end_m + ${re.minGap} + ${r.geometric(re.monthlyRate, 'reactivateGap', sql`n`)} AS start_m,
        CASE WHEN l.change_s < e.end_s THEN l.plan1 ELSE l.plan0 END AS plan0
      FROM demo_lives l JOIN demo_ends e USING (n, life)
      WHERE life = 1 AND ${r.u('reactivate', sql`n`)} < ${lookup(sql`e.category`, re.share)}
    ) x JOIN demo_months mo ON mo.m = x.start_m`;
}

/**
 * The monthly hazard's multipliers for life l in month g.m (see the header of params.ts), for a life in the
 * campaign arm `arm` (by default its own: planted-effect.ts asks for both arms of every member).
 */
export function multipliers(ctx: DemoContext, arm: Sql = sql`l.campaign_group`): Sql {
  const { cal } = ctx;
  const c = DEMO_PARAMS.churn;
  const u = c.unsatisfiedComplaint;
  const m = sql`g.m`;
  const when = (cond: Sql, factor: number) => sql`CASE WHEN ${cond} THEN ${factor} ELSE 1 END`;
  const priceWindow = during(m, cal.priceRise, cal.priceRise + c.priceRise.months);
  const promotion = during(m, cal.competitorFrom, cal.competitorTo);
  const campaign = during(m, cal.campaignFrom, cal.campaignTo);
  const { effect } = DEMO_PARAMS.campaign;
  return sql`
    ${lookup(sql`l.contract`, c.baseHazard)} AS base,
    ${when(sql`${m} - l.start_m <= ${c.early.months}`, c.early.multiplier)} AS early,
    ${when(sql`l.affected AND ${priceWindow}`, c.priceRise.multiplier)} AS price,
    ${when(sql`${m} > l.unres_m`, c.unresolvedComplaint.multiplier)} AS mf,
    ${when(sql`${m} > l.onset_m`, c.disengagement.multiplier)} AS diseng,
    ${when(sql`l.region = ${c.competitor.region} AND ${promotion}`, c.competitor.multiplier)} AS mc,
    CASE WHEN ${arm} = 'treatment' AND ${campaign}
      THEN 1 - ${lookup(sql`${sql.id('l', effect.dimension)}`, effect.hazardReduction)} ELSE 1 END AS camp,
    ${when(sql`l.rt_outcome = 'saved' AND ${m} >= l.rt_m + ${c.saved.lagMonths}`, 1 - c.saved.hazardReduction)} AS saved,
    CASE WHEN ${m} >= l.unsat_m + ${u.lagMonths} AND ${m} < l.unsat_m + ${u.lagMonths + u.months}
      THEN ${u.hazard} ELSE 0 END AS retaliation`;
}

/** A month's retaliatory, involuntary and voluntary hazards from its multipliers' columns. */
export const HAZARDS = sql`retaliation * frac AS h_ret, ${DEMO_PARAMS.churn.involuntaryHazard} * frac AS h_inv,
  least(${DEMO_PARAMS.churn.cap}, base * early * price * mf * diseng * mc * camp * saved) * frac AS h_vol`;

/**
 * The churn month of each life: the first month after the start where u < retaliatory + involuntary +
 * voluntary hazard. The same uniform then picks the kind and category: below the retaliatory part it is the
 * planted retaliatory churn after an unsatisfied complaint, then the involuntary part by its shares, then,
 * rescaled, the voluntary categories: the excess of the competitor multiplier (mc) is competitive, that of
 * unresolved complaints (mf) is fault.
 */
function churnOf(ctx: DemoContext, life: number): Sql {
  const { r } = ctx;
  const c = DEMO_PARAMS.churn;
  const w = sql`((u - h_ret - h_inv) / h_vol)`;
  return sql`
    SELECT n, life, m AS end_m, ${r.within(sql`ms_s + 1`, sql`me_s`, 'churnAt', sql`n`, sql`life`)} AS end_s,
      CASE WHEN u < h_ret + h_inv THEN 'involuntary' ELSE 'voluntary' END AS kind,
      CASE WHEN u < h_ret THEN 'retaliatory'
        WHEN u < h_ret + h_inv THEN ${pick(sql`((u - h_ret) / h_inv)`, c.involuntaryShares)}
        WHEN ${w} < p_comp THEN 'competitive' WHEN ${w} < p_comp + p_fault THEN 'fault' ELSE 'natural' END AS category,
      mc > 1 AS promo, u < h_ret AS retaliated
    FROM (
      SELECT *, 1 - 1 / mc + ${c.voluntaryShares.competitive} / (mc * mf) AS p_comp,
        (1 - 1 / mf) / mc + ${c.voluntaryShares.fault} / (mc * mf) AS p_fault
      FROM (
        SELECT *, ${HAZARDS}
        FROM (
          SELECT l.n, l.life, g.m, mo.ms_s, mo.me_s, mo.frac, ${r.u('churn', sql`l.n`, sql`l.life`, sql`g.m`)} AS u,
            ${multipliers(ctx)}
          FROM demo_lives l, range(l.start_m + 1, ${ctx.months}) g(m), demo_months mo
          WHERE mo.m = g.m AND l.life = ${life}
        )
      )
    )
    WHERE u < h_ret + h_inv + h_vol
    QUALIFY row_number() OVER (PARTITION BY n ORDER BY m) = 1`;
}
