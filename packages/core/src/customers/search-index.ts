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
 * character the bigram lists that hold it. Trigrams, not bigrams alone, because a search's cost is its rarest list: for
 * "customer 41234" at a million customers the rarest bigram (" 4") lists 110,000 customers, the rarest trigram
 * 11,000. Posting lists are Uint32Arrays in CSR form (offsets per key), about 40 n-grams × 4 bytes a customer;
 * the lists and the search in them are search-text.ts.
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
import { findText, type TextIndex, textIndex } from './search-text.ts';
import type { CustomerStatus } from './status.ts';
import { type StoreBuild, storeBuild } from './store-refresh.ts';

const STATUSES: readonly CustomerStatus[] = ['active', 'churned', 'unknown'];

export interface SearchIndex extends TextIndex {
  version: string;
  /** The directory build it was made from (store-refresh.ts): what a patch starts from. */
  lineage: StoreBuild | null;
  ids: string[];
  status: Uint8Array;
  mrr: Float64Array;
  /** The list columns, each as a code per customer (in index order) into its distinct values. */
  stored: { column: string; codes: Uint32Array; values: unknown[] }[];
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
  const n = ids.length;
  const status = Uint8Array.from(c.text.status ?? [], (s) => Math.max(0, STATUSES.indexOf(s as CustomerStatus)));
  const stored = [];
  // The id is the index's own (`ids`).
  for (const column of columns) if (column !== 'customer_id') stored.push(await storedColumn(db, column));
  return {
    version,
    lineage,
    ids,
    status,
    mrr: c.num.mrr ?? new Float64Array(n),
    ...(await textIndex(c.text.text ?? [])),
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

/**
 * Customers (as positions in the index, in id order) whose text contains `text` (lower-cased) and whose status
 * is `status` when given (search-text.ts; a view of the index's postings may come back: read it, never write it).
 * @example const hits = findIn(index, '41234', 'active'); hits.length // the total; hits.subarray(0, 50) a page
 */
export function findIn(index: SearchIndex, text: string, status?: CustomerStatus): Uint32Array {
  if (status === undefined) return findText(index, text);
  const want = STATUSES.indexOf(status);
  const codes = index.status;
  return findText(index, text, (d) => codes[d] === want);
}

/** The list columns of the customer at position `d`, as the SQL path reads them from `customers`. */
export function storedRow(index: SearchIndex, d: number): Record<string, unknown> {
  const row: Record<string, unknown> = { customer_id: index.ids[d] };
  for (const s of index.stored) row[s.column] = s.values[s.codes[d]!];
  return row;
}

export const statusAt = (index: SearchIndex, d: number): CustomerStatus => STATUSES[index.status[d]!] ?? 'unknown';
