import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { churnEventsOf } from './churn-events.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';

/** One row per period k, segment, named competitor and reason: the churn events lost to that competitor. */
export interface ChurnCompetitorRow {
  k: number;
  key_competitor: string;
  key_reason: string;
  n: number;
  /** Churn events of the period and segment, every competitor and none. */
  total: number;
  mrr_lost: number;
  /** Of the n, the events whose customer started a subscription or placed an order after churning. */
  won_back: number;
  [segment: string]: unknown;
}

/**
 * Win–loss by competitor. The loss: churn events naming a competitor (imported, or filled by a confirmed exit
 * mapping, as churnEventsOf fills reasons), with the MRR the customer had just before churning, as in
 * churnReasonsSql. The win: a lost customer is won back when a subscription of theirs starts, or an order of
 * theirs is placed, after the churn event, at any time up to the end of the data; the win is counted in the
 * period of the loss, so a recent period has had less time to win anyone back. Events naming no competitor
 * count only in `total`.
 */
export function churnCompetitorsSql(q: NormalQuery, d: Dialect): Sql {
  const segs = segList(q);
  return sql`WITH
    ev AS (${churnEventsOf(q, d)}),
    tot AS (SELECT k, ${segs}, count(*) AS n_total FROM ev GROUP BY k, ${segs}),
    lastly AS (SELECT customer_id, max(t) AS t FROM (
        SELECT customer_id, started_at AS t FROM subscriptions WHERE started_at IS NOT NULL
        UNION ALL SELECT customer_id, ordered_at AS t FROM orders WHERE ordered_at IS NOT NULL) a GROUP BY customer_id),
    pe AS (SELECT v.k AS k, ${segSelect(q, 'v')}, v.competitor AS competitor, v.reason AS reason, v.customer_id AS customer_id,
             v.churned_at AS churned_at,
             sum(CASE WHEN s.started_at < v.churned_at AND (s.ended_at IS NULL OR s.ended_at >= v.churned_at) THEN s.mrr ELSE 0 END) AS lost
           FROM ev v LEFT JOIN ${moneyFrom(q.money, 'subscriptions', d, 's')} ON s.customer_id = v.customer_id
           WHERE v.competitor IS NOT NULL
           GROUP BY v.k, ${segList(q, 'v')}, v.competitor, v.reason, v.customer_id, v.churned_at),
    cr AS (SELECT p.k AS k, ${segSelect(q, 'p')}, p.competitor AS competitor, p.reason AS reason, count(*) AS n_events,
             sum(p.lost) AS lost, sum(CASE WHEN l.t > p.churned_at THEN 1 ELSE 0 END) AS back
           FROM pe p LEFT JOIN lastly l ON l.customer_id = p.customer_id
           GROUP BY p.k, ${segList(q, 'p')}, p.competitor, p.reason)
  SELECT c.k AS k, ${segSelect(q, 'c')}, c.competitor AS key_competitor, c.reason AS key_reason, c.n_events AS n,
    t.n_total AS total, coalesce(c.lost, 0) AS mrr_lost, c.back AS won_back
  FROM cr c JOIN tot t ON t.k = c.k AND ${segEquals(q, 'c', 't')}
  ORDER BY c.k, ${segList(q, 'c')}, c.competitor, c.n_events DESC, c.reason`;
}
