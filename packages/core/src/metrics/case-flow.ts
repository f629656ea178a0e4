import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { caseSegmentKeys, customerPart, customerSegEquals, segmentedCases } from './case-segments.ts';
import { moneyFrom } from './currency.ts';
import { flowSql } from './flow.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';

/** One row per period k and segment: the cases opened and closed in it, what they came to and what they cost. */
export interface CaseFlowRow {
  k: number;
  /** Cases opened in the period; of them, closed now, ever closed (closed now or reopened), reopened, complaints. */
  opened: number;
  resolved: number;
  ever_closed: number;
  reopened: number;
  complaints: number;
  /** Cases closed in the period (stage closed now, closed_at in it). */
  closed: number;
  /** Retention cases closed in the period with an outcome, and each outcome. */
  decided: number;
  saved: number;
  lost: number;
  no_contact: number;
  not_worth_retaining: number;
  /** MRR of the saved customers' subscriptions running at their case's close. */
  mrr_saved: number;
  /** Compensation granted on entering the follow-up step in the period, and on how many of those steps. */
  compensation: number;
  compensated: number;
  /** Customers active at the period's start, as the flow base counts them (customer segments only). */
  active_start: number;
  [segment: string]: unknown;
}

const flag = (cond: Sql) => sql`CASE WHEN ${cond} THEN 1 ELSE 0 END`;

/**
 * Cases belong to the period their opened_at falls in for what became of them (resolved, reopened: a cohort,
 * as the ticket resolution rate), and to the period their closed_at falls in for closing and outcomes. A closed
 * case is `stage = 'closed'` (a cancelled case also has a closed_at and is not). Compensation is read from the
 * event log, not the row: a reopening clears the row's compensation_granted, and the amount paid on the first walk
 * was paid all the same; each entry into the follow-up step counts once, at its time. MRR saved is the sum of the
 * saved customer's subscriptions running at the instant the case closed (0 without subscriptions). Rows: every
 * period × every segment (`caseSegmentKeys`), so a period without cases reads 0.
 */
export function caseFlowSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  const inGrid = sql`k >= 0 AND k < ${n}`;
  const retention = (outcome: Sql) => flag(sql`c.kind = 'retention' AND ${outcome}`);
  return sql`WITH
    cs AS (${segmentedCases(q)}),
    op AS (SELECT k, ${segs}, count(*) AS n_opened, sum(is_resolved) AS n_resolved, sum(ever_closed) AS n_ever_closed,
             sum(is_reopened) AS n_reopened, sum(is_complaint) AS n_complaints
           FROM (SELECT ${idx(sql`c.opened_at`)} AS k, ${segSelect(q, 'c')}, ${flag(sql`c.stage = 'closed'`)} AS is_resolved,
                   ${flag(sql`c.stage = 'closed' OR c.reopen_count > 0`)} AS ever_closed,
                   ${flag(sql`c.reopen_count > 0`)} AS is_reopened, ${flag(sql`c.kind = 'complaint'`)} AS is_complaint
                 FROM cs c) o
           WHERE ${inGrid} GROUP BY k, ${segs}),
    cl AS (SELECT k, ${segs}, count(*) AS n_closed, sum(is_decided) AS n_decided, sum(is_saved) AS n_saved,
             sum(is_lost) AS n_lost, sum(is_no_contact) AS n_no_contact, sum(is_not_worth) AS n_not_worth
           FROM (SELECT ${idx(sql`c.closed_at`)} AS k, ${segSelect(q, 'c')}, ${retention(sql`c.outcome IS NOT NULL`)} AS is_decided,
                   ${retention(sql`c.outcome = 'saved'`)} AS is_saved, ${retention(sql`c.outcome = 'lost'`)} AS is_lost,
                   ${retention(sql`c.outcome = 'no_contact'`)} AS is_no_contact,
                   ${retention(sql`c.outcome = 'not_worth_retaining'`)} AS is_not_worth
                 FROM cs c WHERE c.stage = 'closed') o
           WHERE ${inGrid} GROUP BY k, ${segs}),
    ms AS (SELECT k, ${segs}, sum(mrr) AS mrr_saved
           FROM (SELECT ${idx(sql`c.closed_at`)} AS k, ${segSelect(q, 'c')},
                   CASE WHEN s.started_at <= c.closed_at AND (s.ended_at IS NULL OR s.ended_at > c.closed_at) THEN s.mrr ELSE 0 END AS mrr
                 FROM cs c JOIN ${moneyFrom(q.money, 'subscriptions', d, 's')} ON s.customer_id = c.customer_id
                 WHERE c.stage = 'closed' AND c.kind = 'retention' AND c.outcome = 'saved') o
           WHERE ${inGrid} GROUP BY k, ${segs}),
    pay AS (SELECT k, ${segs}, sum(amount) AS paid, count(amount) AS n_paid
            FROM (SELECT ${idx(sql`e."at"`)} AS k, ${segSelect(q, 'c')}, ${d.jsonDecimal(sql`e.fields`, 'compensation_granted')} AS amount
                  FROM case_events e JOIN cs c ON c.case_id = e.case_id
                  WHERE e.action = 'moved' AND e.to_stage = 'following_up') o
            WHERE ${inGrid} AND amount > 0 GROUP BY k, ${segs}),
    fl AS (${flowSql(customerPart(q), d)}),
    ckeys AS (${caseSegmentKeys(q, 'cs')}),
    cgrid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')},
    coalesce(o.n_opened, 0) AS opened, coalesce(o.n_resolved, 0) AS resolved, coalesce(o.n_ever_closed, 0) AS ever_closed,
    coalesce(o.n_reopened, 0) AS reopened, coalesce(o.n_complaints, 0) AS complaints,
    coalesce(l.n_closed, 0) AS closed, coalesce(l.n_decided, 0) AS decided, coalesce(l.n_saved, 0) AS saved,
    coalesce(l.n_lost, 0) AS lost, coalesce(l.n_no_contact, 0) AS no_contact, coalesce(l.n_not_worth, 0) AS not_worth_retaining,
    coalesce(m.mrr_saved, 0) AS mrr_saved, coalesce(p.paid, 0) AS compensation, coalesce(p.n_paid, 0) AS compensated,
    coalesce(f.active_start, 0) AS active_start
  FROM cgrid g CROSS JOIN ckeys y
    LEFT JOIN op o ON o.k = g.k AND ${segEquals(q, 'o', 'y')}
    LEFT JOIN cl l ON l.k = g.k AND ${segEquals(q, 'l', 'y')}
    LEFT JOIN ms m ON m.k = g.k AND ${segEquals(q, 'm', 'y')}
    LEFT JOIN pay p ON p.k = g.k AND ${segEquals(q, 'p', 'y')}
    LEFT JOIN fl f ON f.k = g.k AND ${customerSegEquals(q, 'f', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}
