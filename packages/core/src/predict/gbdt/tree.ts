/**
 * One regression tree on gradients, grown depth by depth (XGBoost's `depthwise` policy): at each level every
 * node's best split is found from its histogram, the rows are partitioned in place, and the histograms of
 * the next level are built in one parallel call, the smaller child of each split only (the larger is its
 * parent minus it). A leaf's value is −η G/(H + λ) (Chen & Guestrin 2016, eq. 5, shrunk by the learning rate).
 *
 * Trees are plain data (`Tree`): thresholds on raw values and category names, so a saved model needs no bins
 * to be read, explained or printed as SQL; `compileTree` turns one back into lookup tables over bins.
 */
import { BINS, type FeatureBins, numericBin, OTHER } from './bin.ts';
import type { HistogramPool } from './histogram.ts';
import { bestSplit, type SplitParams, splitLut } from './split.ts';

/** A tree as arrays indexed by node; node 0 is the root and leaves have left = right = −1. */
export interface Tree {
  feature: number[];
  /** Numeric splits: x ≤ threshold goes left. Null on leaves and categorical splits. */
  threshold: (number | null)[];
  /** Categorical splits: these categories go left, all others right. */
  categories: (string[] | null)[];
  /** Where a missing value goes. */
  defaultLeft: boolean[];
  left: number[];
  right: number[];
  /** Leaf values on the margin (log-odds) scale, learning rate applied; 0 on internal nodes. */
  value: number[];
  /** Training rows that reached the node: the weights of TreeSHAP's conditional expectations. */
  cover: number[];
  /** Loss reduction of the split; 0 on leaves. */
  gain: number[];
}

export interface GrowParams extends SplitParams {
  maxDepth: number;
  /** 0 = no limit beyond the depth. */
  maxLeaves: number;
  learningRate: number;
}

/** The training state a tree is grown over; `rows` must hold 0..n−1 (any order) and is partitioned in place. */
export interface GrowContext {
  pool: HistogramPool;
  /** Bins column by column (feature f at f · n), for partitioning. */
  columns: Uint8Array;
  F: number;
  rows: Uint32Array;
  scratch: Uint32Array;
  bins: FeatureBins[];
  n: number;
}

interface Open {
  id: number;
  start: number;
  end: number;
  hist: Float64Array;
  G: number;
  H: number;
}

/** A leaf and the row range (in ctx.rows) that ends in it. */
export interface LeafRange {
  start: number;
  end: number;
  value: number;
}

/** Grow one tree; returns it with the rows of each leaf, so the caller updates margins without traversal. */
export async function growTree(ctx: GrowContext, p: GrowParams): Promise<{ tree: Tree; leaves: LeafRange[] }> {
  const tree: Tree = {
    feature: [],
    threshold: [],
    categories: [],
    defaultLeft: [],
    left: [],
    right: [],
    value: [],
    cover: [],
    gain: [],
  };
  const add = (count: number) => {
    tree.feature.push(-1);
    tree.threshold.push(null);
    tree.categories.push(null);
    tree.defaultLeft.push(false);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    tree.cover.push(count);
    tree.gain.push(0);
    return tree.feature.length - 1;
  };
  const leaves: LeafRange[] = [];
  const close = (o: Open) => {
    const v = (-p.learningRate * o.G) / (o.H + p.lambda);
    tree.value[o.id] = v;
    leaves.push({ start: o.start, end: o.end, value: v });
  };
  const [rootHist] = await ctx.pool.build([{ start: 0, end: ctx.n }]);
  let level: Open[] = [{ id: add(ctx.n), start: 0, end: ctx.n, hist: rootHist!, ...totals(rootHist!) }];
  let leafCount = 1;
  for (let depth = 0; depth < p.maxDepth && level.length; depth++) {
    const candidates = level
      .map((o) => ({ o, s: bestSplit(o.hist, o.G, o.H, ctx.bins, p) }))
      .sort((a, b) => (b.s?.gain ?? -1) - (a.s?.gain ?? -1));
    const next: Open[] = [];
    const pairs: { small: Open; large: Open; parent: Float64Array }[] = [];
    for (const { o, s } of candidates) {
      if (!s || (p.maxLeaves > 0 && leafCount >= p.maxLeaves)) {
        close(o);
        continue;
      }
      leafCount++;
      const mid = partition(ctx, o.start, o.end, s.feature, s.lut);
      const f = s.feature;
      const b = ctx.bins[f]!;
      tree.feature[o.id] = f;
      tree.gain[o.id] = s.gain;
      tree.defaultLeft[o.id] = s.defaultLeft;
      if (b.kind === 'numeric') tree.threshold[o.id] = b.cuts[s.threshold - 1] ?? null;
      else tree.categories[o.id] = s.left.map((c) => b.categories[c - 1]!);
      const left: Open = { id: add(mid - o.start), start: o.start, end: mid, hist: o.hist, G: s.GL, H: s.HL };
      const right: Open = { id: add(o.end - mid), start: mid, end: o.end, hist: o.hist, G: o.G - s.GL, H: o.H - s.HL };
      tree.left[o.id] = left.id;
      tree.right[o.id] = right.id;
      const leftSmaller = mid - o.start <= o.end - mid;
      pairs.push({ small: leftSmaller ? left : right, large: leftSmaller ? right : left, parent: o.hist });
      next.push(left, right);
    }
    level = next;
    // Children at the last depth become leaves: their values come from the split's G and H, no histogram needed.
    if (depth + 1 === p.maxDepth) break;
    const built = await ctx.pool.build(pairs.map((q) => q.small));
    pairs.forEach((q, i) => {
      const small = built[i]!;
      // The parent's histogram is not needed any more: it becomes the larger child's, in place.
      for (let j = 0; j < q.parent.length; j++) q.parent[j]! -= small[j]!;
      q.small.hist = small;
      q.large.hist = q.parent;
    });
  }
  for (const o of level) close(o);
  return { tree, leaves };
}

function totals(hist: Float64Array): { G: number; H: number } {
  let G = 0;
  let H = 0;
  // Every row is in exactly one bin of feature 0.
  for (let b = 0; b < BINS; b++) {
    G += hist[2 * b]!;
    H += hist[2 * b + 1]!;
  }
  return { G, H };
}

/** Stable in-place partition of rows[start..end) by lut[bin of feature f]; returns where the right part starts. */
function partition(ctx: GrowContext, start: number, end: number, f: number, lut: Uint8Array): number {
  const { rows, scratch, n } = ctx;
  const col = ctx.columns.subarray(f * n, (f + 1) * n);
  let l = start;
  let r = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    if (lut[col[row]!]) rows[l++] = row;
    else scratch[r++] = row;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

/** A tree as lookup tables over bins: node k sends bin b left when lut[k · 256 + b] = 1. */
export interface CompiledTree {
  feature: Int32Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  lut: Uint8Array;
}

/** Compile a tree against the bins of the frame it will read. */
export function compileTree(t: Tree, bins: FeatureBins[]): CompiledTree {
  const n = t.feature.length;
  const lut = new Uint8Array(n * BINS);
  for (let k = 0; k < n; k++) {
    const f = t.feature[k]!;
    if (f < 0) continue;
    const b = bins[f]!;
    const defaultLeft = t.defaultLeft[k]!;
    const threshold = b.kind === 'numeric' ? numericBin(b.cuts, t.threshold[k]!) : 0;
    const index = b.kind === 'categorical' ? new Map(b.categories.map((c, i) => [c, i + 1])) : null;
    const left = (t.categories[k] ?? []).map((c) => index?.get(c) ?? OTHER).filter((c) => c !== OTHER);
    lut.set(splitLut(b, { threshold, left, defaultLeft }), k * BINS);
  }
  return {
    feature: Int32Array.from(t.feature),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: Float64Array.from(t.value),
    lut,
  };
}

/** The leaf a binned row (bins at data[base..base + F)) ends in. */
export function leafOf(c: CompiledTree, data: Uint8Array, base: number): number {
  let k = 0;
  while (c.left[k]! >= 0) k = c.lut[k * BINS + data[base + c.feature[k]!]!] ? c.left[k]! : c.right[k]!;
  return k;
}
