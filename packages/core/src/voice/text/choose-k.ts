/**
 * How many topics: the k (up to the configured number) whose clustering has the largest mean silhouette
 * (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation of cluster analysis",
 * J. Comput. Appl. Math. 20:53–65) under cosine distance, measured on a seeded subsample. A fixed k would split a
 * topic in two when the documents have fewer topics than asked for, and merge two when they have more.
 */
import { nearest, sphericalKMeans } from './kmeans.ts';
import type { Rows } from './tfidf.ts';

/** Documents the silhouette is measured on: the pairwise similarities are m² / 2 sparse dot products. */
const SILHOUETTE_SAMPLE = 1000;
/** The gain in mean silhouette one more topic must bring. */
const PARSIMONY = 0.01;

/** Cosine of two unit-length sparse rows (columns sorted). */
function cosine(rows: Rows, a: number, b: number): number {
  let i = rows.ptr[a]!;
  let j = rows.ptr[b]!;
  const ie = rows.ptr[a + 1]!;
  const je = rows.ptr[b + 1]!;
  let s = 0;
  while (i < ie && j < je) {
    const ca = rows.cols[i]!;
    const cb = rows.cols[j]!;
    if (ca === cb) s += rows.vals[i++]! * rows.vals[j++]!;
    else if (ca < cb) i++;
    else j++;
  }
  return s;
}

/** The mean silhouette of `labels` (-1: unassigned, left out) given the pairwise distances `dist` (m × m). */
export function meanSilhouette(dist: Float64Array, labels: Int32Array, K: number): number {
  const m = labels.length;
  const sums = new Float64Array(K);
  const sizes = new Int32Array(K);
  for (const l of labels) if (l >= 0) sizes[l]!++;
  let total = 0;
  let counted = 0;
  for (let i = 0; i < m; i++) {
    const li = labels[i]!;
    if (li < 0 || sizes[li]! < 2) continue;
    sums.fill(0);
    for (let j = 0; j < m; j++) if (labels[j]! >= 0 && j !== i) sums[labels[j]!]! += dist[i * m + j]!;
    const a = sums[li]! / (sizes[li]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let k = 0; k < K; k++) if (k !== li && sizes[k]! > 0) b = Math.min(b, sums[k]! / sizes[k]!);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
    counted++;
  }
  return counted ? total / counted : -1;
}

/**
 * The centroids of the best k in 2…maxK (fixed ones first, as sphericalKMeans returns them).
 * @example const centroids = bestClustering(rows, sample, V, { maxK: 8, seed: 1 });
 */
export function bestClustering(
  rows: Rows,
  sample: Int32Array,
  V: number,
  o: { maxK: number; seed: number; fixed: Float64Array[] },
): Float64Array[] {
  const probe =
    sample.length <= SILHOUETTE_SAMPLE
      ? sample
      : sample.filter((_, i) => i % Math.ceil(sample.length / SILHOUETTE_SAMPLE) === 0);
  const m = probe.length;
  const dist = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const d = 1 - cosine(rows, probe[i]!, probe[j]!);
      dist[i * m + j] = d;
      dist[j * m + i] = d;
    }
  // Restarts guard against a poor local optimum and cost time in proportion to the sample: many on a small one.
  const restarts = Math.max(4, Math.min(10, Math.round(20_000 / Math.max(1, sample.length))));
  let best: Float64Array[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  const minK = Math.max(1, 2 - o.fixed.length);
  for (let k = minK; k <= Math.max(minK, o.maxK); k++) {
    const centroids = sphericalKMeans(rows, sample, V, { k, seed: o.seed, fixed: o.fixed, restarts });
    const labels = Int32Array.from(probe, (d) => nearest(rows, d, centroids, o.fixed.length));
    const score = meanSilhouette(dist, labels, centroids.length);
    // Better by a margin only: of about equally good clusterings the one with fewer topics is kept.
    if (score > bestScore + PARSIMONY) {
      bestScore = score;
      best = centroids;
    }
  }
  return best;
}
