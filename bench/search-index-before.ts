/**
 * The customer search index's text search as it was before issue 16's rework (commit cd77277,
 * packages/core/src/customers/search-index.ts): every n-gram's posting list intersected by galloping search,
 * each candidate checked with `includes`. Kept frozen here only as bench/search-index.bench.ts's baseline and
 * oracle; nothing in the packages imports it.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';

interface Grams {
  n: 2 | 3;
  slots: Map<number, number>;
  offsets: Uint32Array;
  postings: Uint32Array;
}

export interface BeforeIndex {
  texts: string[];
  status: Uint8Array;
  bigrams: Grams;
  trigrams: Grams;
}

function key(s: string, i: number, n: 2 | 3): number {
  const k = s.charCodeAt(i) * 65_536 + s.charCodeAt(i + 1);
  return n === 2 ? k : k * 65_536 + s.charCodeAt(i + 2);
}

const SLICE = 16_384;

async function grams(texts: string[], n: 2 | 3): Promise<Grams> {
  const slots = new Map<number, number>();
  const counts: number[] = [];
  const seen = new Set<number>();
  for (let d = 0; d < texts.length; d++) {
    if (d % SLICE === SLICE - 1) await yieldToEvents();
    const t = texts[d]!;
    seen.clear();
    for (let i = 0; i + n <= t.length; i++) {
      const k = key(t, i, n);
      if (seen.has(k)) continue;
      seen.add(k);
      let slot = slots.get(k);
      if (slot === undefined) {
        slot = counts.length;
        slots.set(k, slot);
        counts.push(0);
      }
      counts[slot]! += 1;
    }
  }
  const offsets = new Uint32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  const postings = new Uint32Array(offsets[counts.length]!);
  const fill = offsets.slice(0, counts.length);
  for (let d = 0; d < texts.length; d++) {
    if (d % SLICE === SLICE - 1) await yieldToEvents();
    const t = texts[d]!;
    seen.clear();
    for (let i = 0; i + n <= t.length; i++) {
      const k = key(t, i, n);
      if (seen.has(k)) continue;
      seen.add(k);
      postings[fill[slots.get(k)!]!++] = d;
    }
  }
  return { n, slots, offsets, postings };
}

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
