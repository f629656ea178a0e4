import type { Dialect } from '../engine/dialect.ts';
import { CHURN_CATEGORIES } from '../schema/churn-events.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { retaliatoryCandidates } from './retaliatory-candidates.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period k, segment and reason: churn events, their share of the period's and the Pareto running share. */
export interface ChurnReasonRow {
  k: number;
  key_reason: string;
  n: number;
  /** Events of the period and segment, all reasons. */
  total: number;
  /** Events of this reason and of every reason ranked above it (count descending, then name). */
  cumulative: number;
  mrr_lost: number;
  [segment: string]: unknown;
}

/** One row per period k, segment, kind and category of the churn taxonomy. */
export interface ChurnCategoryRow {
  k: number;
  key_kind: string;
  key_category: string;
  n: number;
  total: number;
  [segment: string]: unknown;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));
const { voluntary, involuntary } = CHURN_CATEGORIES;

/**
 * Whether churn event `e` may take a derived category: it names none of the taxonomy's categories, and not the
 * voluntary kind (a derived retaliatory mark is involuntary). An imported value always wins over a derived one.
 */
export const taxonomyOpen = (e: string) =>
  sql`NOT (coalesce(${sql.id(e, 'category')}, '') IN (${list([...voluntary, ...involuntary])})) AND coalesce(${sql.id(e, 'kind')}, '') <> 'voluntary'`;

/**
 * Churn events inside the grid, with their period, segment, reason, kind and category ('unknown' when empty), the
 * competitor they went to (null when none is named), and
 * whether each is a retaliatory candidate (retaliatory.ts) and took that mark: the category an event without one
 * gets from its complaint history, read here so every taxonomy view and metric sees it. An analyst's confirmed
 * exit mapping (`exit_mappings`, voice/exits/) fills what the event lacks — its reason, kind, category and competitor —
 * ahead of the derived mark; an imported value always wins over both.
 */
export function churnEventsOf(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const all = list([...voluntary, ...involuntary]);
  const mapped = sql`coalesce(x.category, '') IN (${all}) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))`;
  const marked = sql`r.hit = 1 AND ${taxonomyOpen('e')} AND NOT (${mapped})`;
  const blank = (c: Sql) => sql`(${c} IS NULL OR trim(${c}) = '')`;
  return sql`SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, ${segSelect(q, 'c')},
      ${idx(sql`e.churned_at`)} AS k,
      CASE WHEN NOT ${blank(sql`e.reason`)} THEN trim(e.reason) WHEN NOT ${blank(sql`x.reason`)} THEN trim(x.reason)
        ELSE 'unknown' END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN (${list(voluntary)}) THEN 'voluntary'
        WHEN e.category IN (${list(involuntary)}) THEN 'involuntary' WHEN coalesce(x.kind, '') IN ('voluntary', 'involuntary') THEN x.kind
        WHEN ${marked} THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN (${all}) THEN e.category WHEN ${mapped} THEN x.category
        WHEN ${marked} THEN 'retaliatory' ELSE 'unknown' END AS category,
      CASE WHEN NOT ${blank(sql`e.competitor`)} THEN trim(e.competitor) WHEN NOT ${blank(sql`x.competitor`)} THEN trim(x.competitor)
        ELSE NULL END AS competitor,
      CASE WHEN r.hit = 1 THEN 1 ELSE 0 END AS candidate, CASE WHEN ${marked} THEN 1 ELSE 0 END AS marked
    FROM churn_events e JOIN (${segmentedCustomers(q)}) c ON c.customer_id = e.customer_id
      LEFT JOIN (${retaliatoryCandidates(q.config)}) r ON r.customer_id = e.customer_id AND r.churned_at = e.churned_at
      LEFT JOIN exit_mappings x ON x.customer_id = e.customer_id AND x.churned_at = e.churned_at
    WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < ${n}`;
}

/**
 * Churn events by reason. A customer's lost MRR is that of their subscriptions active just before churned_at
 * (started before it, ended at or after it, or not ended); customers without subscriptions lose 0.
 */
export function churnReasonsSql(q: NormalQuery, d: Dialect): Sql {
  const segs = segList(q);
  return sql`WITH
    ev AS (${churnEventsOf(q, d)}),
    pe AS (SELECT v.k AS k, ${segSelect(q, 'v')}, v.reason AS reason, v.customer_id AS customer_id, v.churned_at AS churned_at,
             sum(CASE WHEN s.started_at < v.churned_at AND (s.ended_at IS NULL OR s.ended_at >= v.churned_at) THEN s.mrr ELSE 0 END) AS lost
           FROM ev v LEFT JOIN ${moneyFrom(q.money, 'subscriptions', d, 's')} ON s.customer_id = v.customer_id
           GROUP BY v.k, ${segList(q, 'v')}, v.reason, v.customer_id, v.churned_at),
    rs AS (SELECT k, ${segs}, reason, count(*) AS n_events, sum(lost) AS lost FROM pe GROUP BY k, ${segs}, reason),
    tot AS (SELECT k, ${segs}, sum(n_events) AS n_total FROM rs GROUP BY k, ${segs})
  SELECT r.k AS k, ${segSelect(q, 'r')}, r.reason AS key_reason, r.n_events AS n, t.n_total AS total,
    sum(r.n_events) OVER (PARTITION BY r.k, ${segList(q, 'r')} ORDER BY r.n_events DESC, r.reason ROWS UNBOUNDED PRECEDING) AS cumulative,
    coalesce(r.lost, 0) AS mrr_lost
  FROM rs r JOIN tot t ON t.k = r.k AND ${segEquals(q, 'r', 't')}
  ORDER BY r.k, ${segList(q, 'r')}, r.n_events DESC, r.reason`;
}

/**
 * Churn events by the taxonomy of schema/churn-events.ts. An empty kind is inferred from a known category;
 * what stays empty or unknown is 'unknown'.
 */
export function churnCategoriesSql(q: NormalQuery, d: Dialect): Sql {
  const segs = segList(q);
  return sql`WITH
    ev AS (${churnEventsOf(q, d)}),
    cs AS (SELECT k, ${segs}, kind, category, count(*) AS n_events FROM ev GROUP BY k, ${segs}, kind, category),
    tot AS (SELECT k, ${segs}, sum(n_events) AS n_total FROM cs GROUP BY k, ${segs})
  SELECT c.k AS k, ${segSelect(q, 'c')}, c.kind AS key_kind, c.category AS key_category, c.n_events AS n, t.n_total AS total
  FROM cs c JOIN tot t ON t.k = c.k AND ${segEquals(q, 'c', 't')}
  ORDER BY c.k, ${segList(q, 'c')}, c.n_events DESC, c.kind, c.category`;
}
