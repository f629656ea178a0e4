/**
 * Sentiment learned from the workspace's own scored answers, with no lexicon: the words that separate
 * promoters (NPS 9–10, CSAT 4–5) from detractors (NPS 0–6, CSAT 1–2), by the weighted log-odds ratio with an
 * informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
 * Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4):372–403, eq. 16–22.
 * The prior is the words' frequency in all documents of the language (scored or not), scaled to α₀, so a rare
 * word is pulled towards "no difference" and a frequent one speaks for itself. A document's sentiment is the
 * mean log-odds of its distinct words, squashed into (−1, 1) by tanh; higher = happier.
 */
import type { Corpus } from './corpus.ts';

export interface LogOdds {
  /** δ̂ per word (eq. 16 with the prior of eq. 18): positive = promoters' word. */
  delta: Float64Array;
  /** δ̂ ÷ its standard deviation (eq. 19–22): how sure the separation is. */
  z: Float64Array;
}

/** The prior's total weight as a share of the scored words: small, so the answers decide. */
const PRIOR_SHARE = 0.1;

/**
 * Fit on the documents `docs` with labels `promoter` (1) or detractor (0).
 * @example const { delta } = fitLogOdds(corpus, Int32Array.of(0, 1), Uint8Array.of(1, 0));
 */
export function fitLogOdds(c: Corpus, docs: Int32Array, promoter: Uint8Array): LogOdds {
  const V = c.vocab.length;
  const yi = new Float64Array(V);
  const yj = new Float64Array(V);
  const seen = new Int32Array(V).fill(-1);
  docs.forEach((d, k) => {
    const y = promoter[k] ? yi : yj;
    for (let i = c.offsets[d]!; i < c.offsets[d + 1]!; i++) {
      const t = c.tokens[i]!;
      if (t >= 0 && seen[t] !== d) {
        seen[t] = d;
        y[t]!++;
      }
    }
  });
  const ni = yi.reduce((s, x) => s + x, 0);
  const nj = yj.reduce((s, x) => s + x, 0);
  let dfTotal = 0;
  for (const x of c.df) dfTotal += x;
  const a0 = Math.max(1, PRIOR_SHARE * (ni + nj));
  const delta = new Float64Array(V);
  const z = new Float64Array(V);
  for (let w = 0; w < V; w++) {
    const aw = (a0 * c.df[w]!) / dfTotal;
    const li = Math.log((yi[w]! + aw) / (ni + a0 - yi[w]! - aw));
    const lj = Math.log((yj[w]! + aw) / (nj + a0 - yj[w]! - aw));
    delta[w] = li - lj;
    z[w] = delta[w]! / Math.sqrt(1 / (yi[w]! + aw) + 1 / (yj[w]! + aw));
  }
  return { delta, z };
}

/** Each document's sentiment under `delta`: tanh of the mean δ̂ of its distinct words (0 for a document without words). */
export function scoreDocuments(c: Corpus, delta: Float64Array): Float64Array {
  const out = new Float64Array(c.n);
  const seen = new Int32Array(c.vocab.length).fill(-1);
  for (let d = 0; d < c.n; d++) {
    let s = 0;
    let m = 0;
    for (let i = c.offsets[d]!; i < c.offsets[d + 1]!; i++) {
      const t = c.tokens[i]!;
      if (t >= 0 && seen[t] !== d) {
        seen[t] = d;
        s += delta[t]!;
        m++;
      }
    }
    out[d] = m ? Math.tanh(s / m) : 0;
  }
  return out;
}
