/**
 * Fit the BG/NBD to a workspace's orders: RFM per customer in SQL (rfm.ts), reduced there to distinct
 * (x, t_x, T) patterns with their customer counts, then maximum likelihood over those (likelihood.ts).
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { readColumns } from '../columns.ts';
import { type ModelFit, maximizeLikelihood } from '../fit.ts';
import { samplePatterns } from '../patterns.ts';
import type { RfmSource } from '../rfm.ts';
import { type BgNbdPatterns, bgNbdLogLik } from './likelihood.ts';
import type { BgNbdParams } from './predict.ts';

export type BgNbdFit = ModelFit<keyof BgNbdParams>;

/** Patterns beyond this many: the multi-start search runs on a sample of this size first. */
const SCREEN = 20_000;

/**
 * Fit r, α, a, b. Refuses data without repeat purchases: with x = 0 for everyone the purchase and dropout
 * processes cannot be told apart.
 *
 * @example
 * fitBgNbd({ x, t_x, T, w }).params; // { r, alpha, a, b }
 */
export function fitBgNbd(p: BgNbdPatterns): BgNbdFit {
  let n = 0;
  let repeaters = 0;
  for (let i = 0; i < p.w.length; i++) {
    n += p.w[i]!;
    if (p.x[i]! > 0) repeaters += p.w[i]!;
  }
  if (repeaters === 0)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'bg-nbd',
      detail: n ? `none of ${n} customers bought again before the calibration end` : 'no customers',
      hint: {
        en: 'The BG/NBD needs repeat buyers: use a later calibration end or import more order history.',
        'zh-CN': 'BG/NBD 需要有复购的客户：请使用更晚的校准截止日，或导入更多订单历史。',
      },
      remedies: [{ action: 'later_calibration_end' }],
    });
  const sample = samplePatterns(p, 'w', SCREEN);
  return maximizeLikelihood({
    model: 'bg-nbd',
    names: ['r', 'alpha', 'a', 'b'] as const,
    n,
    logLik: bgNbdLogLik(p),
    // Scale-free starts: α in the unit of T, so a week- or day-based fit starts near its optimum alike.
    starts: [1, 0.1, 5].map((s) => [s, s * meanT(p), s, s]),
    ...(sample ? { screen: { logLik: bgNbdLogLik(sample), n } } : {}),
  });
}

function meanT(p: BgNbdPatterns): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < p.w.length; i++) {
    sum += p.w[i]! * p.T[i]!;
    n += p.w[i]!;
  }
  return Math.max(sum / n, 1e-3);
}

/**
 * The distinct (x, t_x, T) patterns of an RFM source.
 *
 * @example
 * const patterns = await bgNbdPatterns(ws.db, await rfmSource(ws.db, ws.config, { unit: 'week' }));
 */
export async function bgNbdPatterns(db: DuckDbConnection, source: RfmSource): Promise<BgNbdPatterns> {
  const { num } = await readColumns(
    db,
    sql`SELECT x, t_x, "T", CAST(count(*) AS DOUBLE) AS w FROM (${source.customers}) c GROUP BY ALL ORDER BY ALL`,
  );
  return { x: num.x!, t_x: num.t_x!, T: num.T!, w: num.w! };
}
