/**
 * The customer search index: an in-memory n-gram index over the directory's search text (the lower-cased id and
 * name, customers/directory.ts), so a search reads a few posting lists instead of scanning every customer.
 *
 * Why our own: DuckDB's full-text extension cannot be installed offline, and it tokenises into words, which finds
 * neither a fragment of an id ("41234" in "C0412345") nor a Chinese name, which has no spaces; a maintained
 * JavaScript library (FlexSearch, MiniSearch) keeps objects per document and term, several times this memory at a
 * million customers. An n-gram index finds any substring: every run of three adjacent characters (a trigram) of
 * every text is a key, its posting list the customers whose text has it, in customer-id order. A query of k ≥ 3
 * characters is a candidate where all its trigrams are, checked with `includes` (trigrams present in another order
 * are not a match); two characters (a Chinese given name) read their bigram's list, which is the answer; one
 * character is a scan of the texts. Trigrams, not bigrams alone, because a search's cost is its rarest list: for
 * "customer 41234" at a million customers the rarest bigram (" 4") lists 110,000 customers, the rarest trigram
 * 11,000. Posting lists are Uint32Arrays in CSR form (offsets per key), about 40 n-grams × 4 bytes a customer.
 *
 * The index also holds what a result page shows of each customer (the list columns of customers/search.ts), each
 * column dictionary-encoded (a code per customer into its distinct values, read as the SQL path reads them), so a
 * search answered from the index reads no table: at a hundred searching agents a page's read of `customers` (a
 * scan for twenty ids, 7 ms at a million customers) was most of a search's time.
 *
 * Kept up to date: the index belongs to a directory version (what the directory reflects: the data, the config,
 * the day). A search that finds the directory newer than the index starts a rebuild in the background and is
 * answered from the directory in SQL meanwhile; the next search after the rebuild uses the new index. A stale
 * index is never read.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { readColumns } from '../models/columns.ts';
import { sql } from '../sql/sql.ts';
import { connectWorkspace, type Workspace } from '../workspace/workspace.ts';
import { listColumns, presentDimensions } from './columns.ts';
import { customerDirectory, DIRECTORY, directoryTouched } from './directory.ts';
import type { CustomerStatus } from './status.ts';
import { type StoreBuild, storeBuild } from './store-refresh.ts';

const STATUSES: readonly CustomerStatus[] = ['active', 'churned', 'unknown'];

export interface SearchIndex {
  version: string;
  /** The directory build it was made from (store-refresh.ts): what a patch starts from. */
  lineage: StoreBuild | null;
  ids: string[];
  texts: string[];
  status: Uint8Array;
  mrr: Float64Array;
  /** Posting lists of every pair of adjacent characters (for two-character searches)… */
  bigrams: Grams;
  /** …and of every three (longer searches: a triple is about ten times rarer, so its lists are that much shorter). */
  trigrams: Grams;
  /** The list columns, each as a code per customer (in index order) into its distinct values. */
  stored: { column: string; codes: Uint32Array; values: unknown[] }[];
}

/** Posting lists in CSR form: an n-gram's key → its slot; a slot's postings are `postings[offsets[slot] …]`. */
interface Grams {
  n: 2 | 3;
  slots: Map<number, number>;
  offsets: Uint32Array;
  postings: Uint32Array;
}

/** The key of the n-gram at `i`: its UTF-16 code units as one number (at most 48 bits: exact in a double). */
function key(s: string, i: number, n: 2 | 3): number {
  const k = s.charCodeAt(i) * 65_536 + s.charCodeAt(i + 1);
  return n === 2 ? k : k * 65_536 + s.charCodeAt(i + 2);
}

/** Texts indexed between two turns of the event loop: about 10 ms of work. */
const SLICE = 16_384;

/**
 * The posting lists of every n-gram of `texts`: pass 1 counts each once per text, pass 2 fills them in order.
 * In slices, yielding between them, so requests keep being answered while it runs (a million customers: 3 s).
 */
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

/** Distinct values read per statement: converting a statement's rows to objects holds the event loop. */
const PAGE = 20_000;

/**
 * One list column of every customer in the directory's order: its distinct values as `all()` reads them (so a row
 * from the index equals the row the SQL path reads), numbered in a temporary table and read a page at a time,
 * and each customer's number (its code).
 */
async function storedColumn(db: DuckDbConnection, column: string): Promise<SearchIndex['stored'][number]> {
  const dict = sql.id('_tenure_search_values');
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${dict} AS
    SELECT v, CAST(row_number() OVER () - 1 AS BIGINT) AS code FROM (SELECT DISTINCT ${sql.id(column)} AS v FROM customers) t`);
  try {
    const [n] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${dict}`);
    const values: unknown[] = [];
    for (let from = 0; from < Number(n?.n ?? 0); from += PAGE) {
      const page = await db.all<{ v: unknown }>(
        sql`SELECT v FROM ${dict} WHERE code >= ${from} AND code < ${from + PAGE} ORDER BY code`,
      );
      for (const r of page) values.push(r.v);
      await yieldToEvents();
    }
    const { num } = await readColumns(
      db,
      sql`SELECT CAST(x.code AS DOUBLE) AS code FROM ${sql.id(DIRECTORY)} d JOIN customers c ON c.customer_id = d.customer_id
        JOIN ${dict} x ON x.v IS NOT DISTINCT FROM ${sql.id('c', column)} ORDER BY d.customer_id`,
    );
    return { column, codes: Uint32Array.from(num.code ?? []), values };
  } finally {
    await db.run(sql`DROP TABLE IF EXISTS ${dict}`);
  }
}

/** Build the index of the directory's rows, in customer-id order (so hits come out in the order a page lists). */
async function build(
  db: DuckDbConnection,
  version: string,
  lineage: StoreBuild | null,
  columns: string[],
): Promise<SearchIndex> {
  const c = await readColumns(
    db,
    sql`SELECT customer_id, text, status, CAST(mrr AS DOUBLE) AS mrr FROM ${sql.id(DIRECTORY)} ORDER BY customer_id`,
  );
  const ids = c.text.customer_id ?? [];
  const texts = c.text.text ?? [];
  const n = ids.length;
  const status = Uint8Array.from(c.text.status ?? [], (s) => Math.max(0, STATUSES.indexOf(s as CustomerStatus)));
  const stored = [];
  // The id is the index's own (`ids`).
  for (const column of columns) if (column !== 'customer_id') stored.push(await storedColumn(db, column));
  return {
    version,
    lineage,
    ids,
    texts,
    status,
    mrr: c.num.mrr ?? new Float64Array(n),
    bigrams: await grams(texts, 2),
    trigrams: await grams(texts, 3),
    stored,
  };
}

const indexes = new WeakMap<
  DuckDBInstance,
  { index: SearchIndex | null; building: string | null; pending: Promise<void> | null }
>();

/**
 * `index` brought to the directory build `now` when only statuses and MRRs can have moved, or null when it must be
 * built again. That holds when the directory was only updated since the index's build (the same base:
 * store-refresh.ts) and no batch since wrote customers: the customers, their texts and list columns, and so every
 * n-gram and position, are the same; the customers the new subscriptions, orders and churn events name get the
 * status and MRR the directory now holds, read by position (the directory's id order, as built). An import of new
 * orders then costs the index a statement and two array copies, where a build is seconds of this thread.
 */
async function patched(db: DuckDbConnection, index: SearchIndex, version: string, now: StoreBuild | null) {
  const was = index.lineage;
  if (!was || !now || was.base !== now.base) return null;
  const [c] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM customers WHERE _batch > ${was.batch}`);
  if (Number(c?.n ?? 0) > 0) return null;
  const rows = await db.all<{ pos: number; status: CustomerStatus; mrr: number | null }>(sql`
    SELECT pos, status, mrr FROM (SELECT customer_id, status, CAST(mrr AS DOUBLE) AS mrr,
      CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS pos FROM ${sql.id(DIRECTORY)}) d
    WHERE customer_id IN (${directoryTouched(was.batch)})`);
  const status = index.status.slice();
  const mrr = index.mrr.slice();
  for (const r of rows) {
    status[r.pos] = Math.max(0, STATUSES.indexOf(r.status));
    mrr[r.pos] = r.mrr ?? Number.NaN;
  }
  return { ...index, version, lineage: now, status, mrr };
}

/**
 * The index of the directory at `version`, or null while it is being built (the caller searches in SQL then).
 * Starts the build (or a patch of the index held, `patched`) when none is running for this version; a failed
 * build is dropped and tried again by the next search.
 */
export function searchIndex(ws: Workspace, version: string): SearchIndex | null {
  const held = indexes.get(ws.db.instance) ?? { index: null, building: null, pending: null };
  indexes.set(ws.db.instance, held);
  if (held.index?.version === version) return held.index;
  if (held.building !== version) {
    held.building = version;
    // Its own connection: the caller's may be closed before the build ends. The directory first: the index is
    // built from its rows, which must be those of `version`.
    held.pending = connectWorkspace(ws)
      .then(async (view) => {
        try {
          await customerDirectory(view, version);
          // The directory is at `version` now; its build record says how it got there.
          const lineage = await storeBuild(view, DIRECTORY);
          const held0 = held.index;
          return (
            (held0 && (await patched(view.db, held0, version, lineage))) ??
            (await build(view.db, version, lineage, listColumns(await presentDimensions(view))))
          );
        } finally {
          await view.close();
        }
      })
      .then(
        (index) => {
          if (held.building === version) held.index = index;
        },
        () => undefined,
      )
      .finally(() => {
        if (held.building === version) held.building = null;
      });
  }
  return null;
}

/**
 * Build the index of the directory as it is now, and wait for it: the server does it after each refresh, so the
 * first searches after a start or an import find it ready rather than scanning.
 * @example await warmSearchIndex(ws)
 */
export async function warmSearchIndex(ws: Workspace): Promise<void> {
  const version = await customerDirectory(ws);
  if (searchIndex(ws, version)) return;
  await indexes.get(ws.db.instance)?.pending;
}

/** The first position at or after `from` in sorted `list` whose value is ≥ d (galloping, then binary search). */
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

/**
 * Intersect sorted posting lists, shortest first. Each candidate is looked up in the longer list by galloping
 * search: a pair every customer's name has ("cu" of "Customer") holds a million postings, which a linear merge
 * would walk on every search; a few candidates cost a few dozen probes each.
 */
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

/**
 * Customers (as positions in the index, in id order) whose text contains `text` (lower-cased) and whose status
 * is `status` when given.
 * @example const hits = findIn(index, '41234', 'active'); hits.length // the total; hits.slice(0, 50) a page
 */
export function findIn(index: SearchIndex, text: string, status?: CustomerStatus): number[] {
  const want = status === undefined ? -1 : STATUSES.indexOf(status);
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

/** The list columns of the customer at position `d`, as the SQL path reads them from `customers`. */
export function storedRow(index: SearchIndex, d: number): Record<string, unknown> {
  const row: Record<string, unknown> = { customer_id: index.ids[d] };
  for (const s of index.stored) row[s.column] = s.values[s.codes[d]!];
  return row;
}

export const statusAt = (index: SearchIndex, d: number): CustomerStatus => STATUSES[index.status[d]!] ?? 'unknown';
