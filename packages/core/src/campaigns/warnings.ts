/**
 * The warnings a measurement carries, each with a stable code and its words in both languages: figures that are
 * interim because the outcome window has not elapsed, and arms whose sizes deviate from the design (SRM).
 */
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

export const interimWarning = (days: number, asOf: string) => ({
  code: 'TEN_CAMPAIGN_INTERIM',
  message: {
    en: `Interim figures: the outcome window ends in ${days} day(s); measured as of ${asOf}.`,
    'zh-CN': `中期数据：结果观察期还剩 ${days} 天结束；统计截至 ${asOf}。`,
  },
});

export const srmWarning = (p: number, share: number) => ({
  code: 'TEN_CAMPAIGN_SRM',
  message: {
    en: `Sample ratio mismatch: the arms' sizes deviate from the designed ${pct(share)} treatment (χ² p = ${p.toExponential(2)} < 0.001); check how members were assigned before trusting the result.`,
    'zh-CN': `样本比例失衡：两组人数偏离设计的实验组占比 ${pct(share)}（χ² p = ${p.toExponential(2)} < 0.001）；请先核查成员分组方式再采信结果。`,
  },
});
