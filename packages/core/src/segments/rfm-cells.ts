/**
 * RFM scores per customer at the as-of time, with the purchase conventions of models/rfm.ts (Fader, Hardie &
 * Lee): purchases on one day are one transaction. Read from rows dated before t:
 * - recency: the latest activity (last order; t itself while a subscription runs, else the end of the last one);
 * - frequency: purchase days, plus a subscription's months (calendar month starts crossed, at least 1) up to t;
 * - monetary: order amounts, plus MRR × those months for subscriptions.
 * So a subscription-only customer is scored by tenure and what it paid, a buyer by its orders, and a customer
 * with both by the sum. Each score is a bin of `rfm_bins` (quintiles by default) by mid-rank among the n
 * customers with any purchase: score = min(bins, ⌊(below + at or below) ÷ 2n × bins⌋ + 1), counted from the
 * lowest value (the oldest recency). Equal values get equal scores, placed at the middle of their ranks as rank
 * statistics treat ties: the many subscribers whose recency is t itself are neither all in the top bin nor all
 * pushed down to the bin where their ranks begin, nor are one-time buyers all put in the lowest frequency bin
 * or lifted to where their ranks end. The highest score is the best.
 * The cell is "R5F4M3"; the segment names the R × F region (champions … hibernating), thresholds scaled to
 * the bins as fractions of them.
 */
import { rfmSegmentLabels } from '../present/segment-labels.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { DerivedContext } from './context.ts';

/** RFM segments from the best (the keys of their labels, present/segment-labels.ts). */
export type RfmSegment = keyof typeof rfmSegmentLabels;
export const RFM_SEGMENTS = Object.keys(rfmSegmentLabels) as RfmSegment[];

/**
 * customer_id, recency_at, frequency, monetary, r, f, m, rfm_cell, rfm_segment of every customer with a purchase
 * (an order or a subscription) before `ctx.asOf`.
 *
 * @example
 * sql`SELECT rfm_cell, count(*) AS n FROM (${rfmSql(ctx)}) r GROUP BY rfm_cell`
 */
export function rfmSql(ctx: DerivedContext): Sql {
  const t = ctx.asOf;
  const bins = ctx.config.segments.rfm_bins;
  const below = (col: string) => sql`rank() OVER (ORDER BY ${sql.id(col)}) - 1`;
  const upTo = (col: string) =>
    sql`count(*) OVER (ORDER BY ${sql.id(col)} RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const score = (col: string) =>
    sql`least(${bins}, CAST(floor((${below(col)} + ${upTo(col)}) * ${bins} / (2.0 * count(*) OVER ())) AS INTEGER) + 1)`;
  const ge = (col: string, share: number) => sql`${sql.id(col)} >= ${share * bins}`;
  const le = (col: string, share: number) => sql`${sql.id(col)} <= ${share * bins}`;
  const segment = sql`CASE WHEN ${ge('r', 0.8)} AND ${ge('f', 0.8)} THEN 'champions'
      WHEN ${ge('r', 0.6)} AND ${ge('f', 0.6)} THEN 'loyal'
      WHEN ${ge('r', 0.8)} THEN 'promising'
      WHEN ${le('r', 0.4)} AND ${ge('f', 0.6)} THEN 'at_risk'
      WHEN ${le('r', 0.4)} THEN 'hibernating'
      ELSE 'need_attention' END`;
  const months = sql`greatest(1, date_diff('month', started_at, CASE WHEN ended_at IS NULL OR ended_at > ${t} THEN ${t} ELSE ended_at END))`;
  return sql`SELECT customer_id, recency_at, frequency, monetary, r, f, m,
      concat('R', CAST(r AS VARCHAR), 'F', CAST(f AS VARCHAR), 'M', CAST(m AS VARCHAR)) AS rfm_cell, ${segment} AS rfm_segment
    FROM (
      SELECT customer_id, recency_at, frequency, monetary,
        ${score('recency_at')} AS r, ${score('frequency')} AS f, ${score('monetary')} AS m
      FROM (
        SELECT customer_id, max(last_at) AS recency_at, sum(times) AS frequency, sum(paid) AS monetary FROM (
          SELECT customer_id, max(ordered_at) AS last_at, CAST(count(DISTINCT CAST(ordered_at AS DATE)) AS DOUBLE) AS times,
            coalesce(sum(CAST(amount AS DOUBLE)), 0.0) AS paid
          FROM orders WHERE ordered_at < ${t} GROUP BY customer_id
          UNION ALL
          SELECT customer_id, max(CASE WHEN ended_at IS NULL OR ended_at > ${t} THEN ${t} ELSE ended_at END) AS last_at,
            CAST(sum(${months}) AS DOUBLE) AS times, coalesce(sum(CAST(mrr AS DOUBLE) * ${months}), 0.0) AS paid
          FROM subscriptions WHERE started_at < ${t} GROUP BY customer_id) p
        GROUP BY customer_id) a) s`;
}
