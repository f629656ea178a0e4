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
import { DASH, formats, type Lang } from '@tenure/core/present';
import { label } from './labels.ts';
import { fmtInt, table } from './output.ts';

const en = formats('en');
/** Model diagnostics (AUC, log loss, SHAP) to a fixed four decimals, so a column of them lines up. */
const f4 = (v: number | null | undefined) => (v === null || v === undefined ? DASH : v.toFixed(4));
const pct = (v: number) => en.percent(v);

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

const money = (v: number | null) => en.value('money', v);

export function scoreText(runId: number, s: ScoreSummary, deliveries: DeliveryPass | null, lang: Lang): string {
  const t = s.tiers;
  const L = (k: Parameters<typeof label>[1]) => label(lang, k);
  const queue = table(
    [
      L('customer'),
      L('probability'),
      L('tier'),
      L('clv'),
      L('clvSubscription'),
      L('clvPurchases'),
      L('expectedLoss'),
      L('reasons'),
    ],
    s.top.map((c) => [
      c.customer_id,
      pct(c.probability),
      L(`tier.${c.tier}`),
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
  const tiers = `${L('tier')}: ${L('tier.critical')} ${t.critical} · ${L('tier.high')} ${t.high} · ${L('tier.medium')} ${t.medium} · ${L('tier.low')} ${t.low} · ${L('notWorthRetaining')} ${s.notWorthRetaining}`;
  if (lang === 'zh-CN')
    return `已为 ${fmtInt(s.customers)} 位客户评分，截至 ${s.asOf}（运行 ${runId}，模型运行 ${s.modelRunId}）
${tiers}
${L('expectedLoss')} ${money(s.expectedLoss)}（客户终身价值 = 订阅部分 + 购买部分，购买部分${s.clvSource === 'models' ? '来自生命周期模型' : '来自最近 365 天的订单'}）· 新预警 ${s.alerts} 条${sent}

挽留队列（按预期损失从大到小）
${queue}`;
  return `Scored ${fmtInt(s.customers)} customers at ${s.asOf} (run ${runId}, model run ${s.modelRunId})
${tiers}
Expected loss ${money(s.expectedLoss)} (CLV = subscription + purchases, the purchase part ${s.clvSource === 'models' ? 'from the lifetime models' : 'from the last 365 days of orders'}) · ${s.alerts} new alerts${sent}

Retention queue (largest expected loss first)
${queue}`;
}

export function explainText(e: Explanation, lang: Lang): string {
  const rows = e.contributions
    .slice(0, 12)
    .map((c) => [c.text[lang], `${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}`]);
  const why = e.reasons.map((r) => r.text[lang]).join('; ') || DASH;
  const contributions = table([label(lang, 'featureValue'), label(lang, 'contribution')], rows);
  const tier = label(lang, `tier.${e.tier}`);
  if (lang === 'zh-CN')
    return `${e.customer_id} 截至 ${e.asOf}：流失概率 ${pct(e.probability)}（${tier}）
原因：${why}

${contributions}
平均客户 ${e.expectedMargin.toFixed(3)} + 各项贡献 = ${e.margin.toFixed(3)}（模型运行 ${e.modelRunId}）`;
  return `${e.customer_id} at ${e.asOf}: churn probability ${pct(e.probability)} (${tier})
Why: ${why}

${contributions}
Average customer ${e.expectedMargin.toFixed(3)} + contributions = ${e.margin.toFixed(3)} (model run ${e.modelRunId})`;
}
