import { fill, type Lang, type Text } from '../present/index.ts';

/**
 * Every label the report prints, in both languages. The `satisfies` clause makes a key without one of the
 * languages a type error. `{name}` placeholders are filled by `t`. Entity and churn-taxonomy labels are the
 * presentation layer's (present/labels.ts), shared with the CLI and the dashboard.
 */

const dict = {
  report_title: { en: 'Monthly retention report', 'zh-CN': '月度留存报告' },
  range: {
    en: 'Months {from} to {to}; key figures for {month}.',
    'zh-CN': '报告期 {from} 至 {to}；关键指标为 {month}。',
  },
  footer: {
    en: 'Every figure comes from the Tenure metric catalogue (`tenure metrics --list` defines each one).',
    'zh-CN': '所有数字均来自 Tenure 指标目录（`tenure metrics --list` 列出每个指标的定义）。',
  },
  metric: { en: 'Metric', 'zh-CN': '指标' },
  value: { en: 'Value', 'zh-CN': '数值' },
  change: { en: 'Change vs previous month', 'zh-CN': '环比变化' },
  interval: { en: '95 % interval', 'zh-CN': '95% 区间' },
  month: { en: 'Month', 'zh-CN': '月份' },
  actual: { en: 'Actual', 'zh-CN': '实际' },
  forecast: { en: 'Forecast', 'zh-CN': '预测' },
  forecast_band: { en: '95 % forecast interval', 'zh-CN': '95% 预测区间' },
  forecast_note: {
    en: 'The last {n} months are a forecast (exponential smoothing, method: {method}) with 95 % prediction intervals.',
    'zh-CN': '最后 {n} 个月为预测值（指数平滑，方法：{method}），附 95% 预测区间。',
  },
  reason: { en: 'Reason', 'zh-CN': '原因' },
  churned: { en: 'Churned customers', 'zh-CN': '流失客户数' },
  share: { en: 'Share', 'zh-CN': '占比' },
  cumulative: { en: 'Cumulative share', 'zh-CN': '累计占比' },
  mrr_lost: { en: 'MRR lost', 'zh-CN': '流失 MRR' },
  taxonomy: { en: 'By churn type', 'zh-CN': '按流失类型' },
  kind: { en: 'Kind', 'zh-CN': '类型' },
  category: { en: 'Category', 'zh-CN': '类别' },
  retaliatory: {
    en: '{n} of these churns (of {total}) came within {days} days after a complaint closed unsatisfied or past its resolution SLA: retaliatory candidates; {marked} of them had no imported category and are counted as involuntary / retaliatory above.',
    'zh-CN':
      '其中 {n} 次流失（共 {total} 次）发生在投诉以不满意或超过解决时限结案后的 {days} 天内，为报复性流失候选；其中 {marked} 次未导入类别，已在上表计为被动流失 / 报复性。',
  },
  summed: {
    en: 'Totals over the {n} months of the report; shares are of these totals.',
    'zh-CN': '为报告期 {n} 个月的合计；占比按合计计算。',
  },
  top_only: { en: 'The chart shows the {n} largest reasons.', 'zh-CN': '图中显示最大的 {n} 个原因。' },
  cohort: { en: 'Acquisition month', 'zh-CN': '获客月份' },
  age: { en: 'Months since acquisition', 'zh-CN': '获客后月数' },
  customers: { en: 'Customers', 'zh-CN': '客户数' },
  cohort_chart: { en: 'Customers still active, by cohort', 'zh-CN': '各同期群仍活跃客户占比' },
  pareto_chart: { en: 'Churned customers by reason, {from} to {to}', 'zh-CN': '各原因流失客户数（{from} 至 {to}）' },
  cohort_note: {
    en: 'Share of each cohort (customers acquired in the month) still active at the end of each month since acquisition.',
    'zh-CN': '各同期群（当月获客的客户）在获客后每个月末仍活跃的比例。',
  },
  churn_rate: { en: 'Churn rate', 'zh-CN': '流失率' },
  churned_of_active: { en: 'Churned / active at start', 'zh-CN': '流失数 / 期初活跃数' },
  significance: { en: 'Differs from the others', 'zh-CN': '与其他组差异显著' },
  higher: { en: 'higher', 'zh-CN': '偏高' },
  lower: { en: 'lower', 'zh-CN': '偏低' },
  all_segments: { en: 'All', 'zh-CN': '全部' },
  adjusted_p: { en: 'adjusted {p}', 'zh-CN': '校正后 {p}' },
  sig_legend: {
    en: '* differs from the other {dimension}s together (chi-square test, Benjamini–Hochberg adjusted p < 0.05); “higher” and “lower” are against the rate of all together.',
    'zh-CN':
      '* 与其余{dimension}合计相比差异显著（卡方检验，Benjamini–Hochberg 校正后 p < 0.05）；偏高、偏低均相对于总体比率而言。',
  },
  none_significant: {
    en: 'No {dimension} differs significantly from the others this month.',
    'zh-CN': '本月没有{dimension}与其他{dimension}存在显著差异。',
  },
  entity: { en: 'Data', 'zh-CN': '数据' },
  score: { en: 'Score (0–100)', 'zh-CN': '得分（0–100）' },
  no_data: { en: 'No data', 'zh-CN': '无数据' },
  missing_metric: {
    en: 'Not shown: the metric {id} is not in this version of the catalogue.',
    'zh-CN': '未显示：当前版本的指标目录中没有指标 {id}。',
  },
  no_dimension: {
    en: 'Not shown: {name} is not a customer dimension of this workspace (see `dimensions` in tenure.config.json).',
    'zh-CN': '未显示：{name} 不是本工作区的客户维度（见 tenure.config.json 中的 dimensions）。',
  },
  retention_differs: {
    en: 'The two retention rates differ by {n} customers who joined and left within {month}: (end − new) ÷ start subtracts them although they were never among the customers active at the start.',
    'zh-CN':
      '两种留存率相差 {n} 位在 {month} 内新增又流失的客户：(期末 − 新增) ÷ 期初 的算法扣除了他们，尽管他们并不在期初活跃客户之中。',
  },
  overall: { en: 'Overall', 'zh-CN': '总体' },
} as const satisfies Record<string, Text>;

export type TextKey = keyof typeof dict;

/** A label in the report's language: `t('zh-CN', 'forecast_note', { n: 3, method: 'holt' })`. */
export function t(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return fill(dict[key][lang], vars);
}

/**
 * Customer dimensions the report's sections break down by, by name. A dimension is the workspace's own
 * configuration (any customer column), so a name outside this table is free text and printed as it is.
 */
const dimensions: Record<string, Text> = {
  region: { en: 'Region', 'zh-CN': '地区' },
};
export const dimensionLabel = (lang: Lang, name: string): string => dimensions[name]?.[lang] ?? name;
