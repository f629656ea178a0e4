/**
 * Forecast of the next periods of a metric (monthly churn rate, quarterly NRR, …) with a 95 % prediction interval.
 *
 * Model: additive-error exponential smoothing in the state-space form of Hyndman, Koehler, Ord & Snyder,
 * "Forecasting with Exponential Smoothing: The State Space Approach" (Springer, 2008), chosen by series length:
 *   • ETS(A,A,A), additive Holt–Winters, with at least two full seasons: retention metrics are seasonal (renewal
 *     months, holidays, budget cycles) and two seasons are the least that separate seasonality from trend;
 *   • ETS(A,A,N), Holt's linear trend, with 3 points or more but fewer than two seasons (or no season length);
 *   • a flat naive forecast (random walk, ETS(A,N,N) with α = 1) with 1 or 2 points.
 * Error-correction recursions (Table 2.2):  ŷₜ = ℓₜ₋₁ + bₜ₋₁ + sₜ₋ₘ,  eₜ = yₜ − ŷₜ,
 *   ℓₜ = ℓₜ₋₁ + bₜ₋₁ + α eₜ,  bₜ = bₜ₋₁ + β eₜ,  sₜ = sₜ₋ₘ + γ eₜ,  with 0 < β < α < 1 and 0 < γ < 1 − α.
 * Fit: least one-step-ahead SSE (the Gaussian maximum likelihood). For given (α, β, γ) the errors are linear in the
 * initial states, so those come from least squares (seasonal terms summing to zero) and Nelder–Mead searches only
 * (α, β/α, γ/(1 − α)) through a logistic map, from three starts. Interval: ŷ ± 1.96 √vₕ with the class 1 variance
 * (Table 6.1)  vₕ = σ² [1 + (h−1){α² + αβh + β²h(2h−1)/6} + γk(2α + γ + βm(k+1))],  k = ⌊(h−1)/m⌋,  σ² = SSE/n.
 * ETS is what managers' tools use (Excel's FORECAST.ETS, R's forecast::ets), so results can be checked there.
 *
 * Limits, to say wherever this is shown: the interval assumes the fitted parameters are exact and errors are
 * independent Gaussian, so with few points (typical: 12–36 months) it is too narrow; trends are extrapolated
 * undamped, so long horizons drift; a series with a break (price change, new product) is not detected; additive
 * seasonality assumes the seasonal swing does not grow with the level; no damped or multiplicative variant is tried.
 */
import { tenureError } from '../errors.ts';
import { leastSquares } from './least-squares.ts';
import { nelderMead } from './nelder-mead.ts';
import { Z95 } from './wilson.ts';

export type ForecastMethod = 'holt-winters' | 'holt' | 'naive';

/** Smoothing parameters (error-correction form) and initial states ℓ₀, b₀, and s for the first season. */
export interface EtsParams {
  alpha: number;
  beta?: number;
  gamma?: number;
  level: number;
  trend?: number;
  /** seasonal[i] is the seasonal term of observation i, for i < season length. */
  seasonal?: number[];
}

export interface ForecastOptions {
  /** How many periods ahead to forecast. */
  horizon: number;
  /** Periods per season: 12 for months, 4 for quarters, 52 for weeks, 7 for days, 1 (default) for years. */
  seasonLength?: number;
  /** Use these parameters instead of fitting (Holt and Holt–Winters only). */
  params?: EtsParams;
}

export interface Forecast {
  method: ForecastMethod;
  params: EtsParams;
  point: number[];
  /** 95 % prediction interval; null with a single point, whose variability cannot be estimated. */
  low: number[] | null;
  high: number[] | null;
  /** Sum of squared one-step-ahead errors over the series. */
  sse: number;
}

interface Smoothing {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * Forecasts the next `horizon` values of `series` (oldest first, equally spaced periods).
 *
 * @example
 * const monthlyChurn = [0.051, 0.048, 0.055, 0.061, 0.058, 0.052]; // fewer than 24 months: Holt's linear trend
 * const f = forecast(monthlyChurn, { horizon: 3, seasonLength: 12 });
 * f.method; // 'holt'
 * f.point; // next three months; f.low / f.high bound each with 95 % probability under the model
 */
export function forecast(series: readonly number[], options: ForecastOptions): Forecast {
  const { horizon, seasonLength: m = 1, params } = options;
  if (series.length === 0 || !series.every(Number.isFinite) || !Number.isInteger(horizon) || horizon < 1) {
    throw tenureError('TEN_INTERNAL', { detail: 'forecast needs finite values and a positive integer horizon' });
  }
  if (!Number.isInteger(m) || m < 1) throw tenureError('TEN_INTERNAL', { detail: `bad season length ${m}` });
  const n = series.length;
  const steps = Array.from({ length: horizon }, (_, i) => i + 1);
  if (n <= 2) {
    if (params) throw tenureError('TEN_INTERNAL', { detail: 'fixed parameters need at least 3 points' });
    const last = series[n - 1]!;
    // Random walk: its one error, the step between the two points, estimates σ²; one point says nothing of spread.
    const sse = n === 2 ? (last - series[0]!) ** 2 : 0;
    const width = n === 2 ? steps.map((h) => Z95 * Math.sqrt(sse * h)) : undefined;
    return {
      method: 'naive',
      params: { alpha: 1, level: series[0]! },
      point: steps.map(() => last),
      low: width?.map((w) => last - w) ?? null,
      high: width?.map((w) => last + w) ?? null,
      sse,
    };
  }
  const seasonal = m > 1 && n >= 2 * m;
  const period = seasonal ? m : 1;
  const fitted = params ? checked(params, seasonal, period) : fit(series, seasonal, period);
  const s = { alpha: fitted.alpha, beta: fitted.beta ?? 0, gamma: fitted.gamma ?? 0 };
  const end = run(series, s, fitted.level, fitted.trend ?? 0, fitted.seasonal ?? [0]);
  const sse = sumOfSquares(end.errors);
  const point = steps.map((h) => end.level + h * end.trend + end.seasonal[(h - 1) % period]!);
  const width = steps.map((h) => Z95 * Math.sqrt((sse / n) * relativeVariance(s, period, h)));
  return {
    method: seasonal ? 'holt-winters' : 'holt',
    params: fitted,
    point,
    low: point.map((p, i) => p - width[i]!),
    high: point.map((p, i) => p + width[i]!),
    sse,
  };
}

/** Runs the recursions; returns the one-step errors and the final states (seasonal: next m terms, in order). */
function run(y: readonly number[], { alpha, beta, gamma }: Smoothing, l0: number, b0: number, s0: readonly number[]) {
  const m = s0.length;
  const s = [...s0];
  let level = l0;
  let trend = b0;
  const errors = y.map((value, t) => {
    const e = value - (level + trend + s[t % m]!);
    level += trend + alpha * e;
    trend += beta * e;
    s[t % m]! += gamma * e;
    return e;
  });
  return { errors, level, trend, seasonal: s.map((_, i) => s[(y.length + i) % m]!) };
}

/** Least-SSE smoothing parameters and initial states. */
function fit(y: readonly number[], seasonal: boolean, m: number): EtsParams {
  const logistic = (u: number) => 1 / (1 + Math.exp(-u));
  const smoothing = ([u0, u1, u2]: readonly number[]): Smoothing => {
    const alpha = logistic(u0!);
    return { alpha, beta: alpha * logistic(u1!), gamma: seasonal ? (1 - alpha) * logistic(u2!) : 0 };
  };
  const objective = (u: readonly number[]) => initialStates(y, smoothing(u), m).sse;
  const logit = (p: number) => Math.log(p / (1 - p));
  const starts = [0.1, 0.5, 0.9].map((alpha) => [logit(alpha), logit(0.1), ...(seasonal ? [logit(0.1)] : [])]);
  const best = starts.map((u) => nelderMead(objective, u)).sort((a, b) => a.value - b.value)[0]!;
  // Restarting from the best point with a fresh, smaller simplex un-sticks a collapsed simplex (Numerical Recipes §10.5).
  const s = smoothing(nelderMead(objective, best.x, { step: 0.1 }).x);
  const states = initialStates(y, s, m);
  return {
    alpha: s.alpha,
    beta: s.beta,
    ...(seasonal ? { gamma: s.gamma } : {}),
    level: states.level,
    trend: states.trend,
    ...(seasonal ? { seasonal: states.seasonal } : {}),
  };
}

/**
 * Initial states minimising the SSE for fixed smoothing parameters. The errors are affine in x₀ = (ℓ₀, b₀, s):
 * e(x₀) = e(0) + Σⱼ x₀ⱼ · e₀(unit j), where e₀ runs the recursions on a zero series; so x₀ solves least squares.
 * s has m − 1 free terms, the last being minus their sum (without that the level and seasons are confounded).
 */
function initialStates(y: readonly number[], s: Smoothing, m: number) {
  const zeros = y.map(() => 0);
  const noSeason = new Array<number>(m).fill(0);
  const seasonUnit = (j: number) => noSeason.map((_, i) => (i === j ? 1 : i === m - 1 ? -1 : 0));
  const columns = [
    run(zeros, s, 1, 0, noSeason).errors,
    run(zeros, s, 0, 1, noSeason).errors,
    ...Array.from({ length: m - 1 }, (_, j) => run(zeros, s, 0, 0, seasonUnit(j)).errors),
  ];
  const x = leastSquares(
    columns,
    run(y, s, 0, 0, noSeason).errors.map((e) => -e),
  );
  const free = x.slice(2);
  const states = { level: x[0]!, trend: x[1]!, seasonal: [...free, -sumOf(free)] };
  return { ...states, sse: sumOfSquares(run(y, s, states.level, states.trend, states.seasonal).errors) };
}

/** vₕ / σ² for ETS(A,A,A) (Hyndman et al. 2008, Table 6.1, class 1); Holt is the case γ = 0. */
function relativeVariance({ alpha, beta, gamma }: Smoothing, m: number, h: number): number {
  const k = Math.floor((h - 1) / m);
  const trendPart = (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6);
  return 1 + trendPart + gamma * k * (2 * alpha + gamma + beta * m * (k + 1));
}

/** Fixed parameters, checked against the model the series length selects. */
function checked(p: EtsParams, seasonal: boolean, m: number): EtsParams {
  const season = seasonal
    ? p.gamma !== undefined && p.seasonal?.length === m
    : p.gamma === undefined && p.seasonal === undefined;
  if (p.beta === undefined || p.trend === undefined || !season) {
    throw tenureError('TEN_INTERNAL', { detail: `fixed parameters do not fit ${seasonal ? 'Holt–Winters' : 'Holt'}` });
  }
  return p;
}

const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const sumOfSquares = (xs: readonly number[]) => xs.reduce((a, b) => a + b * b, 0);
