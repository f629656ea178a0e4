/**
 * The retention queue and one customer's stored score, read from the latest scoring's rows in `scores`
 * (score.ts writes them): what the API and the dashboard show between scorings, without scoring again.
 * Reason texts are given in one language, the caller's.
 */
import type { atRiskViews } from '../api/predict.ts';
import { filterDimensions } from '../customers/columns.ts';
import { DIRECTORY } from '../customers/directory.ts';
import { checkDimensions } from '../metrics/filter.ts';
import { type Page, type PageQuery, pageOf } from '../paging.ts';
import type { Lang } from '../present/lang.ts';
import { classifiedAt, customerSource } from '../segments/derived.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Tier } from './alerts/rules.ts';
import { type Reason, reasonText } from './reasons.ts';
import { persuadableView } from './uplift/scores.ts';
import type { NotWorth } from './value.ts';

/** A reason with its text in one language. */
export type ReasonIn = Omit<Reason, 'text'> & { text: string };

export interface RiskRow {
  customer_id: string;
  name: string | null;
  as_of: string;
  probability: number;
  tier: Tier;
  /** clv_subscription + clv_purchases: the one CLV (models/clv/parts.ts). */
  clv: number | null;
  clv_subscription: number | null;
  clv_purchases: number | null;
  expected_loss: number | null;
  /** False for customers not worth retaining (`flag` says why). */
  retain: boolean;
  flag: NotWorth | null;
  /** The top reasons stored with the score (empty beyond the riskiest REASON_ROWS). */
  reasons: ReasonIn[];
  /** The persuadable view only (uplift/scores.ts): churn prevented by contact, its value, and the sleeping-dog flag. */
  uplift?: number;
  expected_saved_value?: number | null;
  sleeping_dog?: boolean;
}

export interface AtRiskQuery extends PageQuery {
  tier?: Tier[];
  /** Declared dimension → accepted values. */
  filter?: Record<string, string[]>;
  /** Only customers with this feature among their reasons. */
  reason?: string;
  /** Include customers not worth retaining (left out by default: they are not in the retention queue). */
  all?: boolean;
  /** expected_loss (default): the retention queue; persuadable: the latest uplift scoring by expected saved value. */
  view?: AtRiskView;
  lang?: Lang;
}

export type AtRiskView = (typeof atRiskViews)[number];

export type AtRiskPage = Page<RiskRow> & { runId: number | null; asOf: string | null };

/** A score row as stored: its reasons as JSON text, in no language yet. */
export type Stored = Omit<RiskRow, 'reasons'> & { reasons: string | null };

/**
 * A reason with its text in one language, worded afresh from its feature and value, so reasons stored by an
 * earlier scoring read in today's words (values in words, not as stored).
 *
 * @example
 * reasonIn(reason, 'zh-CN').text; // '近 30 天用量下降 60%'
 */
export const reasonIn = (r: Reason, lang: Lang): ReasonIn => ({
  ...r,
  text: reasonText({ name: r.feature, kind: typeof r.value === 'string' ? 'categorical' : 'numeric' }, r.value)[lang],
});

export const inLanguage = (json: string | null, lang: Lang): ReasonIn[] =>
  (json ? (JSON.parse(json) as Reason[]) : []).map((r) => reasonIn(r, lang));

export const SCORE_COLUMNS = sql`s.customer_id, strftime(s.as_of, '%Y-%m-%d') AS as_of, s.probability, s.tier, s.clv,
  s.clv_subscription, s.clv_purchases, s.expected_loss, s.retain, s.flag, s.reasons`;
const COLUMNS = sql`${SCORE_COLUMNS}, c.name`;

/** The latest scoring run with rows, or null before the first scoring. */
export async function latestScoring(ws: Workspace): Promise<{ runId: number; asOf: string } | null> {
  // A scoring writes one as_of on all its rows, so any one of them gives it (and LIMIT 1 stops at the first).
  const [r] = await ws.db.all<{ run_id: number | null; as_of: string | null }>(sql`
    SELECT run_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM scores
    WHERE run_id = (SELECT max(run_id) FROM scores) LIMIT 1`);
  return r?.run_id ? { runId: r.run_id, asOf: r.as_of! } : null;
}

/**
 * Scored customers by expected loss, largest first (customers without a CLV after them, by probability); in the
 * persuadable view, the latest uplift scoring's customers by expected saved value, with their uplift and
 * sleeping-dog flag (empty before the first uplift scoring). Dimension names are checked like customer search's
 * (TEN_METRIC_UNKNOWN_SEGMENT).
 *
 * @example
 * const page = await atRisk(ws, { tier: ['critical', 'high'], filter: { region: ['north'] }, lang: 'zh-CN' });
 */
export async function atRisk(ws: Workspace, q: AtRiskQuery = {}): Promise<AtRiskPage> {
  const p = pageOf(q);
  const filter = q.filter ?? {};
  checkDimensions(Object.keys(filter), await filterDimensions(ws));
  const run = await latestScoring(ws);
  const uplift = q.view === 'persuadable' ? await persuadableView(ws) : null;
  if (!run || (q.view === 'persuadable' && !uplift))
    return { total: 0, page: p.page, pageSize: p.pageSize, runId: null, asOf: null, rows: [] };
  const conds: Sql[] = [sql`s.run_id = ${run.runId}`];
  if (!q.all) conds.push(sql`s.retain`);
  if (q.tier?.length) conds.push(sql`s.tier IN (SELECT unnest(${q.tier}))`);
  if (q.reason) conds.push(sql`list_contains(json_extract_string(s.reasons, '$[*].feature'), ${q.reason})`);
  for (const [dim, values] of Object.entries(filter))
    conds.push(sql`CAST(${sql.id('c', dim)} AS VARCHAR) IN (SELECT unnest(${values}))`);
  // The customers table is joined only for dimension filters, and for the names of the page's rows: a window
  // count over the joined whole materialised every score with its reasons (seconds on a million customers).
  const scores = uplift ? sql`scores s${uplift.join}` : sql`scores s`;
  // Derived dimensions (value tier, RFM, lifecycle stage) classify customers as of the scoring's data end, as a
  // playbook trigger or campaign target does.
  const customers = customerSource(Object.keys(filter), classifiedAt(ws.config, ws.db.dialect.now), 'c');
  const from = Object.keys(filter).length ? sql`${scores} JOIN ${customers} ON c.customer_id = s.customer_id` : scores;
  const where = sql.join(conds, sql` AND `);
  const lossOrder = sql`s.expected_loss DESC NULLS LAST, s.probability DESC, s.customer_id`;
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
  // The page's rows keep the uplift columns beside the score's, so the outer query reads and orders by both as `s`.
  const rows = await ws.db.all<Stored>(sql`
    SELECT ${COLUMNS}${uplift ? sql`, ${uplift.columns('s')}` : sql``}
    FROM (SELECT s.*${uplift ? sql`, ${uplift.columns('u')}` : sql``} FROM ${from} WHERE ${where}
      ORDER BY ${uplift?.order('u') ?? lossOrder} LIMIT ${p.limit} OFFSET ${p.offset}) s
    JOIN customers c ON c.customer_id = s.customer_id
    ORDER BY ${uplift?.order('s') ?? lossOrder}`);
  return {
    total: count?.n ?? 0,
    page: p.page,
    pageSize: p.pageSize,
    ...run,
    rows: rows.map((r) => ({ ...r, reasons: inLanguage(r.reasons, q.lang ?? 'en') })),
  };
}

/**
 * One customer's row of the latest scoring, or null when they were not scored then (or never).
 *
 * @example
 * (await customerScore(ws, 'C0000042', 'en'))?.expected_loss;
 */
export async function customerScore(
  ws: Workspace,
  customerId: string,
  lang: Lang = 'en',
  opts: { stored?: boolean } = {},
): Promise<RiskRow | null> {
  const run = await latestScoring(ws);
  if (!run) return null;
  // Two lookups, not a join: joined (or cross-joined), DuckDB read both tables three times slower on 1M customers.
  const [r] = await ws.db.all<Omit<Stored, 'name'>>(sql`SELECT ${SCORE_COLUMNS} FROM scores s
    WHERE s.run_id = ${run.runId} AND s.k = hash(${customerId}) AND s.customer_id = ${customerId}`);
  if (!r) return null;
  // With `stored` (the caller found the customer stores current), the name from the k-sorted directory.
  const [c] = await ws.db.all<{ name: string | null }>(
    opts.stored
      ? sql`SELECT name FROM ${sql.id(DIRECTORY)} WHERE k = hash(${customerId}) AND customer_id = ${customerId}`
      : sql`SELECT name FROM customers WHERE customer_id = ${customerId}`,
  );
  return { ...r, name: c?.name ?? null, reasons: inLanguage(r.reasons, lang) };
}
