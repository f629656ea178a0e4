/**
 * Human renderings of churn training, backtests, scores and explanations; --json prints the data instead.
 */
import type {
  BacktestResult,
  DeliveryPass,
  Evaluation,
  Explanation,
  Importance,
  ScoreSummary,
  TrainResult,
} from '@tenure/core';
import { table } from './output.ts';

const f4 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(4));
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

function measures(rows: [string, Evaluation | null | undefined][]): string {
  return table(
    ['rows', 'n', 'churned', 'ROC AUC', 'PR AUC', 'log loss', 'Brier', 'lift@10 %', 'capture@10 %'],
    rows
      .filter((r): r is [string, Evaluation] => !!r[1])
      .map(([name, e]) => [
        name,
        e.rows,
        e.churned,
        f4(e.rocAuc),
        f4(e.prAuc),
        f4(e.logLoss),
        f4(e.brier),
        e.liftAt10.toFixed(2),
        pct(e.captureAt10),
      ]),
  );
}

const importance = (list: Importance[]) =>
  table(
    ['feature', 'mean |SHAP|', 'share'],
    list.slice(0, 12).map((i) => [i.feature, f4(i.meanAbsShap), pct(i.share)]),
  );

export function trainText(runId: number, r: TrainResult): string {
  const m = r.metrics;
  const trees = m.trees === null ? '' : ` · ${m.trees} trees`;
  return `Churn model (${m.classifier}, ${m.mode}${trees}) stored as run ${runId} in ${m.seconds.toFixed(1)} s
${measures([
  ['validation', r.validation],
  ['test', r.test],
  ['baseline validation', r.baseline?.validation],
  ['baseline test', r.baseline?.test],
])}

Most important features
${importance(r.importance)}`;
}

export function backtestText(runId: number, r: BacktestResult): string {
  const curve = table(
    ['predicted', 'customers', 'mean predicted', 'observed'],
    r.model.calibration
      .filter((b) => b.count)
      .map((b) => [`${pct(b.from)}–${pct(b.to)}`, b.count, pct(b.meanPredicted), pct(b.observedRate)]),
  );
  return `Backtest (run ${runId}): trained on ${r.trainSnapshots.join(', ')}; tested at ${r.testDate}, churn within ${r.horizonDays} days
${measures([
  ['model', r.model],
  ['logistic baseline', r.baseline],
])}

Calibration at the test snapshot
${curve}

Most important features
${importance(r.importance)}`;
}

export type Lang = 'en' | 'zh-CN';

/** `--lang zh` or `zh-CN` → zh-CN; anything else English. */
export const langOf = (v: string | undefined): Lang => (v?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

const money = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));

export function scoreText(runId: number, s: ScoreSummary, deliveries: DeliveryPass | null, lang: Lang): string {
  const t = s.tiers;
  const queue = table(
    ['customer', 'P(churn)', 'tier', 'CLV', 'subscription', 'purchases', 'expected loss', 'reasons'],
    s.top.map((c) => [
      c.customer_id,
      pct(c.probability),
      c.tier,
      money(c.clv),
      money(c.clv_subscription),
      money(c.clv_purchases),
      money(c.expected_loss),
      c.reasons.map((r) => r.text[lang]).join('; '),
    ]),
  );
  const sent = deliveries
    ? ` · webhooks: ${deliveries.delivered} delivered, ${deliveries.retrying} to retry, ${deliveries.failed} failed`
    : '';
  return `Scored ${s.customers.toLocaleString('en-US')} customers at ${s.asOf} (run ${runId}, model run ${s.modelRunId})
Tiers: critical ${t.critical} · high ${t.high} · medium ${t.medium} · low ${t.low} · not worth retaining ${s.notWorthRetaining}
Expected loss ${money(s.expectedLoss)} (CLV = subscription + purchases, the purchase part ${s.clvSource === 'models' ? 'from the lifetime models' : 'from the last 365 days of orders'}) · ${s.alerts} new alerts${sent}

Retention queue (largest expected loss first)
${queue}`;
}

export function explainText(e: Explanation, lang: Lang): string {
  const rows = e.contributions
    .slice(0, 12)
    .map((c) => [c.text[lang], `${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}`]);
  return `${e.customer_id} at ${e.asOf}: churn probability ${pct(e.probability)} (${e.tier})
Why: ${e.reasons.map((r) => r.text[lang]).join('; ') || '—'}

${table(['feature value', 'contribution (log-odds)'], rows)}
Average customer ${e.expectedMargin.toFixed(3)} + contributions = ${e.margin.toFixed(3)} (model run ${e.modelRunId})`;
}
