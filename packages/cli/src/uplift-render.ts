/** Human renderings of uplift fits and scorings, in English or Chinese; --json prints the data instead. */
import type { UpliftReport, UpliftScoreRow, UpliftScoreSummary } from '@tenure/core';
import { DASH, formats, type Lang, say, type Text } from '@tenure/core/present';
import { fmtInt, table } from './output.ts';

const f4 = (v: number | null) => (v === null ? DASH : v.toFixed(4));
const money = (v: number | null) => (v === null ? DASH : v.toFixed(2));

const T = {
  fitted: {
    en: 'Uplift model on {campaign} (as of {asOf}, churn within {days} days) stored as run {run} in {seconds} s',
    'zh-CN': '已在活动 {campaign} 上拟合提升模型（截至 {asOf}，{days} 天内流失），保存为运行 {run}，用时 {seconds} 秒',
  },
  members: {
    en: 'Members: {fit} to fit ({fitTreated} treated), {held} held out ({heldTreated} treated)',
    'zh-CN': '成员：{fit} 位用于拟合（实验组 {fitTreated} 位），{held} 位留出（实验组 {heldTreated} 位）',
  },
  observed: {
    en: 'Churn within the window: treatment {t}, control {c}',
    'zh-CN': '窗口内流失率：实验组 {t}，对照组 {c}',
  },
  chosen: { en: 'Chosen: {approach}; churn risk from {risk}', 'zh-CN': '选用：{approach}；流失风险来自{risk}' },
  churn_model: { en: 'the trained churn model', 'zh-CN': '已训练的流失模型' },
  pooled: { en: 'both arms pooled', 'zh-CN': '两组合并拟合的模型' },
  qiniTitle: { en: 'Qini on the held-out members', 'zh-CN': '留出成员上的 Qini' },
  ordering: { en: 'ordering', 'zh-CN': '排序依据' },
  coefficient: { en: 'Qini coefficient', 'zh-CN': 'Qini 系数' },
  normalized: { en: 'normalised', 'zh-CN': '归一化' },
  savedAt30: { en: 'saved per member at 30 %', 'zh-CN': '前 30% 每位成员挽留' },
  segmentsTitle: {
    en: 'Predicted and observed uplift by segment (held out)',
    'zh-CN': '各细分的预测与观测提升（留出成员）',
  },
  dimension: { en: 'dimension', 'zh-CN': '维度' },
  value: { en: 'value', 'zh-CN': '取值' },
  count: { en: 'members', 'zh-CN': '成员数' },
  predicted: { en: 'predicted', 'zh-CN': '预测' },
  observedCol: { en: 'observed', 'zh-CN': '观测' },
  scored: {
    en: 'Uplift scores of {n} customers as of {asOf} stored as run {run} (model run {model}, {campaign})',
    'zh-CN': '已为 {n} 位客户计算提升分数，截至 {asOf}，保存为运行 {run}（模型运行 {model}，活动 {campaign}）',
  },
  counts: {
    en: 'Cost per contact {cost} · persuadable (expected saved value > 0) {persuadable} · sleeping dogs (uplift < 0) {dogs}',
    'zh-CN': '每次接触成本 {cost} · 可说服客户（预期挽留价值 > 0）{persuadable} 位 · 沉睡犬（提升 < 0）{dogs} 位',
  },
  total: {
    en: 'Expected saved value of contacting the persuadable: {value}',
    'zh-CN': '接触可说服客户的预期挽留价值：{value}',
  },
  customer: { en: 'customer', 'zh-CN': '客户' },
  name: { en: 'name', 'zh-CN': '名称' },
  uplift: { en: 'uplift', 'zh-CN': '提升' },
  clv: { en: 'CLV', 'zh-CN': '客户终身价值' },
  saved: { en: 'expected saved value', 'zh-CN': '预期挽留价值' },
  dog: { en: 'sleeping dog', 'zh-CN': '沉睡犬' },
  yes: { en: 'yes', 'zh-CN': '是' },
} satisfies Record<string, Text>;

export function upliftFitText(runId: number, r: UpliftReport, lang: Lang): string {
  const t = (k: keyof typeof T, vars?: Record<string, string | number>) => say(T[k], lang, vars);
  const pct = formats(lang).percent;
  const { trainTreatment, trainControl, holdoutTreatment, holdoutControl } = r.rows;
  const qini = table(
    [t('ordering'), t('coefficient'), t('normalized'), t('savedAt30')],
    r.qini.map((q) => [
      q.ranking,
      f4(q.coefficient),
      f4(q.normalized),
      f4(q.curve[Math.round(0.3 * (q.curve.length - 1))]!.gain),
    ]),
  );
  const segments = table(
    [t('dimension'), t('value'), t('count'), t('predicted'), t('observedCol')],
    r.segments.map((s) => [s.dimension, s.value, s.members, f4(s.predictedUplift), f4(s.observedUplift)]),
  );
  return [
    t('fitted', {
      campaign: r.campaignId,
      asOf: r.asOf,
      days: r.windowDays,
      run: runId,
      seconds: r.seconds.toFixed(1),
    }),
    t('members', {
      fit: fmtInt(trainTreatment + trainControl),
      fitTreated: fmtInt(trainTreatment),
      held: fmtInt(holdoutTreatment + holdoutControl),
      heldTreated: fmtInt(holdoutTreatment),
    }),
    t('observed', { t: pct(r.observed.treatmentChurn), c: pct(r.observed.controlChurn) }),
    t('chosen', { approach: r.chosen, risk: t(r.riskSource) }),
    '',
    t('qiniTitle'),
    qini,
    '',
    t('segmentsTitle'),
    segments,
  ].join('\n');
}

export function upliftScoreText(runId: number, s: UpliftScoreSummary, top: UpliftScoreRow[], lang: Lang): string {
  const t = (k: keyof typeof T, vars?: Record<string, string | number>) => say(T[k], lang, vars);
  const rows = table(
    [t('customer'), t('name'), t('uplift'), t('clv'), t('saved'), t('dog')],
    top.map((r) => [
      r.customer_id,
      r.name,
      f4(r.uplift),
      money(r.clv),
      money(r.expected_saved_value),
      r.sleeping_dog ? t('yes') : '',
    ]),
  );
  return [
    t('scored', { n: fmtInt(s.customers), asOf: s.asOf, run: runId, model: s.modelRunId, campaign: s.campaignId }),
    t('counts', { cost: money(s.costPerContact), persuadable: fmtInt(s.persuadable), dogs: fmtInt(s.sleepingDogs) }),
    t('total', { value: money(s.expectedSavedValue) }),
    '',
    rows,
  ].join('\n');
}
