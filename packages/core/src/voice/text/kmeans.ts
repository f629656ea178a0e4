/**
 * Spherical k-means (Dhillon & Modha 2001, "Concept decompositions for large sparse text data using
 * clustering", Machine Learning 42:143–175) over unit-length TF-IDF rows: each document goes to the centroid of
 * largest cosine, each centroid is the normalised sum of its documents. Seeded k-means++ starts, a few restarts,
 * the best total cosine kept: the same documents and seed always give the same topics. Fixed centroids (pinned
 * topics, from their terms) take documents but never move.
 */
import { Random } from '../../stats/random.ts';
import type { Rows } from './tfidf.ts';

export interface KMeansOptions {
  k: number;
  seed: number;
  /** Centroids that take part in the assignment but are not updated (pinned topics). */
  fixed?: Float64Array[];
  iterations?: number;
  restarts?: number;
}

/** The cosine of row d with a dense centroid. */
export function dot(rows: Rows, d: number, centroid: Float64Array): number {
  let s = 0;
  for (let i = rows.ptr[d]!; i < rows.ptr[d + 1]!; i++) s += rows.vals[i]! * centroid[rows.cols[i]!]!;
  return s;
}

/**
 * The topic of row d: among the first `fixed` centroids (pinned topics, non-zero only on their terms) the one of
 * largest weight when d has any of their terms, since a user who names a topic's terms means the documents that
 * use them; otherwise the centroid of largest cosine. -1 when d shares no term with any.
 */
export function nearest(rows: Rows, d: number, centroids: readonly Float64Array[], fixed = 0): number {
  let best = -1;
  let bestSim = 1e-9;
  for (let j = 0; j < centroids.length; j++) {
    if (j === fixed && best >= 0) return best;
    const s = dot(rows, d, centroids[j]!);
    if (s > bestSim) {
      bestSim = s;
      best = j;
    }
  }
  return best;
}

/**
 * Centroids for the rows `docs` of `rows`: the fixed ones first, then k learned ones.
 * @example const centroids = sphericalKMeans(rows, sample, V, { k: 8, seed: 1 });
 */
export function sphericalKMeans(rows: Rows, docs: Int32Array, V: number, o: KMeansOptions): Float64Array[] {
  const fixed = o.fixed ?? [];
  let best: Float64Array[] = [];
  let bestScore = -1;
  for (let r = 0; r < (o.restarts ?? 4); r++) {
    const rnd = new Random(o.seed * 7919 + r);
    const learned = plusPlus(rows, docs, V, o.k, rnd, fixed);
    let score = 0;
    for (let it = 0; it < (o.iterations ?? 20); it++) {
      const all = [...fixed, ...learned];
      const sums = learned.map(() => new Float64Array(V));
      score = 0;
      for (const d of docs) {
        const j = nearest(rows, d, all, fixed.length);
        if (j < 0) continue;
        score += dot(rows, d, all[j]!);
        if (j < fixed.length) continue;
        const s = sums[j - fixed.length]!;
        for (let i = rows.ptr[d]!; i < rows.ptr[d + 1]!; i++) s[rows.cols[i]!]! += rows.vals[i]!;
      }
      let moved = false;
      sums.forEach((s, j) => {
        if (normalise(s)) {
          moved ||= s.some((x, t) => Math.abs(x - learned[j]![t]!) > 1e-9);
          learned[j] = s;
        }
      });
      if (!moved) break;
    }
    if (score > bestScore) {
      bestScore = score;
      best = learned;
    }
  }
  return [...fixed, ...best];
}

/** k-means++ (Arthur & Vassilvitskii 2007): each new start drawn with probability ∝ 1 − its best cosine so far. */
function plusPlus(
  rows: Rows,
  docs: Int32Array,
  V: number,
  k: number,
  rnd: Random,
  fixed: Float64Array[],
): Float64Array[] {
  const out: Float64Array[] = [];
  const dist = new Float64Array(docs.length).fill(1);
  const update = (c: Float64Array) =>
    docs.forEach((d, i) => {
      dist[i] = Math.min(dist[i]!, Math.max(0, 1 - dot(rows, d, c)));
    });
  for (const c of fixed) update(c);
  for (let j = 0; j < k && docs.length; j++) {
    let total = 0;
    for (const x of dist) total += x;
    let u = rnd.uniform() * total;
    let pick = docs.length - 1;
    for (let i = 0; i < docs.length; i++) {
      u -= dist[i]!;
      if (u <= 0) {
        pick = i;
        break;
      }
    }
    const c = new Float64Array(V);
    const d = docs[pick]!;
    for (let i = rows.ptr[d]!; i < rows.ptr[d + 1]!; i++) c[rows.cols[i]!] = rows.vals[i]!;
    out.push(c);
    update(c);
  }
  return out;
}

/** Scale to unit length; false for a zero vector (an empty cluster keeps its old centroid). */
function normalise(v: Float64Array): boolean {
  let n = 0;
  for (const x of v) n += x * x;
  if (n === 0) return false;
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return true;
}
