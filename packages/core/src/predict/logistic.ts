/**
 * The baseline: L2-penalised logistic regression (le Cessie & van Houwelingen 1992), minimising
 *   (1/n) Σ [log(1 + e^{m_i}) − y_i m_i] + (λ / 2n) ‖β‖²,   m_i = β₀ + Σ_j β_j x_ij   (intercept not penalised)
 * by BFGS (stats/bfgs.ts). Numeric features are standardised and capped at ±5 standard deviations (a heavy
 * tail, such as a usage trend of +1,700 %, would otherwise decide the fit), a missing value is imputed with
 * the mean and flagged by an indicator term; categories are one-hot terms. Every term keeps its training mean, so a
 * prediction's feature contributions are exact Shapley values of the linear margin, φ_j = β_j (x_j − E[x_j])
 * (Lundberg & Lee 2017, Corollary 1), and they sum to the margin minus the mean margin.
 */
import { tenureError } from '../errors.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { bfgs } from '../stats/bfgs.ts';
import { alignFrame, type FeatureSpec, type Frame } from './frame.ts';
import { fitBins } from './gbdt/bin.ts';
import type { ShapValues } from './gbdt/shap.ts';
import { doubleLiteral } from './gbdt/to-sql.ts';

/** One column of the design: a standardised value, a missing-value indicator or a category indicator. */
export type Term =
  | { feature: number; kind: 'value'; center: number; scale: number; coef: number; mean: number }
  | { feature: number; kind: 'missing'; coef: number; mean: number }
  | { feature: number; kind: 'level'; level: string; coef: number; mean: number };

export interface LogisticModel {
  kind: 'logistic';
  features: FeatureSpec[];
  intercept: number;
  terms: Term[];
  lambda: number;
  converged: boolean;
}

/** Standardised values are capped at ± this many standard deviations. */
const CAP = 5;

/** The value of a term for one row (the design matrix, one cell). */
export function termValue(t: Term, col: Float64Array | string[], r: number): number {
  if (t.kind === 'level') return (col as string[])[r] === t.level ? 1 : 0;
  const x = (col as Float64Array)[r]!;
  if (t.kind === 'missing') return Number.isNaN(x) ? 1 : 0;
  return Number.isNaN(x) ? 0 : Math.min(CAP, Math.max(-CAP, (x - t.center) / t.scale));
}

function designTerms(frame: Frame): Term[] {
  const terms: Term[] = [];
  const bins = fitBins(frame);
  frame.columns.forEach((col, feature) => {
    const b = bins[feature]!;
    if (b.kind === 'categorical') {
      for (const level of b.categories) terms.push({ feature, kind: 'level', level, coef: 0, mean: 0 });
      return;
    }
    const x = col as Float64Array;
    let n = 0;
    let s = 0;
    let ss = 0;
    for (const v of x) {
      if (Number.isNaN(v)) continue;
      n++;
      s += v;
      ss += v * v;
    }
    const center = n ? s / n : 0;
    const sd = n ? Math.sqrt(Math.max(ss / n - center * center, 0)) : 0;
    if (sd > 0) terms.push({ feature, kind: 'value', center, scale: sd, coef: 0, mean: 0 });
    if (n > 0 && n < x.length) terms.push({ feature, kind: 'missing', coef: 0, mean: 0 });
  });
  return terms;
}

/**
 * Fit the baseline on a frame and 0/1 labels.
 *
 * @example
 * const lr = fitLogistic(frame, label, { lambda: 1 }); logisticMargin(lr, frame);
 */
export function fitLogistic(frame: Frame, y: Float64Array, opts: { lambda?: number } = {}): LogisticModel {
  const lambda = opts.lambda ?? 1;
  const n = frame.rows;
  const terms = designTerms(frame);
  const p = terms.length;
  const X = terms.map((t) => Float64Array.from({ length: n }, (_, r) => termValue(t, frame.columns[t.feature]!, r)));
  terms.forEach((t, j) => {
    t.mean = X[j]!.reduce((a, v) => a + v, 0) / n;
  });
  const m = new Float64Array(n);
  const resid = new Float64Array(n);
  const objective = (beta: Float64Array, grad: Float64Array) => {
    m.fill(beta[0]!);
    for (let j = 0; j < p; j++) {
      const b = beta[j + 1]!;
      const x = X[j]!;
      for (let r = 0; r < n; r++) m[r]! += b * x[r]!;
    }
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const mi = m[r]!;
      loss += Math.log1p(Math.exp(-Math.abs(mi))) + Math.max(mi, 0) - y[r]! * mi;
      resid[r] = 1 / (1 + Math.exp(-mi)) - y[r]!;
    }
    grad[0] = resid.reduce((a, v) => a + v, 0) / n;
    let penalty = 0;
    for (let j = 0; j < p; j++) {
      const x = X[j]!;
      let s = 0;
      for (let r = 0; r < n; r++) s += resid[r]! * x[r]!;
      const b = beta[j + 1]!;
      grad[j + 1] = (s + lambda * b) / n;
      penalty += b * b;
    }
    return (loss + 0.5 * lambda * penalty) / n;
  };
  const rate = y.reduce((a, v) => a + v, 0) / n;
  if (!(rate > 0 && rate < 1))
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'logistic',
      detail: `${rate * n} of ${n} training rows churned`,
      hint: {
        en: 'Training needs both churned and retained customers: widen the snapshots or the horizon.',
        'zh-CN': '训练需要既有流失客户也有留存客户：请扩大快照范围或预测期。',
      },
    });
  const start = [Math.log(rate / (1 - rate)), ...new Array<number>(p).fill(0)];
  const fit = bfgs(objective, start, { gradientTolerance: 1e-7, maxIterations: 1000 });
  terms.forEach((t, j) => {
    t.coef = fit.x[j + 1]!;
  });
  return { kind: 'logistic', features: frame.features, intercept: fit.x[0]!, terms, lambda, converged: fit.converged };
}

/** Margins (log-odds) of every row. */
export function logisticMargin(model: LogisticModel, frame: Frame): Float64Array {
  const f = alignFrame(frame, model.features);
  const out = new Float64Array(f.rows).fill(model.intercept);
  for (const t of model.terms) {
    const col = f.columns[t.feature]!;
    for (let r = 0; r < f.rows; r++) out[r]! += t.coef * termValue(t, col, r);
  }
  return out;
}

/**
 * The terms whose sum, left to right, is the margin: the intercept, then β × value per term, in the order the
 * JS scorer adds them, over columns named like the features.
 *
 * @example
 * logisticTerms(model); // [intercept, β₁ * coalesce(("tenure" - 12.5e0) / 3.1e0, 0), …]
 */
export function logisticTerms(model: LogisticModel, column: (name: string) => Sql = (n) => sql`${sql.id(n)}`): Sql[] {
  const terms = model.terms.map((t) => {
    const col = column(model.features[t.feature]!.name);
    const value =
      t.kind === 'level'
        ? sql`CASE WHEN ${col} = ${t.level} THEN 1 ELSE 0 END`
        : t.kind === 'missing'
          ? sql`CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END`
          : // CASE, not coalesce: DuckDB's greatest/least skip NULLs, so a missing value would become the cap.
            sql`CASE WHEN ${col} IS NULL THEN 0 ELSE greatest(${doubleLiteral(-CAP)}, least(${doubleLiteral(CAP)}, (${col} - ${doubleLiteral(t.center)}) / ${doubleLiteral(t.scale)})) END`;
    return sql`${doubleLiteral(t.coef)} * ${value}`;
  });
  return [doubleLiteral(model.intercept), ...terms];
}

/**
 * Exact Shapley values of the linear margin, per feature: Σ over the feature's terms of β (x − E[x]).
 *
 * @example
 * const { expected, values } = logisticShap(model, frame); // Σ_f values[r·F + f] = margin_r − expected
 */
export function logisticShap(model: LogisticModel, frame: Frame): ShapValues {
  const f = alignFrame(frame, model.features);
  const F = model.features.length;
  const values = new Float64Array(f.rows * F);
  for (const t of model.terms) {
    const col = f.columns[t.feature]!;
    for (let r = 0; r < f.rows; r++) values[r * F + t.feature]! += t.coef * (termValue(t, col, r) - t.mean);
  }
  const expected = model.terms.reduce((e, t) => e + t.coef * t.mean, model.intercept);
  return { expected, F, values };
}
