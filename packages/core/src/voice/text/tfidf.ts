/**
 * TF-IDF rows of a corpus as CSR (log-scaled term counts × ln(N / df), each row of unit length), over the terms
 * that can tell documents apart: in at least two documents and in at most half of them (words every comment
 * uses, "service", "问题", say nothing about which topic it is).
 */
import type { Corpus } from './corpus.ts';

export interface Rows {
  ptr: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  idf: Float32Array;
}

/** @example const rows = tfidfRows(corpus); // rows.cols[rows.ptr[d] … rows.ptr[d + 1]) are document d's terms */
export function tfidfRows(c: Corpus): Rows {
  const V = c.vocab.length;
  const idf = new Float32Array(V);
  const maxDf = Math.max(2, 0.5 * c.n);
  for (let t = 0; t < V; t++) {
    const df = c.df[t]!;
    idf[t] = df >= 2 && df <= maxDf ? Math.log(c.n / df) : 0;
  }
  const ptr = new Int32Array(c.n + 1);
  // A document has at most as many distinct terms as tokens: one allocation, trimmed at the end.
  const cols = new Int32Array(c.tokens.length);
  const vals = new Float32Array(c.tokens.length);
  let used = 0;
  const count = new Float64Array(V);
  const touched: number[] = [];
  for (let d = 0; d < c.n; d++) {
    touched.length = 0;
    for (let i = c.offsets[d]!; i < c.offsets[d + 1]!; i++) {
      const t = c.tokens[i]!;
      if (t < 0 || idf[t] === 0) continue;
      if (count[t] === 0) touched.push(t);
      count[t]!++;
    }
    touched.sort((a, b) => a - b);
    let norm = 0;
    const start = used;
    for (const t of touched) {
      const w = (1 + Math.log(count[t]!)) * idf[t]!;
      cols[used] = t;
      vals[used++] = w;
      norm += w * w;
      count[t] = 0;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = start; i < used; i++) vals[i]! *= inv;
    ptr[d + 1] = used;
  }
  return { ptr, cols: cols.slice(0, used), vals: vals.slice(0, used), idf };
}
