/**
 * Topics of one language's documents: spherical k-means over TF-IDF (kmeans.ts), the number of topics chosen by
 * silhouette (choose-k.ts), fitted on a seeded sample and then every document assigned to its nearest topic; pinned topics (a user's) take part as fixed centroids built
 * from their terms. Each topic's terms are its phrases of highest class-based TF-IDF (c-TF-IDF; Grootendorst
 * 2022, "BERTopic", arXiv:2203.05794, eq. 1): a phrase frequent in the topic and rare across topics. A document's
 * keyphrases are its own phrases ranked by its topic's c-TF-IDF.
 */
import { Random } from '../../stats/random.ts';
import { bestClustering } from './choose-k.ts';
import type { Corpus } from './corpus.ts';
import { nearest } from './kmeans.ts';
import { phraseKeys, phraseText } from './phrases.ts';
import { tfidfRows } from './tfidf.ts';

/**
 * Documents the topics are fitted on. Topics are frequent by nature: a few thousand documents show every topic
 * worth a label, and fitting on more costs time that grows with the k tried and the restarts, not the result.
 */
const FIT_SAMPLE = 5000;

export interface TopicOptions {
  /** The most learned topics (besides the pinned ones); fewer when the documents have fewer (choose-k.ts). */
  k: number;
  seed: number;
  /** The pinned topics' terms, as words of the corpus' vocabulary (unknown words are skipped). */
  pinned: readonly (readonly string[])[];
  /** Documents the centroids are fitted on; the rest are only assigned. */
  sample?: number;
  /** Terms kept per topic. */
  terms?: number;
  /** Keyphrases kept per document. */
  keyphrases?: number;
}

export interface TopicFit {
  /** Topic of each document: an index into `topics` (pinned first, in the order given), -1 for none. */
  assignment: Int32Array;
  topics: { terms: string[]; size: number }[];
  /** A document's keyphrases, best first (made into text when asked for: most are only written once). */
  keyphrases: (d: number) => string[];
}

/** @example fitTopics(corpus, 'zh', { k: 8, seed: 1, pinned: [['价格', '涨价']] }).topics[0].terms */
export function fitTopics(c: Corpus, lang: 'zh' | 'en', o: TopicOptions): TopicFit {
  const V = c.vocab.length;
  const rows = tfidfRows(c);
  const index = new Map(c.vocab.map((w, i) => [w, i]));
  const fixed = o.pinned.map((terms) => {
    const v = new Float64Array(V);
    for (const t of terms) {
      const id = index.get(t.toLowerCase());
      if (id !== undefined) v[id] = Math.max(rows.idf[id]!, 1e-3);
    }
    const norm = Math.hypot(...v.filter((x) => x > 0)) || 1;
    return v.map((x) => x / norm);
  });
  const sample = sampleOf(c.n, o.sample ?? FIT_SAMPLE, o.seed);
  const k = Math.max(1, Math.min(o.k, sample.length));
  const centroids = bestClustering(rows, sample, V, { maxK: k, seed: o.seed, fixed });
  const assignment = new Int32Array(c.n);
  for (let d = 0; d < c.n; d++) assignment[d] = nearest(rows, d, centroids, fixed.length);
  const K = centroids.length;
  const scores = classTfidf(c, assignment, K);
  const size = new Array<number>(K).fill(0);
  for (const j of assignment) if (j >= 0) size[j]!++;
  const topics = scores.map((s, j) => ({
    terms: [...s.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, o.terms ?? 10)
      .map(([key]) => phraseText(c.vocab, key, lang)),
    size: size[j]!,
  }));
  const top = o.keyphrases ?? 3;
  const best = new Float64Array(c.n * top).fill(-1);
  const score = new Float64Array(top);
  let s = scores[0] ?? new Map<number, number>();
  let base = 0;
  // Keep the `top` best phrases of a document by insertion: no array or set per document.
  const consider = (key: number) => {
    const v = s.get(key) ?? 0;
    if (v <= score[top - 1]!) return;
    for (let k = 0; k < top; k++) if (best[base + k] === key) return;
    let k = top - 1;
    while (k > 0 && score[k - 1]! < v) {
      score[k] = score[k - 1]!;
      best[base + k] = best[base + k - 1]!;
      k--;
    }
    score[k] = v;
    best[base + k] = key;
  };
  for (let d = 0; d < c.n; d++) {
    const j = assignment[d]!;
    if (j < 0) continue;
    s = scores[j]!;
    base = d * top;
    score.fill(0);
    let prev = -1;
    for (let i = c.offsets[d]!; i < c.offsets[d + 1]!; i++) {
      const t = c.tokens[i]!;
      if (t >= 0) {
        consider(t);
        if (prev >= 0) consider((prev + 1) * V + t);
      }
      prev = t;
    }
  }
  const keyphrases = (d: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < top; k++) {
      const key = best[d * top + k]!;
      if (key >= 0) out.push(phraseText(c.vocab, key, lang));
    }
    return out;
  };
  return { assignment, topics, keyphrases };
}

/** A seeded sample of document indices (all of them when there are fewer than `size`), in order. */
function sampleOf(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  const rnd = new Random(seed);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rnd.uniform() * (n - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.subarray(0, size).sort();
}

/**
 * c-TF-IDF of every phrase in every topic: tf(p, t) / words(t) × ln(1 + A / f(p)), A the mean words per topic
 * and f(p) the phrase's count over all topics.
 */
function classTfidf(c: Corpus, assignment: Int32Array, K: number): Map<number, number>[] {
  const tf = Array.from({ length: K }, () => new Map<number, number>());
  const total = new Map<number, number>();
  const words = new Float64Array(K);
  for (let d = 0; d < c.n; d++) {
    const j = assignment[d]!;
    if (j < 0) continue;
    const m = tf[j]!;
    for (const key of phraseKeys(c, d)) {
      m.set(key, (m.get(key) ?? 0) + 1);
      total.set(key, (total.get(key) ?? 0) + 1);
      words[j]!++;
    }
  }
  const A = words.reduce((s, x) => s + x, 0) / Math.max(1, K);
  return tf.map((m, j) => {
    const out = new Map<number, number>();
    for (const [key, f] of m) if (f >= 2) out.set(key, (f / words[j]!) * Math.log(1 + A / total.get(key)!));
    return out;
  });
}
