/**
 * Reading the latest uplift scoring back (score.ts writes it): the page of uplift scores, and the pieces of the
 * at-risk list's persuadable view (queue.ts), ordered by expected saved value, largest first.
 */
import { type Page, type PageQuery, pageOf } from '../../paging.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';

/** A type alias (not an interface) so it fits the connection's Row shape. */
export type UpliftScoreRow = {
  customer_id: string;
  name: string | null;
  uplift: number;
  clv: number | null;
  cost_per_contact: number;
  expected_saved_value: number | null;
  sleeping_dog: boolean;
};

export interface UpliftScoresQuery extends PageQuery {
  /** Only the sleeping dogs (predicted uplift < 0). */
  sleepingDogs?: boolean;
}

export type UpliftScoresPage = Page<UpliftScoreRow> & {
  runId: number | null;
  modelRunId: number | null;
  asOf: string | null;
};

/** By expected saved value, largest first; unknown values after, by uplift; rows of `alias`. */
const persuadableOrder = (alias: string) => {
  const a = sql.id(alias);
  return sql`${a}.expected_saved_value DESC NULLS LAST, ${a}.uplift DESC, ${a}.customer_id`;
};
/** The uplift columns of rows of `alias`. */
const upliftColumns = (alias: string) => {
  const a = sql.id(alias);
  return sql`${a}.uplift, ${a}.expected_saved_value, ${a}.sleeping_dog`;
};

/** The latest uplift scoring: its run, the fit it used and its day; null before the first. */
export async function latestUpliftScoring(
  ws: Workspace,
): Promise<{ runId: number; modelRunId: number; asOf: string } | null> {
  const [r] = await ws.db.all<{ run_id: number; model_run_id: number; as_of: string }>(sql`
    SELECT u.run_id, CAST(json_extract(r.result, '$.modelRunId') AS BIGINT) AS model_run_id,
      strftime(u.as_of, '%Y-%m-%d') AS as_of
    FROM uplift_scores u JOIN model_runs r ON r.run_id = u.run_id
    WHERE u.run_id = (SELECT max(run_id) FROM uplift_scores) LIMIT 1`);
  return r ? { runId: r.run_id, modelRunId: r.model_run_id, asOf: r.as_of } : null;
}

/** The at-risk list's persuadable view, as queue.ts composes it. */
export interface PersuadableView {
  /** Joins the latest uplift scoring as `u` to the churn scores `s`. */
  join: Sql;
  /** The uplift columns and the order, read from `alias` (`u` where joined, the row's alias above it). */
  columns: (alias: string) => Sql;
  order: (alias: string) => Sql;
}

/** The at-risk list's persuadable view; null before the first uplift scoring. */
export async function persuadableView(ws: Workspace): Promise<PersuadableView | null> {
  const latest = await latestUpliftScoring(ws);
  if (!latest) return null;
  return {
    join: sql` JOIN uplift_scores u ON u.run_id = ${latest.runId} AND u.customer_id = s.customer_id`,
    columns: upliftColumns,
    order: persuadableOrder,
  };
}

/**
 * The latest uplift scoring, a page at a time.
 *
 * @example
 * const dogs = await upliftScores(ws, { sleepingDogs: true, pageSize: 20 });
 */
export async function upliftScores(ws: Workspace, q: UpliftScoresQuery = {}): Promise<UpliftScoresPage> {
  const p = pageOf(q);
  const latest = await latestUpliftScoring(ws);
  if (!latest)
    return { total: 0, page: p.page, pageSize: p.pageSize, runId: null, modelRunId: null, asOf: null, rows: [] };
  const where = sql`u.run_id = ${latest.runId} AND (${!q.sleepingDogs} OR u.sleeping_dog)`;
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM uplift_scores u WHERE ${where}`);
  const rows = await ws.db.all<UpliftScoreRow>(sql`
    SELECT u.customer_id, c.name, u.uplift, u.clv, u.cost_per_contact, u.expected_saved_value, u.sleeping_dog
    FROM (SELECT * FROM uplift_scores u WHERE ${where} ORDER BY ${persuadableOrder('u')} LIMIT ${p.limit} OFFSET ${p.offset}) u
    LEFT JOIN customers c ON c.customer_id = u.customer_id
    ORDER BY ${persuadableOrder('u')}`);
  return { total: count?.n ?? 0, page: p.page, pageSize: p.pageSize, ...latest, rows };
}
