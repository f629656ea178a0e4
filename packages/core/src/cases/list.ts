import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { type Page, pageOf } from '../paging.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseListRow, caseSelect } from './record.ts';
import { type ListCasesQuery, listCasesQuery } from './schemas.ts';
import { nextDue, nowOf, overdue, slaStateSelect } from './sla/state.ts';
import { CASE_PRIORITIES, CASE_STAGES, OPEN_STAGES } from './workflow.ts';

/** Sort keys whose order is the workflow's, not the alphabet's: by their position in its lists. */
const ORDERED: Record<string, readonly string[]> = { priority: CASE_PRIORITIES, stage: CASE_STAGES };

/** Who asks and when: `mine` and `my_team` are the user's cases, breaches are as of `now` (default: now). */
export interface ListContext {
  user?: string | null;
  now?: Date;
}

/** The user `mine` and `my_team` stand for: a user of the workspace (TEN_CASE_NEEDS_USER otherwise). */
async function userOf(ws: Workspace, user: string | null | undefined): Promise<string> {
  const [u] = user ? await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${user}`) : [];
  if (!u || !user) throw tenureError('TEN_CASE_NEEDS_USER', { actor: user ?? '' });
  return user;
}

/**
 * Cases matching filters, one sorted page at a time with the total, each with its SLA state (sla/state.ts): the
 * inbox of every surface (mine, my team, overdue, by stage). Every filter is a bound value and every sort key a
 * column named by the schema (`due`: the next due time, cases without one last), so nothing a user typed
 * becomes SQL. The subject search takes the words literally, case-insensitive. A bad filter is TEN_BAD_OPTION,
 * as every list's.
 * @example await listCases(ws, { stage: ['received', 'diagnosed'], my_team: true, overdue: true, sort: 'due', order: 'asc' }, { user: 'li.wei' })
 */
export async function listCases(
  ws: Workspace,
  query: ListCasesQuery = {},
  ctx: ListContext = {},
): Promise<Page<CaseListRow>> {
  const f = parseOptions(listCasesQuery, query);
  // A page is kept while the cases and teams are as they were when it was read, for the same asker, within the
  // same minute: every write of a case bumps its version and a new or removed case changes the count, so the
  // count and the sum of versions say whether any changed (one pass over a column, a third of the page's own
  // cost); team membership decides "my team"; breaches are as of the minute. Agents reopen the same inbox
  // views all day.
  const now = ctx.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const [t] = await ws.db.all<{ n: number; v: number | null; m: number | null }>(
    sql`SELECT count(*) AS n, sum(version) AS v, (SELECT sum(hash(team, username)) FROM team_members) AS m FROM cases`,
  );
  const token = `${t?.n}:${t?.v}:${t?.m}`;
  const cacheKey = `${ws.dir}\0${ctx.user ?? ''}\0${now.toISOString()}\0${JSON.stringify(f)}`;
  const kept = pages.get(cacheKey);
  if (kept?.token === token) return kept.page;
  const page = await readPage(ws, f, ctx.user, now);
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value as string);
  pages.set(cacheKey, { token, page });
  return page;
}

/** Pages read, by workspace, asker, minute and query, with the state they were read from (oldest first). */
const pages = new Map<string, { token: string; page: Page<CaseListRow> }>();
const MAX_PAGES = 1000;

async function readPage(
  ws: Workspace,
  f: ReturnType<typeof listCasesQuery.parse>,
  user: string | null | undefined,
  now: Date,
): Promise<Page<CaseListRow>> {
  const p = pageOf({ page: f.page, pageSize: f.page_size });
  const c = sql`${sql.id('c')}`;
  const conds: Sql[] = [sql`true`];
  if (f.stage) conds.push(sql`list_contains(${f.stage}, c.stage)`);
  if (f.kind) conds.push(sql`list_contains(${f.kind}, c.kind)`);
  if (f.priority) conds.push(sql`list_contains(${f.priority}, c.priority)`);
  if (f.owner) conds.push(sql`c.owner = ${f.owner}`);
  if (f.team) conds.push(sql`c.team = ${f.team}`);
  if (f.customer_id) conds.push(sql`c.customer_id = ${f.customer_id}`);
  if (f.status) conds.push(sql`${f.status === 'open' ? sql`` : sql`NOT `}list_contains(${OPEN_STAGES}, c.stage)`);
  if (f.q) conds.push(sql`contains(lower(c.subject), ${f.q.toLowerCase()})`);
  if (f.overdue !== undefined) conds.push(sql`${f.overdue ? sql`` : sql`NOT `}${overdue(c, nowOf(now))}`);
  if (f.mine) conds.push(sql`c.owner = ${await userOf(ws, user)}`);
  if (f.my_team) conds.push(sql`c.team IN (SELECT team FROM team_members WHERE username = ${await userOf(ws, user)})`);
  const where = sql.join(conds, sql` AND `);
  const list = ORDERED[f.sort];
  const key =
    f.sort === 'due'
      ? nextDue(c)
      : list
        ? sql`list_position(${list}, ${sql.id('c', f.sort)})`
        : sql`${sql.id('c', f.sort)}`;
  const dir = sql.raw(f.order === 'asc' ? 'ASC' : 'DESC');
  // The page's ids and the total first (a top-N over the key, reading only the filter and sort columns), then
  // its rows by key: an IN list of constants is a lookup in the primary key's index, where joining the page back
  // to the table scanned every case (200k cases: 130 ms → 15 ms on a loaded machine).
  const page = await ws.db.all<{ case_id: string; _total: number }>(
    sql`SELECT c.case_id, count(*) OVER () AS _total FROM cases c WHERE ${where}
        ORDER BY ${key} ${dir} NULLS LAST, c.case_id ${dir} LIMIT ${p.limit} OFFSET ${p.offset}`,
  );
  const found = page.length
    ? await ws.db.all<CaseListRow & Record<string, unknown>>(
        sql`SELECT ${caseSelect()}, ${slaStateSelect('c', now)} FROM cases c
          WHERE c.case_id IN (${sql.join(page.map((r) => sql`${r.case_id}`))})`,
      )
    : [];
  const byId = new Map(found.map((r) => [r.case_id, r as CaseListRow]));
  const rows = page.flatMap((r) => byId.get(r.case_id) ?? []);
  // The total rides along with the page; past the last page there is no row to carry it.
  const total =
    page.length || p.page === 1
      ? Number(page[0]?._total ?? 0)
      : Number((await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cases c WHERE ${where}`))[0]?.n ?? 0);
  return { total, page: p.page, pageSize: p.pageSize, rows };
}
