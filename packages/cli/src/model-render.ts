/**
 * Human renderings of model results, one per model in a typed registry (a new model that lacks one does not
 * compile). --json prints the stored run instead.
 */
import {
  type ModelFit,
  type ModelName,
  type ModelResult,
  modelNames,
  parseModelOptions,
  runModel,
  tenureError,
  type ValidationResult,
  withWorkspace,
} from '@tenure/core';
import { DASH, formats } from '@tenure/core/present';
import type { Globals } from './context.ts';
import { emit, fmtInt, table } from './output.ts';

const f = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined || !Number.isFinite(v) ? DASH : Number(v.toPrecision(digits)).toString();
const pct = (v: number | null | undefined) => formats('en').percent(v);
const p = (v: number) => (v < 1e-4 ? '< 0.0001' : v.toFixed(4));
/** "p = 0.0123" or "p < 0.0001" in running text. */
const pIs = (v: number) => (v < 1e-4 ? p(v) : `= ${p(v)}`);

/** Parameters with standard errors, then log-likelihood, iterations and convergence. */
function fitTable(fit: ModelFit): string {
  const rows = Object.entries(fit.params).map(([k, v]) => [k, f(v as number), f(fit.stderr[k])]);
  return `${table(['parameter', 'estimate', 'std. error'], rows)}
log-likelihood ${f(fit.logLik, 8)} · n = ${fmtInt(fit.n)} · ${fit.iterations} iterations · ${fit.converged ? 'converged' : 'NOT converged'}`;
}

function survivalText(r: ModelResult<'km'>): string {
  const horizon = Math.max(...r.curves.map((c) => c.table.at(-1)?.time ?? 0));
  const marks = [1, 3, 6, 12, 24, 36, 48, 60, 72].filter((t) => t <= horizon);
  const at = (c: ModelResult<'km'>['curves'][number], t: number) => [...c.table].reverse().find((row) => row.time <= t);
  const summary = table(
    ['segment', 'customers', 'churned', `median (${r.unit}s)`, '95 % interval', `restricted mean (≤ ${f(horizon)})`],
    r.curves.map((c) => [
      c.segment,
      fmtInt(c.n),
      fmtInt(c.events),
      f(c.median.estimate),
      `${f(c.median.lower)} – ${f(c.median.upper)}`,
      `${f(c.restrictedMean.estimate)} ± ${f(c.restrictedMean.stderr, 2)}`,
    ]),
  );
  const curve = table(
    [r.unit, ...r.curves.map((c) => c.segment)],
    marks.map((t) => [
      String(t),
      ...r.curves.map((c) => {
        const row = at(c, t);
        return row ? `${pct(row.survival)} (${pct(row.lower)} – ${pct(row.upper)})` : '100 %';
      }),
    ]),
  );
  const lr = r.logRank
    ? `\nLog-rank test across ${r.by.join(', ')}: χ² = ${f(r.logRank.chiSquare)} on ${r.logRank.df} df, p ${pIs(r.logRank.pValue)}`
    : '';
  return `Survival (Kaplan–Meier, ${r.basis} basis, as of ${r.asOf})\n\n${summary}\n\nS(t) with 95 % bands\n${curve}${lr}`;
}

function validationText(r: ValidationResult): string {
  const parts = [`Calibration to ${r.calibrationEnd}, holdout to ${r.holdoutEnd} (${r.unit}s)`];
  const v = r.purchases;
  if (v && 'error' in v) parts.push(`Purchases: ${v.error.code}: ${v.error.message}`);
  else if (v)
    parts.push(
      `Repeat purchases in the ${f(v.holdout)}-${r.unit} holdout, per customer, by calibration frequency (BG/NBD)\n${table(
        ['frequency', 'customers', 'actual', 'predicted'],
        v.byFrequency.map((b) => [b.frequency, b.customers, f(b.actual, 3), f(b.predicted, 3)]),
      )}\nTotal: actual ${f(v.total.actual, 6)}, predicted ${f(v.total.predicted, 6)}${
        v.revenue ? ` · revenue: actual ${f(v.revenue.actual, 6)}, predicted ${f(v.revenue.predicted, 6)}` : ''
      }`,
    );
  const s = r.survival;
  if (s && 'error' in s) parts.push(`Survival: ${s.error.code}: ${s.error.message}`);
  else if (s)
    parts.push(
      `Survival by ${r.unit} of the customers acquired by the calibration end (sBG fitted before it)\n${table(
        ['period', 'actual', 'predicted'],
        s.byPeriod.map((b) => [b.period, pct(b.actual), pct(b.predicted)]),
      )}`,
    );
  return parts.join('\n\n');
}

export const renderers: { [N in ModelName]: (r: ModelResult<N>) => string } = {
  km: survivalText,
  cox: (r) =>
    `Cox proportional hazards (Efron ties), time in ${r.unit}s, as of ${r.asOf}\n${table(
      ['term', 'hazard ratio', '95 % interval', 'p'],
      r.fit.terms.map((t) => [t.term, f(t.hazardRatio), `${f(t.lower)} – ${f(t.upper)}`, p(t.pValue)]),
    )}\nReference levels: ${
      Object.entries(r.reference)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || DASH
    } · concordance ${f(r.fit.concordance)} · likelihood ratio χ² = ${f(r.fit.likelihoodRatio.statistic)} on ${
      r.fit.likelihoodRatio.df
    } df · ${r.fit.events} churned of ${r.fit.n}\n${fitTable(r.fit).split('\n').at(-1)}`,
  sbg: (r) =>
    `Shifted-beta-geometric (${r.source === 'survivors' ? 'survivor counts' : `workspace, as of ${r.asOf}`}), periods: ${r.unit}s\n${fitTable(
      r.fit,
    )}\n\n${table(
      ['period', 'observed', 'model', 'retention'],
      r.curve.map((c) => [c.period, pct(c.observed), pct(c.survival), pct(c.retention)]),
    )}\nExpected lifetime ${r.lifetime.expected === null ? 'unbounded (α ≤ 1)' : `${f(r.lifetime.expected)} periods`} · median ${f(
      r.lifetime.median,
    )} · DEL ${f(r.lifetime.del)} · DERL after ${r.lifetime.derl.length - 1} renewals ${f(r.lifetime.derl.at(-1)?.value)} (discount ${pct(r.discountPerPeriod)} a period)`,
  bgnbd: (r) =>
    `BG/NBD, calibration ${r.firstOrder} – ${r.calibrationEnd}, time in ${r.unit}s\n${fitTable(r.fit)}\nExpected alive: ${f(
      r.expectedAlive,
      6,
    )} of ${r.fit.n} · a new customer's expected repeat purchases in 3/6/12 months: ${[2, 5, 11]
      .map((k) => f(r.population[k]!.expected, 3))
      .join(' / ')}`,
  'gamma-gamma': (r) =>
    `Gamma-gamma spend, calibration ${r.firstOrder} – ${r.calibrationEnd}\n${fitTable(r.fit)}\nMean spend per transaction ${f(
      r.fit.populationMean,
      6,
    )} · correlation of frequency and spend ${f(r.fit.frequencySpendCorrelation, 2)} (the model assumes about 0)`,
  clv: (r) =>
    `Customer lifetime value over ${r.horizonMonths} months (margin ${pct(r.margin)}, discount ${pct(r.discountRate)} a year), calibration to ${
      r.calibrationEnd
    }\nCLV = subscription part (margin × MRR at ${r.valuedAt} over the horizon) + purchase part (BG/NBD × gamma-gamma)\n${fmtInt(r.customers)} customers, total ${f(r.totalValue, 8)} (subscriptions ${f(r.subscriptionValue, 8)} + purchases ${f(r.purchaseValue, 8)}), expected alive buyers ${f(r.expectedAlive, 6)}\nQuantiles: ${r.quantiles
      .map((q) => `p${Math.round(100 * q.p)} ${f(q.value)}`)
      .join(' · ')}\n\n${table(
      ['customer', 'x', 'P(alive)', 'exp. purchases', 'exp. spend', 'subscription', 'purchases', 'CLV'],
      r.top.map((c) => [
        c.customer_id,
        c.x,
        c.pAlive === null ? DASH : pct(c.pAlive),
        f(c.expectedPurchases, 3),
        f(c.expectedSpend),
        f(c.subscriptionValue),
        f(c.purchaseValue),
        f(c.clv),
      ]),
    )}`,
  validation: validationText,
};

/**
 * Run a model on the command's workspace and print the stored run (--json) or its rendering. The name and
 * options are checked before the workspace is opened, so a typo is reported as such even without one.
 */
export async function runAndPrint<N extends ModelName>(g: Globals, name: N, options: Record<string, unknown>) {
  if (!modelNames.includes(name)) throw tenureError('TEN_MODEL_UNKNOWN', { name, known: modelNames });
  parseModelOptions(options);
  const run = await withWorkspace(g.workspace, (ws) => runModel(ws, name, options));
  emit(g, run, () => renderers[name](run.result));
}
