import { type Page, type PageQuery, pageOf } from '../paging.ts';
import { entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { presentDimensions } from './columns.ts';
import { activeNow, type CustomerStatus, statusOf } from './status.ts';

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

const canonical = entities.customers.fields.map((f) => f.name);

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Columns a list row shows: the canonical fields and the declared dimensions. */
const listColumns = async (ws: Workspace) => [...new Set([...canonical, ...(await presentDimensions(ws))])];

/**
 * Customers matching a text, dimension filters and a status, one page at a time, ordered by id. Dimension
 * names are checked against the workspace's declared dimensions (TEN_METRIC_UNKNOWN_SEGMENT otherwise), and
 * values are bound, never spliced.
 * @example await searchCustomers(ws, { q: 'zhang', filter: { region: ['华东'] }, status: 'active', page: 1 })
 */
export async function searchCustomers(ws: Workspace, s: CustomerSearch = {}): Promise<Page<CustomerRow>> {
  const p = pageOf(s);
  const filter = s.filter ?? {};
  const conds: Sql[] = [sql`true`];
  if (s.q?.trim()) {
    const like = contains(s.q.trim());
    conds.push(sql`(customer_id ILIKE ${like} ESCAPE '\\' OR name ILIKE ${like} ESCAPE '\\')`);
  }
  // Built even without a status filter: it checks the filter's dimension names.
  const active = await activeNow(ws, filter);
  for (const [dim, values] of Object.entries(filter)) {
    conds.push(sql`CAST(${sql.id(dim)} AS VARCHAR) IN (SELECT unnest(${values}))`);
  }
  if (s.status) conds.push(sql`customer_id ${sql.raw(s.status === 'active' ? 'IN' : 'NOT IN')} (${active})`);
  const where = sql.join(conds, sql` AND `);
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM customers WHERE ${where}`);
  const cols = await listColumns(ws);
  const rows = await ws.db.all<Record<string, unknown>>(
    sql`SELECT ${sql.ids(cols)}
        FROM customers WHERE ${where} ORDER BY customer_id LIMIT ${p.limit} OFFSET ${p.offset}`,
  );
  const status = await statusOf(
    ws,
    rows.map((r) => String(r.customer_id)),
  );
  return {
    total: t?.n ?? 0,
    page: p.page,
    pageSize: p.pageSize,
    rows: rows.map((r) => ({
      ...r,
      customer_id: String(r.customer_id),
      name: (r.name as string | null) ?? null,
      created_at: (r.created_at as string | null) ?? null,
      status: status.get(String(r.customer_id))?.status ?? 'churned',
      mrr: status.get(String(r.customer_id))?.mrr ?? null,
    })),
  };
}
