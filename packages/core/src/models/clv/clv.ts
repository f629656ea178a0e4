/**
 * Customer lifetime value from the BG/NBD (transactions) and gamma-gamma (spend) models, as in Fader, Hardie &
 * Lee 2005 ("RFM and CLV", JMR 42(4), where CLV = margin × expected spend × discounted expected transactions)
 * with the BG/NBD in place of the Pareto/NBD. The discounted expected transactions over a horizon of H months
 * are summed month by month from the BG/NBD's conditional expectation (bg-nbd/predict.ts, FHL 2005 eq. 10):
 *   DET = Σ_{k=1..H} (E[Y(kΔ)] − E[Y((k − 1)Δ)]) / (1 + d)^k,   Δ = one month in the fit's unit,
 *   d = (1 + annual rate)^(1/12) − 1,
 * and the purchase part = margin × E[M | x, m̄] × DET (gamma-gamma eq. 5 for E[M]). A customer's CLV adds the
 * subscription part (parts.ts, the one definition every surface shows), so customers who pay a subscription and
 * never ordered are valued too.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { type BgNbdFit, bgNbdPatterns, fitBgNbd } from '../bg-nbd/bg-nbd.ts';
import { type BgNbdParams, expectedPurchases, pAlive } from '../bg-nbd/predict.ts';
import { readColumns } from '../columns.ts';
import { expectedSpend, fitGammaGamma, type GammaGammaFit, spendPatterns } from '../gamma-gamma/gamma-gamma.ts';
import { type RfmQuery, rfmSource } from '../rfm.ts';
import { DAYS_PER, type TimeUnit } from '../time-units.ts';
import { type ClvDistribution, clvDistribution } from './distribution.ts';
import { clvParts, DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON_MONTHS, mrrAt } from './parts.ts';

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
  /** P(alive) as a buyer; null for a customer who never ordered (the purchase models say nothing of them). */
  pAlive: number | null;
  /** Expected repeat purchases over the horizon. */
  expectedPurchases: number;
  expectedSpend: number;
  /** margin × MRR at the valuation × discounted months of the horizon. */
  subscriptionValue: number;
  /** margin × expected spend × discounted expected transactions. */
  purchaseValue: number;
  /** subscriptionValue + purchaseValue. */
  clv: number;
}

export interface ClvResult {
  unit: TimeUnit;
  calibrationEnd: string;
  /** The moment MRR is read for the subscription part: the start of the day after the calibration end. */
  valuedAt: string;
  horizonMonths: number;
  discountRate: number;
  margin: number;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Customers valued: buyers and subscribers who never ordered. */
  customers: number;
  /** Of them, buyers: the customers the purchase models (and P(alive)) describe. */
  buyers: number;
  totalValue: number;
  /** The two parts of totalValue. */
  subscriptionValue: number;
  purchaseValue: number;
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
  unit: TimeUnit,
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
  const {
    horizonMonths = DEFAULT_HORIZON_MONTHS,
    discountRate = DEFAULT_DISCOUNT_RATE,
    margin = config.gross_margin,
    top = 50,
  } = opts;
  const terms = { horizonMonths, discountRate, margin };
  const valuedAt = valuationMoment(source.calibrationEnd);
  const mrr = await mrrAt(db, valuedAt, config.currency);
  const { num, text, rows } = await readColumns(
    db,
    sql`SELECT customer_id, x, t_x, "T", m FROM (${source.customers}) c`,
  );
  const det = new Map<string, [number, number, number]>();
  const values: ClvCustomer[] = [];
  let expectedAlive = 0;
  const value = (id: string, purchases: number) => {
    const parts = clvParts(terms, mrr.get(id) ?? 0, purchases, 0);
    return { subscriptionValue: parts.subscription, purchaseValue: parts.purchases, clv: parts.clv };
  };
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
    expectedAlive += d[2];
    const id = text.customer_id![i]!;
    values.push({
      customer_id: id,
      x,
      t_x: tx,
      T,
      m,
      pAlive: d[2],
      expectedPurchases: d[1],
      expectedSpend: spend,
      ...value(id, margin * spend * d[0]),
    });
  }
  // Subscribers who never ordered (before the calibration end) are worth their subscription part alone.
  const buyers = new Set(values.map((v) => v.customer_id));
  for (const id of mrr.keys())
    if (!buyers.has(id))
      values.push({
        customer_id: id,
        x: 0,
        t_x: 0,
        T: 0,
        m: 0,
        pAlive: null,
        expectedPurchases: 0,
        expectedSpend: 0,
        ...value(id, 0),
      });
  values.sort((a, b) => b.clv - a.clv);
  const quantiles = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map((p) => ({
    p,
    value: values[Math.min(values.length - 1, Math.floor((1 - p) * values.length))]?.clv ?? 0,
  }));
  const sum = (f: (c: ClvCustomer) => number) => values.reduce((a, c) => a + f(c), 0);
  return {
    unit: opts.unit,
    calibrationEnd: source.calibrationEnd,
    valuedAt,
    horizonMonths,
    discountRate,
    margin,
    bgNbd,
    gammaGamma,
    customers: values.length,
    buyers: rows,
    totalValue: sum((c) => c.clv),
    subscriptionValue: sum((c) => c.subscriptionValue),
    purchaseValue: sum((c) => c.purchaseValue),
    expectedAlive,
    quantiles,
    distribution: clvDistribution(values),
    top: values.slice(0, top),
  };
}

/**
 * The day after a calibration end, YYYY-MM-DD: MRR running at its start is the MRR at the end of that day, the
 * same moment a scoring as of that day reads (predict scores at the day after the data end).
 *
 * @example
 * valuationMoment('2025-12-31'); // '2026-01-01'
 */
export function valuationMoment(calibrationEnd: string): string {
  return new Date(Date.parse(`${calibrationEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
