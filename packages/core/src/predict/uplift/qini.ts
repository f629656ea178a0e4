/**
 * Qini curves and coefficients (Radcliffe 2007, "Using control groups to target on predicted lift", §6.1–6.2).
 * Members of a randomised campaign are ordered by a score, most promising first; after the top k of them the
 * incremental number of customers kept is
 *
 *   Q(k) = R_t(k) − R_c(k) · N_t(k) / N_c(k)
 *
 * with R the customers retained and N the members of each arm among the top k. With retained = not churned this
 * is C_c(k) · N_t(k) / N_c(k) − C_t(k), C counting churners: churn prevented by treating the top k. While no
 * control member is among the top k the ratio is taken as 0 (Q = R_t), as scikit-uplift's `qini_curve` does, so
 * the figures agree with that package. The curve is Q(k) ÷ N over the share k ÷ N targeted; random targeting is
 * the straight line to Q(N) ÷ N. The Qini coefficient is the area between the curve and that line (trapezoids
 * over the members, members with equal scores taken together so ties are not ordered by accident); `normalized`
 * divides it by the coefficient of the ordering that knows the outcomes (treated retained first, control retained
 * last: scikit-uplift's `perfect_qini_curve`, which its `qini_auc_score` divides by).
 */

export interface QiniPoint {
  /** Share of the members targeted, 0 to 1. */
  share: number;
  /** Churners saved per member: Q(k) ÷ N. */
  gain: number;
}

export interface Qini {
  coefficient: number;
  normalized: number | null;
  /** The curve at `points` evenly spaced shares (linear between members). */
  curve: QiniPoint[];
}

/** Arms and outcomes of the members a curve is drawn over: treated (1) or control (0), churned (1) or not (0). */
export interface QiniData {
  treated: ArrayLike<number>;
  churned: ArrayLike<number>;
}

/** The curve at every boundary between groups of equal scores, from (0, 0) to (1, Q(N) ÷ N). */
function fullCurve(score: ArrayLike<number>, d: QiniData): QiniPoint[] {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  const out: QiniPoint[] = [{ share: 0, gain: 0 }];
  let [nt, nc, ct, cc] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    if (d.treated[r] === 1) {
      nt++;
      ct += d.churned[r]!;
    } else {
      nc++;
      cc += d.churned[r]!;
    }
    const next = order[i + 1];
    if (next !== undefined && score[next] === score[r]) continue;
    const q = nc > 0 ? (cc * nt) / nc - ct : nt - ct;
    out.push({ share: (i + 1) / n, gain: q / n });
  }
  return out;
}

/** Area between a curve and the straight line from (0, 0) to its end. */
function areaAboveRandom(curve: QiniPoint[]): number {
  const end = curve.at(-1)!.gain;
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    const [a, b] = [curve[i - 1]!, curve[i]!];
    area += ((a.gain - a.share * end + b.gain - b.share * end) / 2) * (b.share - a.share);
  }
  return area;
}

/** The curve read at `points` evenly spaced shares. */
function sample(curve: QiniPoint[], points: number): QiniPoint[] {
  let j = 1;
  return Array.from({ length: points }, (_, i) => {
    const share = i / (points - 1);
    while (j < curve.length - 1 && curve[j]!.share < share) j++;
    const [a, b] = [curve[j - 1]!, curve[j]!];
    const w = b.share > a.share ? Math.min(1, Math.max(0, (share - a.share) / (b.share - a.share))) : 1;
    return { share, gain: a.gain + w * (b.gain - a.gain) };
  });
}

/**
 * The Qini curve and coefficient of `score` (higher = target first) over the members.
 *
 * @example
 * qini(Float64Array.of(0.3, 0.1), { treated: [1, 0], churned: [0, 1] }).coefficient;
 */
export function qini(score: ArrayLike<number>, d: QiniData, points = 51): Qini {
  const curve = fullCurve(score, d);
  const coefficient = areaAboveRandom(curve);
  const best = Float64Array.from({ length: score.length }, (_, i) => {
    const retained = 1 - d.churned[i]!;
    return d.treated[i] === 1 ? retained : -retained;
  });
  const top = areaAboveRandom(fullCurve(best, d));
  return { coefficient, normalized: top > 0 ? coefficient / top : null, curve: sample(curve, points) };
}

/** Random targeting: the straight line to the same end, coefficient 0. */
export function randomQini(d: QiniData, points = 51): Qini {
  const end = qini(new Float64Array(d.treated.length), d, 2).curve[1]!.gain;
  const curve = Array.from({ length: points }, (_, i) => ({ share: i / (points - 1), gain: (i / (points - 1)) * end }));
  return { coefficient: 0, normalized: 0, curve };
}
