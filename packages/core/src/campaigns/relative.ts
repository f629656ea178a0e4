/**
 * The relative reduction of churn, 1 − p_t / p_c, with the interval of the log risk ratio (Katz et al. 1978):
 * log(p_t / p_c) ± z·√(1/x_t − 1/n_t + 1/x_c − 1/n_c), mapped through 1 − exp(·). Undefined (null) when the
 * control arm had no churn; with no treated churn the lower end of the ratio is 0 (a reduction up to 100 %) and
 * the interval uses ½ for the zero count (the usual continuity correction).
 */
import type { Estimate } from '../stats/newcombe.ts';

export interface Nullable {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

const Z95 = 1.959963984540054;

export function relativeReduction(xt: number, nt: number, xc: number, nc: number): Nullable {
  if (!(xc > 0 && nt > 0 && nc > 0)) return { estimate: null, lower: null, upper: null };
  const estimate = 1 - xt / nt / (xc / nc);
  const x = xt > 0 ? xt : 0.5;
  const log = Math.log(x / nt / (xc / nc));
  const se = Math.sqrt(1 / x - 1 / nt + 1 / xc - 1 / nc);
  return { estimate, lower: 1 - Math.exp(log + Z95 * se), upper: 1 - Math.exp(log - Z95 * se) };
}

/** An estimate with every part possibly null, from one whose parts are numbers. */
export const nullable = (e: Estimate): Nullable => ({ estimate: e.estimate, lower: e.lower, upper: e.upper });
