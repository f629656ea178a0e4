/**
 * Customer lifetime value from the BG/NBD (transactions) and gamma-gamma (spend) models, as in Fader, Hardie &
 * Lee 2005 ("RFM and CLV", JMR 42(4), where CLV = margin × expected spend × discounted expected transactions)
 * with the BG/NBD in place of the Pareto/NBD. The discounted expected transactions over a horizon of H months
 * are summed month by month from the BG/NBD's conditional expectation (bg-nbd/predict.ts, FHL 2005 eq. 10):
 *   DET = Σ_{k=1..H} (E[Y(kΔ)] − E[Y((k − 1)Δ)]) / (1 + d)^k,   Δ = one month in the fit's unit,
 *   d = (1 + annual rate)^(1/12) − 1,
 * and CLV = margin × E[M | x, m̄] × DET (gamma-gamma eq. 5 for E[M]).
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { type BgNbdFit, bgNbdPatterns, fitBgNbd } from '../bg-nbd/bg-nbd.ts';
import { type BgNbdParams, expectedPurchases, pAlive } from '../bg-nbd/predict.ts';
import { readColumns } from '../columns.ts';
import { expectedSpend, fitGammaGamma, type GammaGammaFit, spendPatterns } from '../gamma-gamma/gamma-gamma.ts';
import { type RfmQuery, rfmSource } from '../rfm.ts';
import { DAYS_PER, type Unit } from '../units.ts';
import { type ClvDistribution, clvDistribution } from './distribution.ts';

export interface ClvOptions extends RfmQuery {
  horizonMonths?: number;
  /** Annual discount rate; default 0.10. */
  discountRate?: number;
  /** Share of revenue kept as margin; default the workspace's gross_margin. */
  margin?: number;
  /** How many of the most valuable customers to list; default 50. */
  top?: number;
}

export interface ClvCustomer {
  customer_id: string;
  x: number;
  t_x: number;
  T: number;
  m: number;
  pAlive: number;
  /** Expected repeat purchases over the horizon. */
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
}

export interface ClvResult {
  unit: Unit;
  calibrationEnd: string;
  horizonMonths: number;
  discountRate: number;
  margin: number;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  customers: number;
  totalValue: number;
  /** Expected number of customers still alive at the calibration end (Σ P(alive)). */
  expectedAlive: number;
  quantiles: { p: number; value: number }[];
  /** Histograms of every customer's CLV and P(alive). */
  distribution: ClvDistribution;
  top: ClvCustomer[];
}

/**
 * Discounted expected transactions over `months` months for one history.
 *
 * @example
 * discountedTransactions(params, 'week', 12, 0.1, 2, 30.43, 38.86);
 */
export function discountedTransactions(
  p: BgNbdParams,
  unit: Unit,
  months: number,
  annualRate: number,
  x: number,
  tx: number,
  T: number,
): number {
  const step = DAYS_PER.month / DAYS_PER[unit];
  const monthly = (1 + annualRate) ** (1 / 12) - 1;
  let det = 0;
  let before = 0;
  for (let k = 1; k <= months; k++) {
    const cumulative = expectedPurchases(p, k * step, x, tx, T);
    det += (cumulative - before) / (1 + monthly) ** k;
    before = cumulative;
  }
  return det;
}

/**
 * Fit both models on the calibration data and value every customer.
 *
 * @example
 * const v = await customerValue(ws.db, ws.config, { unit: 'week', horizonMonths: 12 }); // v.top[0].clv
 */
export async function customerValue(db: DuckDbConnection, config: TenureConfig, opts: ClvOptions): Promise<ClvResult> {
  const source = await rfmSource(db, config, opts);
  const bgNbd = fitBgNbd(await bgNbdPatterns(db, source));
  const gammaGamma = fitGammaGamma(await spendPatterns(db, source));
  const { horizonMonths = 12, discountRate = 0.1, margin = config.gross_margin, top = 50 } = opts;
  const { num, text, rows } = await readColumns(
    db,
    sql`SELECT customer_id, x, t_x, "T", m FROM (${source.customers}) c`,
  );
  const det = new Map<string, [number, number, number]>();
  const values: ClvCustomer[] = [];
  let totalValue = 0;
  let expectedAlive = 0;
  for (let i = 0; i < rows; i++) {
    const [x, tx, T, m] = [num.x![i]!, num.t_x![i]!, num.T![i]!, num.m![i]!];
    const key = `${x}|${tx}|${T}`;
    let d = det.get(key);
    if (!d) {
      const horizon = horizonMonths * (DAYS_PER.month / DAYS_PER[opts.unit]);
      d = [
        discountedTransactions(bgNbd.params, opts.unit, horizonMonths, discountRate, x, tx, T),
        expectedPurchases(bgNbd.params, horizon, x, tx, T),
        pAlive(bgNbd.params, x, tx, T),
      ];
      det.set(key, d);
    }
    const spend = expectedSpend(gammaGamma.params, x, m);
    const clv = margin * spend * d[0];
    totalValue += clv;
    expectedAlive += d[2];
    values.push({
      customer_id: text.customer_id![i]!,
      x,
      t_x: tx,
      T,
      m,
      pAlive: d[2],
      expectedPurchases: d[1],
      expectedSpend: spend,
      clv,
    });
  }
  values.sort((a, b) => b.clv - a.clv);
  const quantiles = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map((p) => ({
    p,
    value: values[Math.min(rows - 1, Math.floor((1 - p) * rows))]?.clv ?? 0,
  }));
  return {
    unit: opts.unit,
    calibrationEnd: source.calibrationEnd,
    horizonMonths,
    discountRate,
    margin,
    bgNbd,
    gammaGamma,
    customers: rows,
    totalValue,
    expectedAlive,
    quantiles,
    distribution: clvDistribution(values),
    top: values.slice(0, top),
  };
}
