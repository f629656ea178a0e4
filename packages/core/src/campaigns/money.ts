/**
 * What a retention campaign saved and what it cost, with intervals (issue 13, "Money"):
 *
 *   saved                = r × treated                       r = control churn − treatment churn (absolute)
 *   cost                 = fixed cost + cost per contact × contacted
 *   incremental profit   = saved × CLV × margin − cost
 *   ROI                  = incremental profit ÷ cost
 *   cost per saved       = cost ÷ saved
 *
 * Each is a monotone function of r alone (treated, CLV, margin and costs are known, not estimated), so its interval is
 * the image of r's interval (e.g. Newcombe's, stats/newcombe.ts): increasing maps take the bounds in order, cost per
 * saved (decreasing in r where r > 0) takes them swapped. Where the interval of r reaches r ≤ 0 — the campaign may
 * have saved no one — a customer saved may have cost without bound: that bound is null, and so is the estimate when
 * the estimated reduction itself is ≤ 0. ROI is null when the campaign cost nothing (no ratio to a zero cost).
 */
import { tenureError } from '../errors.ts';

export interface Bounds {
  estimate: number;
  lower: number;
  upper: number;
}

/** Bounds of which some may not exist (null: unbounded or undefined, as documented on each field). */
export interface OpenBounds {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface CampaignMoneyInput {
  /** Control churn − treatment churn, absolute, with its interval. */
  reduction: Bounds;
  /** Members of the treatment arm (intention to treat: assigned, whether or not reached). */
  treated: number;
  /** Value of a retained customer (customer lifetime value), in the workspace's currency. */
  clv: number;
  /** Gross margin on that value, as a share (0.6 = 60 %). */
  margin: number;
  costPerContact: number;
  fixedCost: number;
  /** Members actually contacted (the cost is incurred per contact, not per assignment). */
  contacted: number;
}

export interface CampaignMoney {
  saved: Bounds;
  incrementalProfit: Bounds;
  /** null when the cost is 0. */
  roi: OpenBounds;
  /** null where the saved count may be ≤ 0 (see the module comment). */
  costPerSaved: OpenBounds;
  cost: number;
}

/**
 * @example
 * campaignMoney({ reduction: { estimate: 0.04, lower: 0.01, upper: 0.07 }, treated: 9000, clv: 1200, margin: 0.5,
 *   costPerContact: 2, fixedCost: 5000, contacted: 8000 });
 * // saved 360 (90 to 630); cost 21,000; profit 195,000 (33,000 to 357,000); ROI 9.29 (1.57 to 17.0);
 * // cost per saved 58.3 (33.3 to 233.3)
 */
export function campaignMoney(input: CampaignMoneyInput): CampaignMoney {
  const { reduction, treated, clv, margin, costPerContact, fixedCost, contacted } = input;
  const known = { treated, clv, margin, costPerContact, fixedCost, contacted };
  const bad = Object.entries(known).filter(([, v]) => !(Number.isFinite(v) && v >= 0));
  const r = [reduction.lower, reduction.estimate, reduction.upper];
  if (bad.length > 0 || !r.every(Number.isFinite) || !(r[0]! <= r[1]! && r[1]! <= r[2]!)) {
    // Campaign settings are validated where a campaign is created; reaching here is a caller's bug.
    throw tenureError('TEN_INTERNAL', { detail: `campaignMoney: bad input ${JSON.stringify(input)}` });
  }
  const cost = fixedCost + costPerContact * contacted;
  const increasing = (f: (x: number) => number): Bounds => ({
    estimate: f(reduction.estimate),
    lower: f(reduction.lower),
    upper: f(reduction.upper),
  });
  const saved = increasing((x) => x * treated);
  const incrementalProfit = increasing((x) => x * treated * clv * margin - cost);
  const roi: OpenBounds =
    cost > 0
      ? {
          estimate: incrementalProfit.estimate / cost,
          lower: incrementalProfit.lower / cost,
          upper: incrementalProfit.upper / cost,
        }
      : { estimate: null, lower: null, upper: null };
  const perSaved = (s: number) => (s > 0 ? cost / s : null);
  return {
    saved,
    incrementalProfit,
    roi,
    // Decreasing in saved: the lower bound comes from the most saved.
    costPerSaved: { estimate: perSaved(saved.estimate), lower: perSaved(saved.upper), upper: perSaved(saved.lower) },
    cost,
  };
}
