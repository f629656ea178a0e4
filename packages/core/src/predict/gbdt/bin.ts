/**
 * Quantile binning (the "hist" method of LightGBM, Ke et al. 2017 §2, and XGBoost, Chen & Guestrin 2016 §3.3):
 * each feature becomes at most 256 bins held in one byte, so a tree only ever scans 256 candidate splits per
 * feature and the data fits in n × F bytes. Bin 0 is "missing" in every feature, which is how a split learns a
 * default direction for missing values.
 *
 * Numeric: bin(x) = 1 + #{cuts < x}, so "bin ≤ t" ⇔ "x ≤ cuts[t − 1]": a split on bins is exactly a split on
 * raw values at a cut, which lets the same tree run on raw columns in SQL (to-sql.ts).
 * Categorical: bin = 1 + the category's index; categories beyond the 254 most frequent, and categories never
 * seen in training, share the last bin (255), which no split sends left on its own.
 */
import type { Column, Frame } from '../frame.ts';

export type FeatureBins = { kind: 'numeric'; cuts: number[] } | { kind: 'categorical'; categories: string[] };

export const BINS = 256;
export const MISSING = 0;
/** The bin of categories outside the learned list. */
export const OTHER = 255;
const MAX_CUTS = 254;
/** Quantiles come from a systematic sample of this many rows: sorting 1M rows per feature costs more than it buys. */
const SAMPLE = 200_000;

/** A binned frame: row-major bytes (row r, feature f at r·F + f), so one row's bins share a cache line. */
export interface Binned {
  rows: number;
  F: number;
  data: Uint8Array;
  /** The same bins column by column, when asked for. */
  columns?: Uint8Array;
}

/**
 * Learn each feature's bins from a (training) frame.
 *
 * @example
 * fitBins({ rows: 3, features: [{ name: 'x', kind: 'numeric' }], columns: [Float64Array.of(1, 2, NaN)] });
 * // [{ kind: 'numeric', cuts: [1] }]   (1 → bin 1, 2 → bin 2, NaN → bin 0)
 */
export function fitBins(frame: Frame): FeatureBins[] {
  const step = Math.max(1, Math.ceil(frame.rows / SAMPLE));
  return frame.columns.map((col) => (col instanceof Float64Array ? numericCuts(col, step) : categories(col)));
}

function numericCuts(col: Float64Array, step: number): FeatureBins {
  const sample = new Float64Array(Math.ceil(col.length / step));
  let m = 0;
  for (let i = 0; i < col.length; i += step) if (!Number.isNaN(col[i]!)) sample[m++] = col[i]!;
  const sorted = sample.subarray(0, m).sort();
  const distinct: number[] = [];
  for (let i = 0; i < m && distinct.length <= MAX_CUTS + 1; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  // Few distinct values: one bin each (the largest needs no cut above it).
  if (distinct.length <= MAX_CUTS + 1) return { kind: 'numeric', cuts: distinct.slice(0, -1) };
  const cuts: number[] = [];
  const max = sorted[m - 1]!;
  for (let k = 1; k <= MAX_CUTS; k++) {
    const v = sorted[Math.floor((k * m) / (MAX_CUTS + 1))]!;
    if (v !== cuts.at(-1) && v < max) cuts.push(v);
  }
  return { kind: 'numeric', cuts };
}

function categories(col: string[]): FeatureBins {
  const counts = new Map<string, number>();
  for (const v of col) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  // Most frequent first; ties by name, so the same data always gives the same bins.
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return { kind: 'categorical', categories: ordered.slice(0, OTHER - 1) };
}

/** The bin of a numeric value: 1 + the number of cuts below it (binary search). */
export function numericBin(cuts: ArrayLike<number>, x: number): number {
  if (Number.isNaN(x)) return MISSING;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * `numericBin` for a whole column, without branches: the cuts padded with +∞ to 256 entries, and the eight
 * halvings of the search written out with comparisons turned into 0/1 (a data-dependent branch per halving
 * mispredicts half the time; this is five times faster on a million normal values).
 */
function binNumeric(cuts: number[], x: Float64Array, out: Uint8Array): void {
  const p = new Float64Array(256).fill(Number.POSITIVE_INFINITY);
  p.set(cuts);
  for (let r = 0; r < x.length; r++) {
    const v = x[r]!;
    let i = 128 * +(p[127]! < v);
    i += 64 * +(p[i + 63]! < v);
    i += 32 * +(p[i + 31]! < v);
    i += 16 * +(p[i + 15]! < v);
    i += 8 * +(p[i + 7]! < v);
    i += 4 * +(p[i + 3]! < v);
    i += 2 * +(p[i + 1]! < v);
    i += +(p[i]! < v);
    out[r] = Number.isNaN(v) ? MISSING : i + 1;
  }
}

function binCategories(categories: string[], x: string[], out: Uint8Array): void {
  const index = new Map(categories.map((c, i) => [c, i + 1]));
  for (let r = 0; r < x.length; r++) out[r] = x[r] === '' ? MISSING : (index.get(x[r]!) ?? OTHER);
}

/** Rows per block of the transpose: a block's row-major bytes (rows × features) stay in cache while filled. */
const BLOCK = 1024;

/**
 * Bin a frame with learned bins. `shared` puts the bytes in a SharedArrayBuffer for the histogram workers;
 * `columns` also returns them column by column (feature f's bins at f · rows), which partitioning rows by one
 * feature reads far faster than the row-major layout. Columns are binned first, then transposed block by block.
 *
 * @example
 * applyBins(frame, fitBins(frame)).data; // Uint8Array of rows × features
 */
export function applyBins(
  frame: Frame,
  bins: FeatureBins[],
  opts: { shared?: boolean; columns?: boolean } = {},
): Binned {
  const F = bins.length;
  const n = frame.rows;
  const data = new Uint8Array(opts.shared ? new SharedArrayBuffer(n * F) : new ArrayBuffer(n * F));
  const columns = new Uint8Array(n * F);
  bins.forEach((b, f) => {
    const out = columns.subarray(f * n, (f + 1) * n);
    const x: Column = frame.columns[f]!;
    if (b.kind === 'numeric') binNumeric(b.cuts, x as Float64Array, out);
    else binCategories(b.categories, x as string[], out);
  });
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let f = 0; f < F; f++) {
      const c = f * n;
      for (let r = r0; r < r1; r++) data[r * F + f] = columns[c + r]!;
    }
  }
  return opts.columns ? { rows: n, F, data, columns } : { rows: n, F, data };
}

/** Bins in use per feature: 1 (missing) + value bins (+ the shared bin of other categories). */
export function binCount(b: FeatureBins): number {
  return b.kind === 'numeric' ? b.cuts.length + 2 : BINS;
}
