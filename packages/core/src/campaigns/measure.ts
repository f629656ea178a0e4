/**
 * Measure a campaign (docs/campaigns.md): intention-to-treat by default — every member as assigned — or
 * per-protocol, the treated members the treatment reached against the whole control arm. Churn within the
 * window per arm with the absolute reduction (Newcombe's hybrid score interval) and its p-value, the relative
 * reduction, Kaplan–Meier per arm with the log-rank test, retained MRR and revenue with bootstrap intervals,
 * CUPED beside the unadjusted primary metric, the sample-ratio check, and the money. While the window has not
 * elapsed every figure is interim and says so, with the days remaining.
 */
import type { Measurement } from '../api/campaigns.ts';
import { tenureError } from '../errors.ts';
import { pickBasis } from '../metrics/query.ts';
import { curveAt } from '../models/kaplan-meier/grid.ts';
import { kaplanMeier } from '../models/kaplan-meier/kaplan-meier.ts';
import { logRank } from '../models/kaplan-meier/log-rank.ts';
import { sql } from '../sql/sql.ts';
import { bootstrapMeanDifference } from '../stats/bootstrap.ts';
import { cuped } from '../stats/cuped.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { twoProportionTest } from '../stats/proportions-test.ts';
import { sampleRatioMismatch } from '../stats/srm.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { campaignClock } from './clock.ts';
import { saveValue } from './clv.ts';
import { ARMS, type ArmData, CUPED_COLUMNS, measureData } from './measure-data.ts';
import { campaignMoney } from './money.ts';
import { nullable, relativeReduction } from './relative.ts';
import { getCampaign } from './store.ts';
import { interimWarning, srmWarning } from './warnings.ts';

export interface MeasureOptions {
  view?: 'itt' | 'per_protocol';
  /** YYYY-MM-DD: measure as of the end of that day; the campaign clock (the data's end) when absent. */
  as_of?: string;
}

const DAY = 86_400_000;
const day = (t: string) => t.slice(0, 10);
const ms = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`);

/** Members assigned twice (in both arms) make every figure meaningless: refused, with how many and one of them. */
async function checkAssignedOnce(ws: Workspace, id: string): Promise<void> {
  const [r] = await ws.db.all<{ n: number; example: string | null }>(sql`SELECT CAST(count(*) AS DOUBLE) AS n,
      min(customer_id) AS example
    FROM (SELECT customer_id FROM campaign_members WHERE campaign_id = ${id} GROUP BY customer_id HAVING count(*) > 1) d`);
  if (r?.n) throw tenureError('TEN_CAMPAIGN_TWICE_ASSIGNED', { id, customers: r.n, example: r.example ?? '' });
}

/** The Kaplan–Meier curve of an arm read at whole days 0 … window (at most 366 points). */
function curve(a: ArmData, windowDays: number) {
  const step = Math.max(1, Math.ceil(windowDays / 365));
  const times = Array.from({ length: Math.floor(windowDays / step) + 1 }, (_, i) => i * step);
  return curveAt(kaplanMeier(a.patterns).table, times).map((p) => ({
    day: p.time,
    survival: p.survival,
    lower: p.lower,
    upper: p.upper,
  }));
}

/**
 * Measure one campaign.
 * @example const m = await measureCampaign(ws, 'RET-01'); m.churn.absolute_reduction // { estimate, lower, upper }
 */
export async function measureCampaign(ws: Workspace, id: string, o: MeasureOptions = {}): Promise<Measurement> {
  const c = await getCampaign(ws, id);
  if (c.status === 'draft') throw tenureError('TEN_CAMPAIGN_NOT_LAUNCHED', { id });
  await checkAssignedOnce(ws, id);
  const view = o.view ?? 'itt';
  if (view === 'per_protocol' && c.delivered === 0) throw tenureError('TEN_CAMPAIGN_NO_DELIVERY', { id });
  for (const arm of ARMS)
    if ((arm === 'treatment' ? c.treatment : c.control) === 0) throw tenureError('TEN_CAMPAIGN_EMPTY_ARM', { id, arm });
  const asOf = o.as_of ? `${o.as_of} 23:59:59` : await campaignClock(ws);
  const launched = c.launched_at ?? c.started_at ?? asOf;
  const W = c.outcome_window_days;
  const basis = await pickBasis(ws.db, 'auto');
  const q = { campaignId: id, asOf, basis, config: ws.config };
  const data = await measureData(ws, q, c.primary_metric, view === 'per_protocol');
  const { treatment: t, control: k } = data;

  const remaining = Math.max(0, Math.ceil((ms(launched) + W * DAY - ms(asOf)) / DAY));
  const reduction = newcombeDifference(k.churned, k.members, t.churned, t.members);
  const test = twoProportionTest(k.churned, k.members, t.churned, t.members);
  const km = logRank(ARMS.map((arm) => ({ group: arm, patterns: data[arm].patterns })));
  const resamples = ws.config.campaigns.bootstrap_resamples;
  const boot = (pick: (a: ArmData) => ArmData['mrrValues'], seed: number) =>
    nullable(bootstrapMeanDifference(pick(t), pick(k), { resamples, seed, level: 0.95 }));
  // CUPED needs a variance per arm: with fewer than two members in an arm (a per-protocol view of a few
  // deliveries) it is left out, not the whole measurement.
  const cu = t.members >= 2 && k.members >= 2 ? cuped(t.moments, k.moments, 0.95) : null;
  const share = 1 - (c.holdout_share ?? ws.config.campaigns.holdout_share);
  const srm = sampleRatioMismatch([c.treatment, c.control], [share, 1 - share]);
  const { clv } = await saveValue(ws, id, k, t, W);
  const contacted = c.delivered > 0 ? c.delivered : c.treatment;
  const money = campaignMoney({
    reduction,
    treated: t.members,
    clv,
    margin: ws.config.gross_margin,
    costPerContact: c.cost_per_contact,
    fixedCost: c.fixed_cost,
    contacted,
  });
  const rate = (a: ArmData) => (a.members ? a.churned / a.members : null);
  const mean = (x: number, a: ArmData) => (a.members ? x / a.members : null);
  const warnings = [
    ...(remaining > 0 ? [interimWarning(remaining, day(asOf))] : []),
    ...(srm.mismatch ? [srmWarning(srm.p, share)] : []),
  ];
  return {
    campaign_id: id,
    view,
    primary_metric: c.primary_metric,
    launched_at: day(launched),
    window_days: W,
    as_of: day(asOf),
    interim: remaining > 0,
    days_remaining: remaining,
    arms: ARMS.map((arm) => {
      const a = data[arm];
      return {
        arm,
        members: a.members,
        churned: a.churned,
        churn_rate: rate(a),
        retained_mrr: mean(a.retainedMrr, a),
        revenue: mean(a.revenue, a),
        orders: mean(a.orders, a),
      };
    }),
    churn: {
      absolute_reduction: nullable(reduction),
      relative_reduction: relativeReduction(t.churned, t.members, k.churned, k.members),
      z: Number.isFinite(test.z) ? test.z : null,
      p_value: Number.isFinite(test.p) ? test.p : null,
    },
    survival: {
      curves: ARMS.map((arm) => ({ arm, points: curve(data[arm], W) })),
      log_rank: km ? { chi_square: km.chiSquare, p_value: km.pValue } : null,
    },
    retained_mrr: boot((a) => a.mrrValues, 1),
    revenue: boot((a) => a.revenueValues, 2),
    cuped: cu && {
      covariate: CUPED_COLUMNS[c.primary_metric].x,
      unadjusted: nullable(cu.unadjusted),
      adjusted: nullable(cu.adjusted),
      theta: cu.theta,
      variance_reduction: cu.varianceReduction,
    },
    srm: { expected_treatment_share: share, chi_square: srm.chi2, p_value: srm.p, mismatch: srm.mismatch },
    money: {
      currency: c.currency,
      clv,
      margin: ws.config.gross_margin,
      cost: c.fixed_cost + c.cost_per_contact * contacted,
      saved: money.saved,
      incremental_profit: money.incrementalProfit,
      roi: money.roi,
      cost_per_saved: money.costPerSaved,
    },
    warnings,
  };
}
