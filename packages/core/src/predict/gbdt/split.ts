/**
 * The best split of a node from its histogram. With G, H the sums of gradients and hessians and λ the L2
 * penalty on leaf values, a leaf's optimal value is −G/(H + λ) and a split's gain is
 *   ½ [G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)] − γ          (Chen & Guestrin 2016, eq. 7).
 * Numeric features try every cut between bins, with the missing bin sent left and then right; the better
 * direction becomes the node's default for missing values (XGBoost's sparsity-aware split, Algorithm 3).
 * Categorical features are split natively: categories are ordered by G/(H + smoothing) and the best prefix of
 * that order goes left. For a convex loss the optimal two-way partition of categories is contiguous in that
 * order (Fisher 1958, "On grouping for maximum homogeneity"; used by LightGBM, Ke et al. 2017).
 */
import { BINS, binCount, type FeatureBins, MISSING, OTHER } from './bin.ts';

export interface SplitParams {
  /** L2 penalty on leaf values (λ). */
  lambda: number;
  /** Minimum gain to split (γ). */
  gamma: number;
  /** Minimum hessian sum in each child. */
  minChildWeight: number;
  /** Added to H when ordering categories, so a rare category does not lead the order by chance. */
  catSmooth: number;
}

export interface Split {
  gain: number;
  feature: number;
  /** Numeric: bins 1..threshold go left. */
  threshold: number;
  /** Categorical: the bins that go left. */
  left: number[];
  defaultLeft: boolean;
  /** lut[bin] = 1 when a row in that bin goes left: one rule for numeric, categorical and missing. */
  lut: Uint8Array;
  GL: number;
  HL: number;
}

/** The best split over every feature, or null when none gains more than γ within the child-weight limits. */
export function bestSplit(hist: Float64Array, G: number, H: number, bins: FeatureBins[], p: SplitParams): Split | null {
  const parent = (G * G) / (H + p.lambda);
  let best: Split | null = null;
  /** `order.slice(0, k)` goes left for a categorical split. */
  let order: number[] = [];
  let k = 0;
  const consider = (
    f: number,
    GL: number,
    HL: number,
    defaultLeft: boolean,
    threshold: number,
    cats?: number[],
    n = 0,
  ) => {
    const HR = H - HL;
    if (HL < p.minChildWeight || HR < p.minChildWeight) return;
    const GR = G - GL;
    const gain = 0.5 * ((GL * GL) / (HL + p.lambda) + (GR * GR) / (HR + p.lambda) - parent) - p.gamma;
    if (gain > 1e-12 && (!best || gain > best.gain)) {
      best = { gain, feature: f, threshold, left: [], defaultLeft, lut: new Uint8Array(0), GL, HL };
      order = cats ?? [];
      k = n;
    }
  };
  bins.forEach((b, f) => {
    const o = f * BINS * 2;
    const gm = hist[o + 2 * MISSING]!;
    const hm = hist[o + 2 * MISSING + 1]!;
    const hasMissing = hm > 0;
    let gl = 0;
    let hl = 0;
    if (b.kind === 'numeric') {
      const last = binCount(b) - 1;
      for (let t = 1; t <= last; t++) {
        gl += hist[o + 2 * t]!;
        hl += hist[o + 2 * t + 1]!;
        // All value bins left leaves only missing values right: a split only when there are some.
        if (t < last || hasMissing) consider(f, gl, hl, false, t);
        if (hasMissing) consider(f, gl + gm, hl + hm, true, t);
      }
      return;
    }
    const present: number[] = [];
    for (let c = 1; c < OTHER; c++) if (hist[o + 2 * c + 1]! > 0) present.push(c);
    const ratio = (c: number) => hist[o + 2 * c]! / (hist[o + 2 * c + 1]! + p.catSmooth);
    present.sort((a, c) => ratio(a) - ratio(c));
    // The other-categories bin always goes right, so every known category may go left only when it has rows.
    const rightHasMore = hasMissing || hist[o + 2 * OTHER + 1]! > 0;
    for (let n = 1; n <= present.length; n++) {
      const c = present[n - 1]!;
      gl += hist[o + 2 * c]!;
      hl += hist[o + 2 * c + 1]!;
      if (n < present.length || rightHasMore) consider(f, gl, hl, false, 0, present, n);
      if (hasMissing) consider(f, gl + gm, hl + hm, true, 0, present, n);
    }
  });
  if (!best) return null;
  const s = best as Split;
  s.left = order.slice(0, k).sort((a, c) => a - c);
  s.lut = splitLut(bins[s.feature]!, s);
  // Missing values unseen in training follow the heavier child.
  if (hist[s.feature * BINS * 2 + 1]! === 0) {
    s.defaultLeft = s.HL >= H - s.HL;
    s.lut[MISSING] = s.defaultLeft ? 1 : 0;
  }
  return s;
}

/** The lookup table of a split: which bins go left. */
export function splitLut(b: FeatureBins, s: Pick<Split, 'threshold' | 'left' | 'defaultLeft'>): Uint8Array {
  const lut = new Uint8Array(BINS);
  if (b.kind === 'numeric') for (let t = 1; t <= s.threshold; t++) lut[t] = 1;
  else for (const c of s.left) lut[c] = 1;
  lut[MISSING] = s.defaultLeft ? 1 : 0;
  return lut;
}
