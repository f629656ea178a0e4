/**
 * How good a churn score is, on labelled rows: ROC AUC (the Mann–Whitney statistic with tied scores counted
 * half, Hanley & McNeil 1982), PR AUC as average precision (the step-wise area of scikit-learn's
 * average_precision_score), log loss and Brier score of the probabilities, lift and capture in the riskiest
 * 10 %, and a reliability curve (ten equal-width bins of predicted probability, as sklearn's calibration_curve).
 */

export interface CalibrationBin {
  /** Lower edge of the bin of predicted probability. */
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** A point of the ROC, precision–recall and lift curves: everyone with a probability at or above `threshold` flagged. */
export interface CurvePoint {
  /** Customers with a churn probability at or above this are flagged. */
  threshold: number;
  /** Share of all customers flagged. */
  share: number;
  /** True and false positive rates (ROC). */
  tpr: number;
  fpr: number;
  /** Churn rate among the flagged (null when none are); recall is `tpr`. */
  precision: number | null;
  /** Precision ÷ the overall churn rate (null when none are flagged); capture is `tpr`. */
  lift: number | null;
}

/** Curve points kept per evaluation: every distinct score up to this many, else at least this many (scoreCurve). */
export const CURVE_POINTS = 100;

export interface Evaluation {
  rows: number;
  churned: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  /** Churn rate in the top decile ÷ overall churn rate. */
  liftAt10: number;
  /** Share of all churners found in the top decile. */
  captureAt10: number;
  calibration: CalibrationBin[];
  /** ROC, precision–recall and lift points (runs stored before it was kept lack it: see report.ts). */
  curve?: CurvePoint[];
}

/** Row indices ordered by descending score (stable for ties). */
const byScoreDesc = (p: ArrayLike<number>) =>
  Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b]! - p[a]!);

/**
 * ROC AUC with ties counted half.
 *
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = byScoreDesc(p).reverse();
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && p[order[j]!] === p[order[i]!]) j++;
    const rank = (i + 1 + j) / 2; // average 1-based rank of the tied run
    for (let k = i; k < j; k++) {
      if (!y[order[k]!]) continue;
      rankSum += rank;
      pos++;
    }
    i = j;
  }
  const neg = order.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Average precision: Σ (recall_k − recall_{k−1}) · precision_k over distinct score thresholds.
 *
 * @example
 * prAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.8333…
 */
export function prAuc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = byScoreDesc(p);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += y[i]! ? 1 : 0;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let hits = 0;
    while (j < order.length && p[order[j]!] === p[order[i]!]) hits += y[order[j++]!] ? 1 : 0;
    tp += hits;
    seen = j;
    ap += (hits / total) * (tp / seen);
    i = j;
  }
  return ap;
}

/**
 * Curve points from the highest score down, one after each run of tied scores: all of them when there are at
 * most `max` distinct scores, else after every k-th run with k = ⌊distinct / max⌋, so a curve has at least
 * min(distinct scores, max) points and fewer than 2·max, always ending where everyone is flagged.
 *
 * @example
 * scoreCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).map((c) => c.tpr); // [0.5, 0.5, 1, 1]
 */
export function scoreCurve(p: ArrayLike<number>, y: ArrayLike<number>, max = CURVE_POINTS): CurvePoint[] {
  const order = byScoreDesc(p);
  const n = order.length;
  let positives = 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    positives += y[i]! ? 1 : 0;
    if (i === 0 || p[order[i]!] !== p[order[i - 1]!]) distinct++;
  }
  const negatives = n - positives;
  const rate = positives / n;
  const every = Math.max(1, Math.floor(distinct / max));
  const points: CurvePoint[] = [];
  let tp = 0;
  for (let i = 0, run = 0; i < n; run++) {
    const threshold = p[order[i]!]!;
    while (i < n && p[order[i]!] === threshold) tp += y[order[i++]!] ? 1 : 0;
    if ((run + 1) % every !== 0 && i < n) continue;
    points.push({
      threshold,
      share: i / n,
      tpr: positives ? tp / positives : 0,
      fpr: negatives ? (i - tp) / negatives : 0,
      precision: tp / i,
      lift: rate ? tp / i / rate : null,
    });
  }
  return points;
}

/**
 * Every measure of a probability vector against 0/1 labels.
 *
 * @example
 * evaluate(Float64Array.of(0.1, 0.4, 0.35, 0.8), Float64Array.of(0, 0, 1, 1)).rocAuc; // 0.75
 */
export function evaluate(p: Float64Array, y: Float64Array): Evaluation {
  const n = p.length;
  let churned = 0;
  let ll = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const q = Math.min(Math.max(p[i]!, 1e-15), 1 - 1e-15);
    churned += y[i]!;
    ll -= y[i]! ? Math.log(q) : Math.log(1 - q);
    brier += (p[i]! - y[i]!) ** 2;
  }
  const top = Math.ceil(n / 10);
  const order = byScoreDesc(p);
  let caught = 0;
  for (let k = 0; k < top; k++) caught += y[order[k]!]!;
  const calibration: CalibrationBin[] = Array.from({ length: 10 }, (_, b) => ({
    from: b / 10,
    to: (b + 1) / 10,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }));
  for (let i = 0; i < n; i++) {
    const bin = calibration[Math.min(9, Math.floor(p[i]! * 10))]!;
    bin.count++;
    bin.meanPredicted += p[i]!;
    bin.observedRate += y[i]!;
  }
  for (const bin of calibration) {
    if (!bin.count) continue;
    bin.meanPredicted /= bin.count;
    bin.observedRate /= bin.count;
  }
  return {
    rows: n,
    churned,
    rocAuc: rocAuc(p, y),
    prAuc: prAuc(p, y),
    logLoss: ll / n,
    brier: brier / n,
    liftAt10: caught / top / (churned / n),
    captureAt10: caught / churned,
    calibration,
    curve: scoreCurve(p, y),
  };
}
