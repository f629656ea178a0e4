/**
 * The gamma-gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis", Journal of Marketing Research 42(4):415–430; in the notation of Fader & Hardie
 * 2013, "The Gamma-Gamma Model of Monetary Value", brucehardie.com note 025). A customer's transactions are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the mean m̄ of x transactions has (note 025 eq. 1a)
 *   f(m̄ | p, q, γ, x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q),
 * and the expected spend per transaction given (x, m̄) is (eq. 5)
 *   E[M | p, q, γ, m̄, x] = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m̄ = p(γ + m̄x) / (px + q − 1),
 * a weighted mean of the population mean pγ/(q − 1) and the customer's own mean. It assumes spend does not
 * depend on frequency; the fit reports their correlation so that can be checked.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { lnGamma } from '../../stats/gamma.ts';
import { digamma } from '../../stats/special.ts';
import { readColumns } from '../columns.ts';
import { type LogLikelihood, type ModelFit, maximizeLikelihood } from '../fit.ts';
import { distinct, samplePatterns } from '../patterns.ts';
import type { RfmSource } from '../rfm.ts';

export type GammaGammaParams = { p: number; q: number; gamma: number };
export type GammaGammaFit = ModelFit<keyof GammaGammaParams> & {
  /** Mean spend per transaction across customers, pγ / (q − 1). */
  populationMean: number;
  /** Pearson correlation of x and m̄ among the customers fitted: near 0 is what the model assumes. */
  frequencySpendCorrelation: number;
};

/** Repeat buyers' (x, m̄) with counts w. */
export interface SpendPatterns {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
}

/** LL(p, q, γ) over the patterns, with its gradient. */
export function gammaGammaLogLik(s: SpendPatterns): LogLikelihood {
  const xs = distinct(s.x);
  const lnM = s.m.map(Math.log);
  const lnX = s.x.map(Math.log);
  const nx = xs.values.length;
  const lg = new Float64Array(nx);
  const dpx = new Float64Array(nx);
  const dq = new Float64Array(nx);
  return (theta, grad) => {
    const [p, q, g] = [theta[0]!, theta[1]!, theta[2]!];
    const [lgq, psiQ, lnG] = [lnGamma(q), digamma(q), Math.log(g)];
    for (let k = 0; k < nx; k++) {
      const px = p * xs.values[k]!;
      lg[k] = lnGamma(px + q) - lnGamma(px) - lgq;
      dpx[k] = digamma(px + q) - digamma(px);
      dq[k] = digamma(px + q) - psiQ;
    }
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let i = 0; i < s.x.length; i++) {
      const k = xs.index[i]!;
      const x = s.x[i]!;
      const w = s.w[i]!;
      const px = p * x;
      const denom = g + s.m[i]! * x;
      const lnD = Math.log(denom);
      ll += w * (lg[k]! + q * lnG + (px - 1) * lnM[i]! + px * lnX[i]! - (px + q) * lnD);
      gp += w * x * (dpx[k]! + lnM[i]! + lnX[i]! - lnD);
      gq += w * (dq[k]! + lnG - lnD);
      gg += w * (q / g - (px + q) / denom);
    }
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
    return ll;
  };
}

/**
 * Fit p, q, γ to repeat buyers' spend.
 *
 * @example
 * fitGammaGamma({ x, m, w }).params; // { p, q, gamma }
 */
export function fitGammaGamma(s: SpendPatterns): GammaGammaFit {
  let n = 0;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < s.x.length; i++) {
    n += s.w[i]!;
    sx += s.w[i]! * s.x[i]!;
    sm += s.w[i]! * s.m[i]!;
  }
  if (n < 2 || !(sm > 0))
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'gamma-gamma',
      detail: n ? 'fewer than two repeat buyers with positive spend' : 'no repeat buyers',
      hint: {
        en: 'The spend model learns from customers with repeat purchases and amounts: import order amounts, or use a later calibration end.',
        'zh-CN': '消费模型从有复购和金额的客户中学习：请导入订单金额，或使用更晚的校准截止日。',
      },
      remedies: [{ action: 'later_calibration_end' }],
    });
  const meanM = sm / n;
  const sample = samplePatterns(s, 'w', 20_000);
  const fit = maximizeLikelihood({
    model: 'gamma-gamma',
    names: ['p', 'q', 'gamma'] as const,
    n,
    logLik: gammaGammaLogLik(s),
    // γ in money units: start it from the mean spend so any currency starts near the optimum.
    starts: [
      [1, 2, meanM],
      [5, 4, meanM * 3],
      [0.5, 1.5, meanM / 5],
    ],
    ...(sample ? { screen: { logLik: gammaGammaLogLik(sample), n } } : {}),
  });
  const { p, q, gamma } = fit.params;
  if (!(q > 1))
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'gamma-gamma',
      detail: `q = ${q.toPrecision(3)} ≤ 1, so the fitted spend has no finite mean`,
      hint: {
        en: 'A few extreme amounts dominate: check the order amounts for outliers or refunds.',
        'zh-CN': '少数极端金额占了主导：请检查订单金额中的异常值或退款。',
      },
    });
  return { ...fit, populationMean: (p * gamma) / (q - 1), frequencySpendCorrelation: correlation(s, sx / n, meanM) };
}

/**
 * Expected spend per transaction for a customer with x repeat transactions of mean m̄ (the population mean
 * when x = 0).
 *
 * @example
 * expectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35); // ≈ 29.7
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (p * (gamma + m * x)) / (p * x + q - 1);
}

function correlation(s: SpendPatterns, meanX: number, meanM: number): number {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < s.x.length; i++) {
    const [dx, dy] = [s.x[i]! - meanX, s.m[i]! - meanM];
    sxy += s.w[i]! * dx * dy;
    sxx += s.w[i]! * dx * dx;
    syy += s.w[i]! * dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Repeat buyers' (x, m̄) patterns of an RFM source.
 *
 * @example
 * const patterns = await spendPatterns(ws.db, await rfmSource(ws.db, ws.config, { unit: 'week' }));
 */
export async function spendPatterns(db: DuckDbConnection, source: RfmSource): Promise<SpendPatterns> {
  const { num } = await readColumns(
    db,
    sql`SELECT x, m, CAST(count(*) AS DOUBLE) AS w FROM (${source.customers}) c WHERE x > 0 AND m > 0
      GROUP BY ALL ORDER BY ALL`,
  );
  return { x: num.x!, m: num.m!, w: num.w! };
}
