/**
 * The text half of the customer search index (search-index.ts): n-gram posting lists over every customer's search
 * text, and the search of a fragment in them. Pure: texts in, positions (in the texts' order) out.
 *
 * A search of k ≥ 3 characters reads the posting lists of its trigrams, rarest first, and stops intersecting once
 * the candidates left are few (VERIFY_AT): checking those few texts with `includes` costs less than a galloping
 * search per candidate in each remaining list, and a check is needed anyway (trigrams present in another order are
 * not a match). Each intersection is a linear merge when the two lists are of like length and a galloping search
 * when one is much shorter. A search of exactly two or three characters is one posting list, exact as it stands:
 * no text is read. One character reads the bigram lists that hold it. Gram keys are found in an open-addressing
 * table of typed arrays (a Map would hash a boxed 48-bit number per look-up; the memory is about the same), and the
 * work space of an intersection is reused from search to search (two buffers as long as the longest rarest list
 * seen: at most 8 MB at a million customers).
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';

/** Posting lists in CSR form: an n-gram's slot (found by `slotOf`); its postings are `postings[offsets[slot] …]`. */
export interface Grams {
  n: 2 | 3;
  /** Open addressing, linear probing: a gram's key at `hash & mask` or after; `slots` holds its slot + 1 (0: free). */
  keys: Float64Array;
  slots: Uint32Array;
  mask: number;
  offsets: Uint32Array;
  postings: Uint32Array;
}

export interface TextIndex {
  /** Every customer's search text (lower-cased id and name), in index order. */
  texts: string[];
  /** Posting lists of every pair of adjacent characters (two-character searches, and one-character ones)… */
  bigrams: Grams;
  /** …and of every three (longer searches: a triple is about ten times rarer, so its lists are that much shorter). */
  trigrams: Grams;
  /** Texts shorter than two characters, which no bigram lists (a one-character search checks them itself). */
  short: Uint32Array;
}

/** The key of the n-gram at `i`: its UTF-16 code units as one number (at most 48 bits: exact in a double). */
export function key(s: string, i: number, n: 2 | 3): number {
  const k = s.charCodeAt(i) * 65_536 + s.charCodeAt(i + 1);
  return n === 2 ? k : k * 65_536 + s.charCodeAt(i + 2);
}

/** A 32-bit hash of a key of at most 48 bits (its two halves mixed by multiplication). */
function hash(k: number): number {
  const lo = k >>> 0;
  const hi = (k / 4_294_967_296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/** The slot of gram key `k`, or -1 when no text has it. */
function slotOf(g: Grams, k: number): number {
  for (let p = hash(k) & g.mask; ; p = (p + 1) & g.mask) {
    const s = g.slots[p]!;
    if (s === 0) return -1;
    if (g.keys[p] === k) return s - 1;
  }
}

/** Texts indexed between two turns of the event loop: about 10 ms of work. */
const SLICE = 16_384;

/** `visit` each distinct n-gram of each text, in text order, yielding to the event loop every SLICE texts. */
async function eachGram(texts: string[], n: 2 | 3, visit: (k: number, d: number) => void): Promise<void> {
  const seen = new Set<number>();
  for (let d = 0; d < texts.length; d++) {
    if (d % SLICE === SLICE - 1) await yieldToEvents();
    const t = texts[d]!;
    seen.clear();
    for (let i = 0; i + n <= t.length; i++) {
      const k = key(t, i, n);
      if (seen.has(k)) continue;
      seen.add(k);
      visit(k, d);
    }
  }
}

/** Posting lists with each gram key's slot in a Map: what `grams` turns into its typed-array table. */
export interface PostingLists {
  slots: Map<number, number>;
  offsets: Uint32Array;
  postings: Uint32Array;
}

/**
 * The posting lists of every n-gram of `texts`: pass 1 counts each once per text, pass 2 fills them in order.
 * In slices, yielding between them, so requests keep being answered while it runs (a million customers: 3 s).
 * bench/search-index-before.ts runs its baseline search over the same lists.
 */
export async function postingLists(texts: string[], n: 2 | 3): Promise<PostingLists> {
  const slots = new Map<number, number>();
  const counts: number[] = [];
  await eachGram(texts, n, (k) => {
    let slot = slots.get(k);
    if (slot === undefined) {
      slot = counts.length;
      slots.set(k, slot);
      counts.push(0);
    }
    counts[slot]! += 1;
  });
  const offsets = new Uint32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  const postings = new Uint32Array(offsets[counts.length]!);
  const fill = offsets.slice(0, counts.length);
  await eachGram(texts, n, (k, d) => {
    postings[fill[slots.get(k)!]!++] = d;
  });
  return { slots, offsets, postings };
}

/** The posting lists of every n-gram of `texts`, their keys in an open-addressing table. */
async function grams(texts: string[], n: 2 | 3): Promise<Grams> {
  const { slots: slotsOfKeys, offsets, postings } = await postingLists(texts, n);
  // At most half full, so a probe ends after one or two steps.
  let size = 2;
  while (size < slotsOfKeys.size * 2) size *= 2;
  const g: Grams = { n, keys: new Float64Array(size), slots: new Uint32Array(size), mask: size - 1, offsets, postings };
  for (const [k, slot] of slotsOfKeys) {
    let p = hash(k) & g.mask;
    while (g.slots[p] !== 0) p = (p + 1) & g.mask;
    g.keys[p] = k;
    g.slots[p] = slot + 1;
  }
  return g;
}

/**
 * The n-gram index of `texts` (which it keeps: a candidate is checked against its text).
 * @example const index = await textIndex(['c0000001\ncustomer 1', 'c0000002\n张伟']); findText(index, '张伟') // [1]
 */
export async function textIndex(texts: string[]): Promise<TextIndex> {
  const short: number[] = [];
  for (let d = 0; d < texts.length; d++) if (texts[d]!.length < 2) short.push(d);
  return { texts, bigrams: await grams(texts, 2), trigrams: await grams(texts, 3), short: Uint32Array.from(short) };
}

/**
 * Candidates left at which intersecting stops and texts are checked: a check is one `includes` of a short string,
 * a further list a galloping search per candidate (a dozen probes in a list of a million).
 */
const VERIFY_AT = 32;

/** The work space of intersections, reused (grown when a longer list comes): two buffers, written in turn. */
let spaceA = new Uint32Array(1024);
let spaceB = new Uint32Array(1024);
function space(n: number): void {
  if (spaceA.length >= n) return;
  spaceA = new Uint32Array(n);
  spaceB = new Uint32Array(n);
}

/** The first position in `list[from, to)` whose value is ≥ d (galloping from `from`, then binary search). */
function seek(list: Uint32Array, d: number, from: number, to: number): number {
  let step = 1;
  let hi = from;
  while (hi < to && list[hi]! < d) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (list[mid]! < d) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/**
 * Writes the values of `a[0, an)` also in `list[from, to)` (both sorted) to `out`, and returns how many. A linear
 * merge when the lists are of like length; galloping from the shorter into the longer when it is much longer
 * (a pair every name has, "cu" of "customer", lists a million).
 */
function intersectInto(a: Uint32Array, an: number, list: Uint32Array, from: number, to: number, out: Uint32Array) {
  let n = 0;
  if ((to - from) / an > 8) {
    for (let i = 0, j = from; i < an && j < to; i++) {
      const d = a[i]!;
      j = seek(list, d, j, to);
      if (list[j] === d) out[n++] = d;
    }
    return n;
  }
  // Like lengths: a merge (measured faster than galloping, 20 against 70 µs for two lists of 4,000, and than
  // marking one in a bitset and testing the other against it, 30 µs).
  let i = 0;
  let j = from;
  while (i < an && j < to) {
    const x = a[i]!;
    const y = list[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  return n;
}

/** The posting lists of a search: start and end in `postings`, and where its gram starts in the search. */
let listFrom = new Uint32Array(64);
let listTo = new Uint32Array(64);
let listAt = new Uint32Array(64);

/** Moves list `l` to position `at` (≤ l), shifting those between one place on. */
function moveList(l: number, at: number): void {
  const from = listFrom[l]!;
  const to = listTo[l]!;
  const pos = listAt[l]!;
  for (let j = l; j > at; j--) {
    listFrom[j] = listFrom[j - 1]!;
    listTo[j] = listTo[j - 1]!;
    listAt[j] = listAt[j - 1]!;
  }
  listFrom[at] = from;
  listTo[at] = to;
  listAt[at] = pos;
}

/**
 * Positions (in index order) of the texts that contain `text` and that `keep` keeps (`keep` is asked only of
 * texts that contain it). The answer may be a view of the index's own postings: read it, never write it.
 * @example findText(index, '41234') // Uint32Array [41233, 412339, …]
 */
export function findText(index: TextIndex, text: string, keep?: (d: number) => boolean): Uint32Array {
  if (text.length < 2) return scan(index, text, keep);
  const g = text.length === 2 ? index.bigrams : index.trigrams;
  const k = text.length - g.n + 1;
  if (listFrom.length < k) {
    listFrom = new Uint32Array(k);
    listTo = new Uint32Array(k);
    listAt = new Uint32Array(k);
  }
  // The lists, rarest first (insertion sort: a dozen at most for a name), each once ("abab" has "aba" and "bab").
  let lists = 0;
  for (let i = 0; i < k; i++) {
    const slot = slotOf(g, key(text, i, g.n));
    if (slot < 0) return new Uint32Array(0);
    const from = g.offsets[slot]!;
    let dup = false;
    for (let j = 0; j < lists && !dup; j++) dup = listFrom[j] === from;
    if (dup) continue;
    listFrom[lists] = from;
    listTo[lists] = g.offsets[slot + 1]!;
    listAt[lists] = i;
    let at = lists++;
    while (at > 0 && listTo[at - 1]! - listFrom[at - 1]! > listTo[lists - 1]! - from) at--;
    moveList(lists - 1, at);
  }
  // Second, of the lists about as rare as the next, the one whose gram overlaps the rarest's least: grams that
  // share characters (412 and 123 of "41234") mostly come together, so their intersection keeps more candidates.
  const near = 2 * (listTo[1]! - listFrom[1]!);
  let second = 1;
  const gap = (l: number) => Math.min(g.n, Math.abs(listAt[l]! - listAt[0]!));
  for (let l = 2; l < lists && listTo[l]! - listFrom[l]! <= near; l++) if (gap(l) > gap(second)) second = l;
  if (second > 1) moveList(second, 1);
  const postings = g.postings;
  const first = postings.subarray(listFrom[0]!, listTo[0]!);
  // One gram the length of the search: its list is the answer.
  if (k === 1) return keep ? filtered(first, first.length, keep) : first;
  space(first.length);
  let cand = first;
  let n = first.length;
  let out = spaceA;
  for (let l = 1; l < lists && n > VERIFY_AT; l++) {
    n = intersectInto(cand, n, postings, listFrom[l]!, listTo[l]!, out);
    cand = out;
    out = out === spaceA ? spaceB : spaceA;
  }
  const texts = index.texts;
  const found = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = cand[i]!;
    if (texts[d]!.includes(text) && (!keep || keep(d))) found[m++] = d;
  }
  return m === n ? found : found.slice(0, m);
}

/** The values of `list[0, n)` that `keep` keeps, in a new array. */
function filtered(list: Uint32Array, n: number, keep: (d: number) => boolean): Uint32Array {
  const out = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (keep(list[i]!)) out[m++] = list[i]!;
  return out.slice(0, m);
}

/**
 * A search of one character (or none: every text): the texts whose bigrams hold it, marked across every bigram
 * list that starts or ends with it (a text of two characters or more has its every character in some bigram),
 * and the short texts checked one by one.
 */
function scan(index: TextIndex, text: string, keep?: (d: number) => boolean): Uint32Array {
  const total = index.texts.length;
  if (text.length === 0) {
    const all = new Uint32Array(total);
    for (let d = 0; d < total; d++) all[d] = d;
    return keep ? filtered(all, total, keep) : all;
  }
  const c = text.charCodeAt(0);
  const g = index.bigrams;
  const has = new Uint8Array(total);
  let marked = 0;
  for (let p = 0; p < g.keys.length; p++) {
    if (g.slots[p] === 0) continue;
    const kk = g.keys[p]!;
    if (Math.floor(kk / 65_536) !== c && kk % 65_536 !== c) continue;
    const slot = g.slots[p]! - 1;
    for (let i = g.offsets[slot]!, to = g.offsets[slot + 1]!; i < to; i++) {
      const d = g.postings[i]!;
      marked += 1 - has[d]!;
      has[d] = 1;
    }
  }
  for (const d of index.short)
    if (index.texts[d]!.includes(text) && !has[d]) {
      has[d] = 1;
      marked++;
    }
  const out = new Uint32Array(marked);
  let m = 0;
  for (let d = 0; d < total; d++) if (has[d] && (!keep || keep(d))) out[m++] = d;
  return m === marked ? out : out.slice(0, m);
}
