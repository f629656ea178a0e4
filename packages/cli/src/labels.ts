/**
 * Every label the CLI prints in a table or summary, in English and 简体中文 (`--lang zh`). Error messages come
 * from core's table; metric titles and definitions from core's catalogue. Tier names match the dashboard's.
 */
export type Lang = 'en' | 'zh-CN';

/** `--lang zh` or `zh-CN` → zh-CN; anything else English. */
export const langOf = (v: string | undefined): Lang => (v?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

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
  pp: { en: 'pp', 'zh-CN': '个百分点' },
  ratio: { en: 'ratio', 'zh-CN': '比率' },
  count: { en: 'count', 'zh-CN': '数量' },
  money: { en: 'money', 'zh-CN': '金额' },
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
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof labels;

export const label = (lang: Lang, key: LabelKey): string => labels[key][lang];
