/** `gammaGamma(ws, options)`: the spend model fitted to the repeat buyers of the calibration period. */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { type RfmQuery, rfmSource } from '../rfm.ts';
import type { TimeUnit } from '../time-units.ts';
import { fitGammaGamma, type GammaGammaFit, spendPatterns } from './gamma-gamma.ts';

export interface GammaGammaResult {
  unit: TimeUnit;
  firstOrder: string;
  calibrationEnd: string;
  fit: GammaGammaFit;
}

/**
 * Fit on the orders up to the calibration end.
 *
 * @example
 * (await gammaGamma(ws.db, ws.config, { unit: 'week' })).fit.populationMean;
 */
export async function gammaGamma(db: DuckDbConnection, config: TenureConfig, q: RfmQuery): Promise<GammaGammaResult> {
  const source = await rfmSource(db, config, q);
  const fit = fitGammaGamma(await spendPatterns(db, source));
  return { unit: q.unit, firstOrder: source.firstOrder, calibrationEnd: source.calibrationEnd, fit };
}
