import type { EntityName } from '@tenure/core';
import { fill, isEntityName, type Lang, type Text } from '@tenure/core/present';

/**
 * Every label the CLI prints in a table or summary, in English and 简体中文 (`--lang zh`, read by core's
 * normalizeLang). Error messages come from core's table; metric titles and definitions from core's catalogue;
 * entity and unit names from core's presentation layer. Tier names match the dashboard's.
 */

const labels = {
  metric: { en: 'metric', 'zh-CN': '指标' },
  id: { en: 'id', 'zh-CN': '编号' },
  title: { en: 'title', 'zh-CN': '名称' },
  unit: { en: 'unit', 'zh-CN': '单位' },
  definition: { en: 'definition', 'zh-CN': '定义' },
  period: { en: 'period', 'zh-CN': '周期' },
  value: { en: 'value', 'zh-CN': '数值' },
  change: { en: 'change', 'zh-CN': '变化' },
  numerator: { en: 'numerator', 'zh-CN': '分子' },
  denominator: { en: 'denominator', 'zh-CN': '分母' },
  interval: { en: '95 % interval', 'zh-CN': '95% 置信区间' },
  forecast: { en: 'forecast', 'zh-CN': '预测' },
  differs: { en: '* differs', 'zh-CN': '* 有差异' },
  differsNote: {
    en: '* differs from the other segments (chi-square, Benjamini–Hochberg adjusted p < 0.05)',
    'zh-CN': '* 与其他细分显著不同（卡方检验，Benjamini–Hochberg 校正后 p < 0.05）',
  },
  customer: { en: 'customer', 'zh-CN': '客户' },
  probability: { en: 'P(churn)', 'zh-CN': '流失概率' },
  tier: { en: 'tier', 'zh-CN': '风险等级' },
  clv: { en: 'CLV', 'zh-CN': '客户终身价值' },
  clvSubscription: { en: 'subscription part', 'zh-CN': '订阅部分' },
  clvPurchases: { en: 'purchase part', 'zh-CN': '购买部分' },
  expectedLoss: { en: 'expected loss', 'zh-CN': '预期损失' },
  reasons: { en: 'reasons', 'zh-CN': '主要原因' },
  'tier.critical': { en: 'critical', 'zh-CN': '极高' },
  'tier.high': { en: 'high', 'zh-CN': '高' },
  'tier.medium': { en: 'medium', 'zh-CN': '中' },
  'tier.low': { en: 'low', 'zh-CN': '低' },
  notWorthRetaining: { en: 'not worth retaining', 'zh-CN': '不值得挽留' },
  featureValue: { en: 'feature value', 'zh-CN': '特征取值' },
  contribution: { en: 'contribution (log-odds)', 'zh-CN': '贡献（对数几率）' },
  // tenure status
  workspace: { en: 'Workspace {dir}', 'zh-CN': '工作区 {dir}' },
  entity: { en: 'entity', 'zh-CN': '数据表' },
  rows: { en: 'rows', 'zh-CN': '行数' },
  from: { en: 'from', 'zh-CN': '最早' },
  to: { en: 'to', 'zh-CN': '最晚' },
  lastImport: { en: 'last import', 'zh-CN': '最近导入' },
  rejectedByIt: { en: 'rejected by it', 'zh-CN': '该次拒收行数' },
  batch: { en: '{rows} (batch {batch})', 'zh-CN': '{rows}（批次 {batch}）' },
  noChurn: {
    en: 'No churn figure yet: import subscriptions or churn events.',
    'zh-CN': '尚无流失率：请导入订阅或流失事件。',
  },
  monthChurn: {
    en: 'Churn in {month}: {churned} of {active} customers active at the start of the month = {rate} (from {basis})',
    'zh-CN': '{month} 流失率：月初活跃客户 {active} 位中流失 {churned} 位 = {rate}（依据：{basis}）',
  },
  snapshotChurn: {
    en: `Churned by the snapshot of {asOf}: {churned} of {active} customers = {rate} (snapshot import)
  Every churn is dated on the snapshot's as-of date, so this is no monthly rate and there is no monthly trend.
  For churn over time run \`tenure survival\`; for who will churn, \`tenure model train\`.`,
    'zh-CN': `截至快照日期 {asOf} 已流失：{active} 位客户中 {churned} 位 = {rate}（快照导入）
  所有流失都记在快照日期，因此这不是月度流失率，也没有月度趋势。
  按时间看流失请运行 \`tenure survival\`；预测谁会流失请运行 \`tenure model train\`。`,
  },
  // tenure quality
  qualityHeadline: {
    en: "Data quality: {score} / 100 (as of {now}; freshness is each table's lag behind the end of the data, {dataEnd})",
    'zh-CN': '数据质量：{score} / 100（截至 {now}；新鲜度为各表落后于数据最新日期 {dataEnd} 的程度）',
  },
  score: { en: 'score', 'zh-CN': '得分' },
  worstOffender: { en: 'worst offender', 'zh-CN': '扣分最多的一项' },
  // tenure benchmarks
  source: { en: 'source', 'zh-CN': '来源' },
  segment: { en: 'segment', 'zh-CN': '细分' },
  benchmark: { en: 'benchmark', 'zh-CN': '基准值' },
  ours: { en: 'ours', 'zh-CN': '我方' },
  difference: { en: 'difference', 'zh-CN': '差值' },
  problem: { en: 'problem', 'zh-CN': '问题' },
  latestGap: { en: 'latest gap', 'zh-CN': '最新差距' },
  gapTrend: { en: 'gap trend per period', 'zh-CN': '差距每期变化' },
  'gap.narrowing': { en: 'narrowing', 'zh-CN': '缩小' },
  'gap.widening': { en: 'widening', 'zh-CN': '扩大' },
  'gap.steady': { en: 'steady', 'zh-CN': '不变' },
  benchmarkOnly: { en: '(benchmark only)', 'zh-CN': '（仅基准）' },
  noBenchmarks: {
    en: 'No benchmarks: import some with `tenure import benchmarks FILE`.',
    'zh-CN': '尚无基准数据：请用 `tenure import benchmarks FILE` 导入。',
  },
  unknownBenchmark: { en: 'unknown metric "{metric}" ({rows} rows)', 'zh-CN': '未知指标“{metric}”（{rows} 行）' },
  didYouMean: { en: ': did you mean {suggestion}?', 'zh-CN': '：是否指 {suggestion}？' },
  competitor: { en: 'competitor', 'zh-CN': '竞争对手' },
  lost: { en: 'customers lost', 'zh-CN': '流失客户' },
  mrrLost: { en: 'MRR lost', 'zh-CN': '流失 MRR' },
  wonBack: { en: 'won back', 'zh-CN': '赢回' },
  winLossHeadline: {
    en: 'Win–loss by competitor, {from} to {to} (won back: a later subscription or order)',
    'zh-CN': '竞争对手得失，{from} 至 {to}（赢回：此后又订阅或下单）',
  },
  noWinLoss: {
    en: 'No churn event of the range names a competitor (the churn_events column competitor).',
    'zh-CN': '该时间范围内没有注明竞争对手的流失事件（churn_events 的 competitor 列）。',
  },
  // tenure sync
  table: { en: 'table', 'zh-CN': '表' },
  synced: {
    en: 'ClickHouse holds copy {version} of the workspace, laid out on {layout}.',
    'zh-CN': 'ClickHouse 中现为工作区的第 {version} 份副本，布局为{layout}。',
  },
  oneNode: { en: 'one node', 'zh-CN': '单节点' },
  cluster: { en: 'the cluster {name}', 'zh-CN': '集群 {name}' },
  // Quality rules (core's quality/), in English by their ids as --json gives them, in Chinese as the dashboard words them.
  'rule.required': { en: 'required', 'zh-CN': '必填值齐全' },
  'rule.optional': { en: 'optional', 'zh-CN': '选填值齐全' },
  'rule.key': { en: 'key', 'zh-CN': '编号唯一' },
  'rule.enum': { en: 'enum', 'zh-CN': '取值合法' },
  'rule.nonNegative': { en: 'nonNegative', 'zh-CN': '非负' },
  'rule.range': { en: 'range', 'zh-CN': '在范围内' },
  'rule.notBefore': { en: 'notBefore', 'zh-CN': '不早于开始时间' },
  'rule.notFuture': { en: 'notFuture', 'zh-CN': '不在未来' },
  'rule.fresh': { en: 'fresh', 'zh-CN': '新鲜' },
  'rule.stale': { en: 'stale', 'zh-CN': '陈旧' },
  'rule.expired': { en: 'expired', 'zh-CN': '过期' },
  'rule.references': { en: 'references {entity}', 'zh-CN': '对应已知{entity}' },
} as const satisfies Record<string, Text>;

export type LabelKey = keyof typeof labels;

/**
 * A label in a language, its `{name}` placeholders filled from `vars`.
 * @example label('zh-CN', 'batch', { rows: '3', batch: 2 }) // '3（批次 2）'
 */
export const label = (lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string =>
  fill(labels[key][lang], vars);

/** A quality rule id (`optional`, `references customers`) as a label; an id the table lacks is shown as it is. */
export function ruleLabel(lang: Lang, rule: string, entityLabel: (entity: EntityName) => string): string {
  const [id = '', target = ''] = rule.split(' ');
  if (id === 'references' && isEntityName(target))
    return label(lang, 'rule.references', { entity: entityLabel(target) });
  const key = `rule.${id}`;
  return key in labels ? label(lang, key as LabelKey) : rule;
}
