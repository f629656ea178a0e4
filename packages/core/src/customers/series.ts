import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

export interface CustomerSeries {
  /** MRR at the end of each month (the current one: now), from the first subscription's month to now. */
  mrr: { month: string; mrr: number }[];
  /** Activity per month and kind: the sum of quantities (a row without one counts 1). */
  usage: { month: string; kind: string; quantity: number }[];
}

const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * One customer's MRR and usage over time from their timeline events (`events`: a relation of them, as
 * timeline-sources.ts shapes them, live or stored), aggregated in SQL: one row per month, not per event.
 * @example await customerSeries(ws, sql`(${timelineEvents('C1')})`) // { mrr: [{ month: '2024-01-01', mrr: 49 }, …], usage: […] }
 */
export async function customerSeries(ws: Workspace, events: Sql): Promise<CustomerSeries> {
  const mrr = await ws.db.all<{ month: string; mrr: number }>(sql`
    WITH subs AS (SELECT "at" AS started_at, ended_at, amount AS mrr FROM ${events} e WHERE action = 'subscription_started'),
    months AS (
      SELECT unnest(generate_series(date_trunc('month', min(started_at)), date_trunc('month', ${NOW}), INTERVAL 1 MONTH)) AS m
      FROM subs)
    SELECT strftime(m, '%Y-%m-%d') AS month, CAST(coalesce(sum(s.mrr), 0) AS DOUBLE) AS mrr
    FROM months LEFT JOIN subs s ON s.started_at <= least(m + INTERVAL 1 MONTH, ${NOW})
      AND (s.ended_at IS NULL OR s.ended_at > least(m + INTERVAL 1 MONTH, ${NOW}))
    GROUP BY m ORDER BY m`);
  const usage = await ws.db.all<{ month: string; kind: string; quantity: number }>(sql`
    SELECT strftime(date_trunc('month', "at"), '%Y-%m-%d') AS month, coalesce(subject, 'activity') AS kind,
      CAST(sum(coalesce(amount, 1)) AS DOUBLE) AS quantity
    FROM ${events} e WHERE action = 'activity' GROUP BY ALL ORDER BY month, kind`);
  return { mrr, usage };
}
