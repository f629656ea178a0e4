/** `bgNbd(ws, options)`: the BG/NBD fitted to the workspace's orders, with what it says about the customer base. */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { type RfmQuery, rfmSource } from '../rfm.ts';
import { DAYS_PER, type TimeUnit } from '../time-units.ts';
import { type BgNbdFit, bgNbdPatterns, fitBgNbd } from './bg-nbd.ts';
import { expectedPurchases, pAlive } from './predict.ts';

export interface BgNbdResult {
  unit: TimeUnit;
  firstOrder: string;
  calibrationEnd: string;
  fit: BgNbdFit;
  /** Σ P(alive): how many of the customers are expected to be still active at the calibration end. */
  expectedAlive: number;
  /** A new customer's expected repeat purchases within 1, 2, … 12 months (FHL eq. 9). */
  population: { months: number; expected: number }[];
}

/**
 * Fit on the orders up to the calibration end.
 *
 * @example
 * (await bgNbd(ws.db, ws.config, { unit: 'week' })).fit.params;
 */
export async function bgNbd(db: DuckDbConnection, config: TenureConfig, q: RfmQuery): Promise<BgNbdResult> {
  const source = await rfmSource(db, config, q);
  const patterns = await bgNbdPatterns(db, source);
  const fit = fitBgNbd(patterns);
  let expectedAlive = 0;
  for (let i = 0; i < patterns.w.length; i++)
    expectedAlive += patterns.w[i]! * pAlive(fit.params, patterns.x[i]!, patterns.t_x[i]!, patterns.T[i]!);
  const month = DAYS_PER.month / DAYS_PER[q.unit];
  return {
    unit: q.unit,
    firstOrder: source.firstOrder,
    calibrationEnd: source.calibrationEnd,
    fit,
    expectedAlive,
    population: Array.from({ length: 12 }, (_, k) => ({
      months: k + 1,
      expected: expectedPurchases(fit.params, (k + 1) * month, 0, 0, 0),
    })),
  };
}
