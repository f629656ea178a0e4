/**
 * Point-in-time features of behaviour and service: activity (usage and logins in the last 30 days against the
 * monthly rate of the 90 days before, payment failures), tickets and surveys. As in account.ts, each fragment
 * covers every snapshot t at once and reads only rows dated before t. A ticket is open at t when it was opened
 * before t and not resolved before t: its resolution, first response, status and CSAT after t are unknown at t
 * (status is today's, so it is never read).
 */
import { ticketDeadline } from '../../metrics/service.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import type { FeatureSpec } from '../frame.ts';
import { days, daysSince, type FeatureGroup } from './account.ts';

const num = (name: string): FeatureSpec => ({ name, kind: 'numeric' });

/** Activity kinds read as failed payments (the schema has no payments table; billing systems log these). */
export const PAYMENT_FAILURE_KINDS = ['payment_failed', 'payment_failure', 'failed_payment'];

/**
 * Change of the last 30 days against the average 30 days of the 90 before them: −0.6 = "down 60 %".
 * NULL without a baseline.
 */
const trend = (recent: Sql, prior: Sql) => sql`CAST(${recent} / nullif(${prior} / 3, 0) - 1 AS DOUBLE)`;

/** Usage and logins: last 30 days, trend, days since any activity; failed payments in 90 days. */
export const activityFeatures = (snaps: Sql): FeatureGroup => {
  const last30 = (kind: string) => sql`sum(a.quantity) FILTER (WHERE a.kind = ${kind} AND a.at >= p.t - ${days(30)})`;
  const prior90 = (kind: string) =>
    sql`sum(a.quantity) FILTER (WHERE a.kind = ${kind} AND a.at < p.t - ${days(30)} AND a.at >= p.t - ${days(120)})`;
  return {
    features: [
      num('usage_30d'),
      num('usage_trend'),
      num('logins_30d'),
      num('login_trend'),
      num('days_since_activity'),
      num('payment_failures_90d'),
    ],
    query: sql`
      SELECT a.customer_id, p.t,
        CAST(coalesce(${last30('usage')}, 0) AS DOUBLE) AS usage_30d,
        ${trend(sql`coalesce(${last30('usage')}, 0)`, prior90('usage'))} AS usage_trend,
        CAST(coalesce(${last30('login')}, 0) AS DOUBLE) AS logins_30d,
        ${trend(sql`coalesce(${last30('login')}, 0)`, prior90('login'))} AS login_trend,
        ${daysSince(sql`max(a.at)`)} AS days_since_activity,
        CAST(count(*) FILTER (WHERE a.kind IN (${sql.join(PAYMENT_FAILURE_KINDS.map((k) => sql`${k}`))})
          AND a.at >= p.t - ${days(90)}) AS DOUBLE) AS payment_failures_90d
      FROM activity a JOIN ${snaps} p ON a.at < p.t AND a.at >= p.t - ${days(365)}
      GROUP BY a.customer_id, p.t`,
  };
};

/** Tickets: opened in 90 days, open at t, open and unanswered past their SLA, the oldest open one's category, CSAT. */
export const ticketFeatures = (snaps: Sql, config: TenureConfig): FeatureGroup => {
  const open = sql`(k.resolved_at IS NULL OR k.resolved_at >= p.t)`;
  const unanswered = sql`(k.first_response_at IS NULL OR k.first_response_at >= p.t)`;
  return {
    features: [
      num('tickets_90d'),
      num('open_tickets'),
      num('open_past_sla'),
      { name: 'open_ticket_category', kind: 'categorical' },
      num('ticket_csat_180d'),
    ],
    query: sql`
      SELECT k.customer_id, p.t,
        CAST(count(*) FILTER (WHERE k.opened_at >= p.t - ${days(90)}) AS DOUBLE) AS tickets_90d,
        CAST(count(*) FILTER (WHERE ${open}) AS DOUBLE) AS open_tickets,
        CAST(count(*) FILTER (WHERE ${open} AND ${unanswered} AND ${ticketDeadline('k', config)} < p.t) AS DOUBLE) AS open_past_sla,
        arg_min(k.category, k.opened_at) FILTER (WHERE ${open}) AS open_ticket_category,
        CAST(avg(k.csat) FILTER (WHERE k.resolved_at < p.t AND k.resolved_at >= p.t - ${days(180)}) AS DOUBLE)
          AS ticket_csat_180d
      FROM tickets k JOIN ${snaps} p ON k.opened_at < p.t GROUP BY k.customer_id, p.t`,
  };
};

/** The last NPS and CSAT survey answers before t. */
export const surveyFeatures = (snaps: Sql): FeatureGroup => ({
  features: [num('last_nps'), num('days_since_nps'), num('last_csat')],
  query: sql`
    SELECT s.respondent_id AS customer_id, p.t,
      CAST(arg_max(s.score, s.answered_at) FILTER (WHERE s.kind = 'nps') AS DOUBLE) AS last_nps,
      ${daysSince(sql`max(s.answered_at) FILTER (WHERE s.kind = 'nps')`)} AS days_since_nps,
      CAST(arg_max(s.score, s.answered_at) FILTER (WHERE s.kind = 'csat') AS DOUBLE) AS last_csat
    FROM surveys s JOIN ${snaps} p ON s.answered_at < p.t
    WHERE coalesce(s.respondent_type, 'customer') = 'customer' AND s.kind IN ('nps', 'csat')
    GROUP BY s.respondent_id, p.t`,
});
