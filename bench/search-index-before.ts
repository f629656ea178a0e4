/**
 * The customer search index's text search as it was before issue 16's rework (commit cd77277,
 * packages/core/src/customers/search-index.ts): every n-gram's posting list intersected by galloping search,
 * each candidate checked with `includes`. Kept here only as bench/search-index.bench.ts's baseline and oracle;
 * nothing in the packages imports it.
 */
import { key, type PostingLists, postingLists } from '../packages/core/src/customers/search-text.ts';

/** The lists are built as they still are (search-text.ts `postingLists`); the search over them is the old one. */
interface Grams extends PostingLists {
  n: 2 | 3;
}

export interface BeforeIndex {
  texts: string[];
  status: Uint8Array;
  bigrams: Grams;
  trigrams: Grams;
}

const grams = async (texts: string[], n: 2 | 3): Promise<Grams> => ({ n, ...(await postingLists(texts, n)) });

export async function buildBefore(texts: string[], status: Uint8Array): Promise<BeforeIndex> {
  return { texts, status, bigrams: await grams(texts, 2), trigrams: await grams(texts, 3) };
}

function seek(list: Uint32Array, d: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi]! < d) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (list[mid]! < d) from = mid + 1;
    else hi = mid;
  }
  return from;
}

function intersect(lists: Uint32Array[]): Uint32Array {
  lists.sort((a, b) => a.length - b.length);
  let out = lists[0] ?? new Uint32Array(0);
  for (const next of lists.slice(1)) {
    const keep = new Uint32Array(out.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < out.length && j < next.length; i++) {
      const d = out[i]!;
      j = seek(next, d, j);
      if (next[j] === d) keep[n++] = d;
    }
    out = keep.subarray(0, n);
    if (!n) break;
  }
  return out;
}

/** `want`: a status code, or -1 for any. */
export function findBefore(index: BeforeIndex, text: string, want: number): number[] {
  const ok = (d: number) => (want < 0 || index.status[d] === want) && index.texts[d]!.includes(text);
  const out: number[] = [];
  if (text.length < 2) {
    for (let d = 0; d < index.texts.length; d++) if (ok(d)) out.push(d);
    return out;
  }
  const g = text.length === 2 ? index.bigrams : index.trigrams;
  const lists: Uint32Array[] = [];
  for (let i = 0; i + g.n <= text.length; i++) {
    const slot = g.slots.get(key(text, i, g.n));
    if (slot === undefined) return out;
    lists.push(g.postings.subarray(g.offsets[slot]!, g.offsets[slot + 1]!));
  }
  for (const d of intersect(lists)) if (ok(d)) out.push(d);
  return out;
}
