import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { type Page, pageOf } from '../paging.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { connectWorkspace, type Workspace } from '../workspace/workspace.ts';
import { freshToken, KeptPages } from './list-cache.ts';
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
  // Breaches are as of the minute, but only the overdue filter makes which cases match move with the clock: for
  // every other query the page's keys (the costly top-N over all cases) are kept across minutes, and only its
  // rows' SLA state (a lookup of a page of keys) is read again.
  const now = ctx.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const token = await freshToken(ws);
  const key = `${ws.dir}\0${ctx.user ?? ''}\0${f.overdue === undefined ? '' : now.toISOString()}\0${JSON.stringify(f)}`;
  let kept = pages.get(key);
  if (kept?.token !== token) kept = pages.set(key, { token, ids: await readIds(ws, f, ctx.user, now), page: null });
  const at = now.getTime();
  const entry = kept;
  // The clock turned and no case changed: the rows as of the last minute serve while this minute's are read,
  // those of every page in use in one statement, so the turn of a minute costs one read, not one per open inbox.
  if (entry.page && entry.page.at < at && entry.page.at >= at - IN_USE_MS && ctx.now === undefined) {
    turnMinute(ws, now);
    return entry.page.value;
  }
  if (entry.page?.at !== at) entry.page = { at, value: (await readRows(ws, [entry.ids], now))[0] as Page<CaseListRow> };
  return entry.page.value;
}

/** Pages read within this long (ms) are in use: their rows are read again when the minute turns. */
const IN_USE_MS = 10 * 60_000;

/** The minute whose rows are being read, by workspace. */
const turning = new Map<string, number>();

/** Read this minute's rows of every page of the workspace in use, on a connection of the read's own. */
function turnMinute(ws: Workspace, now: Date): void {
  const at = now.getTime();
  if ((turning.get(ws.dir) ?? 0) >= at) return;
  turning.set(ws.dir, at);
  const due = [...pages.startingWith(`${ws.dir}\0`)].filter(
    (e) => e.page && e.page.at < at && e.page.at >= at - IN_USE_MS,
  );
  connectWorkspace(ws)
    .then((view) =>
      readRows(
        view,
        due.map((e) => e.ids),
        now,
      ).finally(() => view.close()),
    )
    .then((values) =>
      due.forEach((e, i) => {
        if (!e.page || e.page.at < at) e.page = { at, value: values[i] as Page<CaseListRow> };
      }),
    )
    // A failed read (the workspace closed meanwhile) leaves the last minute's rows; the next asker tries again.
    .catch(() => undefined)
    .finally(() => {
      if (turning.get(ws.dir) === at) turning.delete(ws.dir);
    });
}

/** A page's keys in order, with the paging it was read for and the total matching. */
interface PageIds {
  ids: string[];
  total: number;
  page: number;
  pageSize: number;
}

/** Pages read, by workspace, asker, query (and minute, for the overdue filter). */
const pages = new KeptPages<PageIds, Page<CaseListRow>>(1000);

/** The keys of the page the filters and sort select, and the total matching. */
async function readIds(
  ws: Workspace,
  f: ReturnType<typeof listCasesQuery.parse>,
  user: string | null | undefined,
  now: Date,
): Promise<PageIds> {
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
  // The total rides along with the page; past the last page there is no row to carry it.
  const total =
    page.length || p.page === 1
      ? Number(page[0]?._total ?? 0)
      : Number((await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cases c WHERE ${where}`))[0]?.n ?? 0);
  return { ids: page.map((r) => r.case_id), total, page: p.page, pageSize: p.pageSize };
}

/** Each page's rows in its order, each with its SLA state as of `now`: one statement for all of them. */
async function readRows(ws: Workspace, pageIds: PageIds[], now: Date): Promise<Page<CaseListRow>[]> {
  const ids = [...new Set(pageIds.flatMap((p) => p.ids))];
  const found = ids.length
    ? await ws.db.all<CaseListRow & Record<string, unknown>>(
        sql`SELECT ${caseSelect()}, ${slaStateSelect('c', now)} FROM cases c
          WHERE c.case_id IN (${sql.join(ids.map((id) => sql`${id}`))})`,
      )
    : [];
  const byId = new Map(found.map((r) => [r.case_id, r as CaseListRow]));
  return pageIds.map((p) => ({
    total: p.total,
    page: p.page,
    pageSize: p.pageSize,
    rows: p.ids.flatMap((id) => byId.get(id) ?? []),
  }));
}
