/**
 * Where the customers stand now: the RFM grid (customers and monetary value per recency × frequency score) and
 * the count of each lifecycle stage, classified at the day after the end of the data, or at a given day.
 */
import type { SegmentSummary } from '../api/segments.ts';
import type { Connection } from '../engine/engine.ts';
import { sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { holdsScores } from './context.ts';
import { afterDataEnd } from './derived.ts';
import { LIFECYCLE_STAGES, lifecycleSql } from './lifecycle.ts';
import { rfmSql } from './rfm-cells.ts';

/**
 * @example
 * const s = await segmentSummary(ws.db, ws.config, {});
 * s.rfm.find((c) => c.r === 5 && c.f === 5); // { r: 5, f: 5, customers: 31, monetary: 48210 }
 */
export async function segmentSummary(
  conn: Connection,
  config: TenureConfig,
  q: { at?: string },
): Promise<SegmentSummary> {
  const d = conn.dialect;
  const asOf = q.at ? sql`CAST(${q.at} AS TIMESTAMP)` : afterDataEnd(d.now);
  const [at] = await conn.all<{ at: string }>(sql`SELECT CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS at${d.querySuffix}`);
  const scored = await holdsScores(conn);
  const ctx = { config, asOf, scored };
  const rfm = await conn.all<{ r: number; f: number; customers: number; monetary: number }>(
    sql`SELECT r, f, count(*) AS customers, sum(monetary) AS monetary FROM (${rfmSql(ctx)}) x
      GROUP BY r, f ORDER BY r, f${d.querySuffix}`,
  );
  const stages = await conn.all<{ stage: string; customers: number }>(
    sql`SELECT lifecycle_stage AS stage, count(*) AS customers FROM (${lifecycleSql(ctx)}) x
      GROUP BY lifecycle_stage${d.querySuffix}`,
  );
  return {
    as_of: String(at?.at ?? '').slice(0, 10),
    bins: config.segments.rfm_bins,
    rfm: rfm.map((c) => ({
      r: Number(c.r),
      f: Number(c.f),
      customers: Number(c.customers),
      monetary: Number(c.monetary),
    })),
    lifecycle: LIFECYCLE_STAGES.map((stage) => ({
      stage,
      customers: Number(stages.find((s) => s.stage === stage)?.customers ?? 0),
    })),
  };
}
