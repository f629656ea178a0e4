import { checkDimensions } from '../metrics/filter.ts';
import { type Page, type PageQuery, pageOf } from '../paging.ts';
import { classifiedAt, customerSource } from '../segments/derived.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { dataChanges } from '../workspace/data-version.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { filterDimensions, listColumns, presentDimensions } from './columns.ts';
import { customerDirectory, DIRECTORY, directoryVersion } from './directory.ts';
import { findIn, type SearchIndex, searchIndex, statusAt, storedRow } from './search-index.ts';
import type { CustomerStatus } from './status.ts';

export interface CustomerSearch extends PageQuery {
  /** Part of the customer id or name, case-insensitive. */
  q?: string;
  /** Declared dimension → accepted values (e.g. `{ region: ['华东'] }`). */
  filter?: Record<string, string[]>;
  status?: CustomerStatus;
}

export interface CustomerRow {
  customer_id: string;
  name: string | null;
  created_at: string | null;
  status: CustomerStatus;
  mrr: number | null;
  /** The other canonical fields and the workspace's declared dimensions. */
  [column: string]: unknown;
}

/**
 * Customers matching a text, dimension filters and a status, one page at a time, ordered by id. Dimension
 * names are checked against the workspace's declared dimensions (TEN_METRIC_UNKNOWN_SEGMENT otherwise), and
 * values are bound, never spliced.
 * @example await searchCustomers(ws, { q: 'zhang', filter: { region: ['华东'] }, status: 'active', page: 1 })
 */
export async function searchCustomers(
  ws: Workspace,
  s: CustomerSearch = {},
  /** `index: false` searches the directory in SQL: the index's test oracle. */
  o: { index?: boolean } = {},
): Promise<Page<CustomerRow>> {
  const p = pageOf(s);
  const filter = s.filter ?? {};
  const filtered = Object.keys(filter).length > 0;
  if (filtered) checkDimensions(Object.keys(filter), await filterDimensions(ws));
  const version = await recentVersion(ws);
  const text = s.q?.trim().toLowerCase();
  // Text and status alone are answered by the in-memory index once it is built (search-index.ts), rows included;
  // dimension filters, and searches while it builds, by the directory in SQL.
  const index = filtered || o.index === false ? null : searchIndex(ws, version);
  if (index) {
    const hits = fromIndex(index, text, s.status, p);
    const rows = hits.rows.map(({ d, ...h }) => ({ name: null, created_at: null, ...storedRow(index, d), ...h }));
    return { total: hits.total, page: p.page, pageSize: p.pageSize, rows };
  }
  await customerDirectory(ws, version);
  const dims = await presentDimensions(ws);
  const hits = await fromDirectory(ws, text, filter, s.status, p);
  const ids = hits.rows.map((h) => h.customer_id);
  const found = ids.length
    ? await ws.db.all<Record<string, unknown>>(
        sql`SELECT ${sql.ids(listColumns(dims))} FROM customers WHERE customer_id IN (SELECT unnest(${ids}))`,
      )
    : [];
  const byId = new Map(found.map((r) => [String(r.customer_id), r]));
  const rows = hits.rows.map((h) => ({ name: null, created_at: null, ...byId.get(h.customer_id), ...h }));
  return { total: hits.total, page: p.page, pageSize: p.pageSize, rows };
}

/** How long a search reuses the directory's version read by another (ms): see recentVersion. */
const VERSION_TTL_MS = 250;
const versions = new Map<string, { at: number; changes: number; version: Promise<string> }>();

/**
 * The directory's version as read at most VERSION_TTL_MS ago, or since core's last announced write
 * (dataChanged): reading it is a count and a max over the entity tables (milliseconds at tens of millions of
 * orders), which a hundred searching agents would otherwise pay each; searches arriving together share one read.
 * A write outside core shows within that quarter second.
 */
function recentVersion(ws: Workspace): Promise<string> {
  const kept = versions.get(ws.dir);
  const changes = dataChanges(ws.dir);
  if (kept && kept.changes === changes && performance.now() - kept.at < VERSION_TTL_MS) return kept.version;
  const version = directoryVersion(ws);
  versions.set(ws.dir, { at: performance.now(), changes, version });
  version.catch(() => versions.delete(ws.dir));
  return version;
}

type Hit = { customer_id: string; status: CustomerStatus; mrr: number | null };
type Paging = ReturnType<typeof pageOf>;

function fromIndex(index: SearchIndex, text: string | undefined, status: CustomerStatus | undefined, p: Paging) {
  const all = text ? findIn(index, text, status) : null;
  // No text: every customer (of the status), in id order, without listing them all.
  const positions = all ?? (status ? findIn(index, '', status) : null);
  const total = positions ? positions.length : index.ids.length;
  const page = positions
    ? Array.from(positions.subarray(p.offset, p.offset + p.limit))
    : Array.from({ length: Math.max(0, Math.min(p.limit, total - p.offset)) }, (_, i) => p.offset + i);
  const rows = page.map((d) => ({
    d,
    customer_id: index.ids[d]!,
    status: statusAt(index, d),
    mrr: Number.isNaN(index.mrr[d]!) ? null : index.mrr[d]!,
  }));
  return { total, rows };
}

async function fromDirectory(
  ws: Workspace,
  text: string | undefined,
  filter: Record<string, string[]>,
  status: CustomerStatus | undefined,
  p: Paging,
): Promise<{ total: number; rows: Hit[] }> {
  const conds: Sql[] = [sql`true`];
  // contains() takes the words literally (no LIKE wildcards to escape) and runs at scan speed.
  if (text) conds.push(sql`contains(d.text, ${text})`);
  if (status) conds.push(sql`d.status = ${status}`);
  for (const [dim, values] of Object.entries(filter)) {
    conds.push(sql`CAST(${sql.id('c', dim)} AS VARCHAR) IN (SELECT unnest(${values}))`);
  }
  // Customers' own columns are joined only when a dimension filter needs them.
  const from = Object.keys(filter).length
    ? sql`${sql.id(DIRECTORY)} d JOIN ${customerSource(Object.keys(filter), classifiedAt(ws.config, ws.db.dialect.now), 'c')} ON c.customer_id = d.customer_id`
    : sql`${sql.id(DIRECTORY)} d`;
  const where = sql.join(conds, sql` AND `);
  const hits = await ws.db.all<Hit & { _total: number }>(
    sql`SELECT d.customer_id AS customer_id, d.status AS status, d.mrr AS mrr, count(*) OVER () AS _total
        FROM ${from} WHERE ${where} ORDER BY d.customer_id LIMIT ${p.limit} OFFSET ${p.offset}`,
  );
  // The total rides along with the page's ids; past the last page there is no row to carry it.
  const total =
    hits.length || p.page === 1
      ? Number(hits[0]?._total ?? 0)
      : Number((await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`))[0]?.n ?? 0);
  return { total, rows: hits.map(({ _total, ...h }) => h) };
}
