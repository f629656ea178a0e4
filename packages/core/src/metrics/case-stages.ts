import { OPEN_STAGES } from '../cases/workflow.ts';
import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { segmentedCases } from './case-segments.ts';
import type { NormalQuery } from './query.ts';
import { segList, segSelect } from './segments.ts';

/** One row per period k, segment and stage: the hours spent in the stage by the visits that left it in the period. */
export interface CaseStageRow {
  k: number;
  key_stage: string;
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  [segment: string]: unknown;
}

/**
 * Time in each stage, from the event log: a visit starts at an event that moves the case into a stage (created,
 * moved, reopened) and ends at the case's next such event, whatever it is (the next step, a cancelling, a
 * reopening). A visit belongs to the period it ended in, so a figure never changes once its period is over; a
 * case still in a stage has no finished visit there and adds nothing yet. Closed and cancelled are where work
 * ends, not stages worked in: a reopening ends a visit of `closed`, which is left out. The next stage-changing
 * event comes from a one-row window frame (ClickHouse's lead() gives a default value, not NULL, past the end).
 */
export function caseStagesSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  // Stages in the workflow's order, not the alphabet's.
  const order = sql`CASE stage ${sql.join(
    OPEN_STAGES.map((s, i) => sql`WHEN ${s} THEN ${i}`),
    sql` `,
  )} END`;
  const next = sql`OVER (PARTITION BY e.case_id ORDER BY e.version ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING)`;
  return sql`WITH
    cs AS (${segmentedCases(q)}),
    visits AS (SELECT e.case_id AS case_id, e.to_stage AS stage, e."at" AS entered,
                 CASE WHEN count(*) ${next} > 0 THEN max(e."at") ${next} END AS left_at
               FROM case_events e WHERE e.to_stage IS NOT NULL),
    v AS (SELECT ${idx(sql`x.left_at`)} AS k, ${segSelect(q, 'c')}, x.stage AS stage,
            ${d.daysBetween(sql`x.entered`, sql`x.left_at`)} * 24 AS hours
          FROM visits x JOIN cs c ON c.case_id = x.case_id
          WHERE x.left_at IS NOT NULL AND x.stage NOT IN ('closed', 'cancelled'))
  SELECT k, ${segs}, stage AS key_stage, count(*) AS n, avg(hours) AS mean, ${d.quantile(0.5, sql`hours`)} AS median,
    ${d.quantile(0.9, sql`hours`)} AS p90
  FROM v WHERE k >= 0 AND k < ${n}
  GROUP BY k, ${segs}, stage
  ORDER BY k, ${segs}, ${order}`;
}
