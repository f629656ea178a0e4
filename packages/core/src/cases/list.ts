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
  const p = pageOf({ page: f.page, pageSize: f.page_size });
  const now = ctx.now ?? new Date();
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
  if (f.mine) conds.push(sql`c.owner = ${await userOf(ws, ctx.user)}`);
  if (f.my_team)
    conds.push(sql`c.team IN (SELECT team FROM team_members WHERE username = ${await userOf(ws, ctx.user)})`);
  const where = sql.join(conds, sql` AND `);
  const list = ORDERED[f.sort];
  const key =
    f.sort === 'due'
      ? nextDue(c)
      : list
        ? sql`list_position(${list}, ${sql.id('c', f.sort)})`
        : sql`${sql.id('c', f.sort)}`;
  const dir = sql.raw(f.order === 'asc' ? 'ASC' : 'DESC');
  // The page's ids first (a top-N over the key), then only its rows read whole and their times formatted.
  const rows = await ws.db.all<CaseListRow & { _total: number } & Record<string, unknown>>(
    sql`WITH page AS (SELECT c.case_id, ${key} AS _key, count(*) OVER () AS _total FROM cases c WHERE ${where}
          ORDER BY _key ${dir} NULLS LAST, c.case_id ${dir} LIMIT ${p.limit} OFFSET ${p.offset})
        SELECT ${caseSelect()}, ${slaStateSelect('c', now)}, p._total AS _total FROM page p
          JOIN cases c ON c.case_id = p.case_id
        ORDER BY p._key ${dir} NULLS LAST, c.case_id ${dir}`,
  );
  // The total rides along with the page; past the last page there is no row to carry it.
  const total =
    rows.length || p.page === 1
      ? (rows[0]?._total ?? 0)
      : ((await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cases c WHERE ${where}`))[0]?.n ?? 0);
  return { total, page: p.page, pageSize: p.pageSize, rows: rows.map(({ _total, ...r }) => r as CaseListRow) };
}
