/**
 * Calibration / holdout validation (Fader, Hardie & Lee 2005 §5; Fader & Hardie 2007 §4): split the history at
 * a date, fit on what came before, and compare predictions with what happened after.
 * - Purchases: the BG/NBD's expected repeat purchases in the holdout (eq. 10) against the actual ones, on average
 *   per calibration frequency 0, 1, … 6, 7+ (FHL's Figure 4), and in total; with the gamma-gamma, revenue too.
 * - Survival: the sBG fitted to lifetimes censored at the calibration end, projected per period, against the
 *   survival the same customers then showed (discrete Kaplan–Meier up to the holdout end).
 * A part whose data are missing is null; a part whose model cannot be fitted carries the error instead.
 */

import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { badOption } from '../options.ts';
import { sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { attempt, type Failed } from './attempt.ts';
import { type BgNbdFit, bgNbdPatterns, fitBgNbd } from './bg-nbd/bg-nbd.ts';
import { expectedPurchases } from './bg-nbd/predict.ts';
import { readColumns } from './columns.ts';
import { expectedSpend, fitGammaGamma, spendPatterns } from './gamma-gamma/gamma-gamma.ts';
import { type RfmQuery, rfmSource } from './rfm.ts';
import { observedSurvival, sbgPatterns } from './sbg/features.ts';
import { projectSbg } from './sbg/project.ts';
import { fitSbg, type SbgFit } from './sbg/sbg.ts';
import { survivalSource } from './survival-data.ts';
import { elapsed } from './time-units.ts';

export interface ValidationOptions extends RfmQuery {
  calibrationEnd: string;
}

export interface PurchaseValidation {
  fit: BgNbdFit;
  /** Holdout length in the unit. */
  holdout: number;
  byFrequency: { frequency: string; customers: number; actual: number; predicted: number }[];
  total: { actual: number; predicted: number };
  /** Holdout revenue, actual and predicted (E[purchases] × E[spend]); null when spend cannot be modelled. */
  revenue: { actual: number; predicted: number } | null;
}

export interface SurvivalValidation {
  fit: SbgFit;
  byPeriod: { period: number; actual: number; predicted: number }[];
}

export interface ValidationResult {
  unit: RfmQuery['unit'];
  calibrationEnd: string;
  holdoutEnd: string;
  purchases: PurchaseValidation | Failed | null;
  survival: SurvivalValidation | Failed | null;
}

/**
 * Validate the purchase and survival models on a calibration / holdout split.
 *
 * @example
 * const v = await validateModels(ws.db, ws.config, { unit: 'week', calibrationEnd: '1997-09-30' });
 */
export async function validateModels(
  db: DuckDbConnection,
  config: TenureConfig,
  opts: ValidationOptions,
): Promise<ValidationResult> {
  const [orders] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orders`);
  const source = orders?.n ? await rfmSource(db, config, opts) : null;
  const holdoutEnd = source?.holdoutEnd ?? opts.holdoutEnd ?? opts.calibrationEnd;
  if (holdoutEnd <= opts.calibrationEnd)
    throw badOption('calibration_end', opts.calibrationEnd, {
      en: `a date before the end of the data (${holdoutEnd}), leaving a holdout period`,
      'zh-CN': `早于数据结束日（${holdoutEnd}）的日期，以留出验证期`,
    });
  const purchases = source
    ? await attempt(async (): Promise<PurchaseValidation> => {
        const fit = fitBgNbd(await bgNbdPatterns(db, source));
        const spend = await attempt(async () => fitGammaGamma(await spendPatterns(db, source)));
        const { num, rows } = await readColumns(
          db,
          sql`SELECT x, t_x, "T", m, x_holdout, value_holdout,
            ${elapsed(opts.unit, sql`CAST(${source.calibrationEnd} AS DATE)`, sql`CAST(${holdoutEnd} AS DATE)`)} AS holdout
            FROM (${source.customers}) c`,
        );
        const holdout = rows ? num.holdout![0]! : 0;
        const buckets = Array.from({ length: 8 }, (_, k) => ({
          frequency: k < 7 ? String(k) : '7+',
          customers: 0,
          actual: 0,
          predicted: 0,
        }));
        const total = { actual: 0, predicted: 0 };
        const revenue = { actual: 0, predicted: 0 };
        for (let i = 0; i < rows; i++) {
          const [x, m] = [num.x![i]!, num.m![i]!];
          const predicted = expectedPurchases(fit.params, holdout, x, num.t_x![i]!, num.T![i]!);
          const b = buckets[Math.min(7, x)]!;
          b.customers++;
          b.actual += num.x_holdout![i]!;
          b.predicted += predicted;
          total.actual += num.x_holdout![i]!;
          total.predicted += predicted;
          revenue.actual += num.value_holdout![i]!;
          if (!('error' in spend)) revenue.predicted += predicted * expectedSpend(spend.params, x, m);
        }
        return {
          fit,
          holdout,
          byFrequency: buckets
            .filter((b) => b.customers > 0)
            .map((b) => ({ ...b, actual: b.actual / b.customers, predicted: b.predicted / b.customers })),
          total,
          revenue: 'error' in spend ? null : revenue,
        };
      })
    : null;
  const survival = await attempt(async (): Promise<SurvivalValidation> => {
    const base = { unit: opts.unit, ...(opts.filter ? { filter: opts.filter } : {}) };
    const calibration = await survivalSource(db, config, { ...base, asOf: opts.calibrationEnd });
    const fit = fitSbg(await sbgPatterns(db, calibration));
    const later = await survivalSource(db, config, { ...base, asOf: holdoutEnd, startedBy: opts.calibrationEnd });
    const actual = observedSurvival(await sbgPatterns(db, later));
    const predicted = projectSbg(fit.params, actual.length - 1);
    return {
      fit,
      byPeriod: actual.slice(1).map((a, k) => ({ period: k + 1, actual: a, predicted: predicted[k + 1]!.survival })),
    };
  });
  return { unit: opts.unit, calibrationEnd: opts.calibrationEnd, holdoutEnd, purchases, survival };
}
