/**
 * The Customer value page's card that sets the formula LTV beside the model-based CLV, in both languages,
 * spread into en.ts and zh-CN.ts (a block of its own, apart from the page's other texts).
 */
export const ltvClvEn = {
  'ltvClv.title': 'LTV beside model-based CLV',
  'ltvClv.ltv': 'LTV, {period}',
  'ltvClv.interval': '95% interval {low} – {high}',
  'ltvClv.quarters': 'LTV in the last four quarters: {list}',
  'ltvClv.clvMedian': 'CLV per customer, median',
  'ltvClv.clvMean': 'CLV per customer, mean',
  'ltvClv.scored': '{n} customers as scored on {date}',
  'ltvClv.notScored':
    'No per-customer CLV yet: train the churn model on the Churn model page, then score customers on the At risk page with Score now.',
  'ltvClv.explain':
    'LTV is one figure for the whole company: average revenue per account × margin ÷ the churn rate of the period. A quarter with a few more or fewer churned customers moves it a lot, which its interval shows. CLV is computed for each customer from their own MRR and purchase history (lifetime models), over a fixed horizon and discounted, so it is steadier, and usually lower than an LTV that assumes revenue forever. Use CLV to compare customers and decide whom to retain; read LTV as a rough company-level check against acquisition cost.',
} as const;

export const ltvClvZh: Record<keyof typeof ltvClvEn, string> = {
  'ltvClv.title': 'LTV 与模型 CLV 对照',
  'ltvClv.ltv': 'LTV，{period}',
  'ltvClv.interval': '95% 区间 {low} – {high}',
  'ltvClv.quarters': '最近四个季度的 LTV：{list}',
  'ltvClv.clvMedian': '单客户 CLV 中位数',
  'ltvClv.clvMean': '单客户 CLV 平均值',
  'ltvClv.scored': '{date} 评分的 {n} 位客户',
  'ltvClv.notScored': '尚无单客户 CLV：请先在“流失模型”页训练流失模型，再在“流失风险”页点击“立即评分”。',
  'ltvClv.explain':
    'LTV 是全公司的一个数：每账户平均收入 × 毛利率 ÷ 当期流失率。某个季度多流失或少流失几位客户，它就会大幅波动，区间显示了这一点。CLV 按每位客户自己的 MRR 与购买历史（生命周期模型）计算，限定期限并折现，因此比假设收入永续的 LTV 更稳定，通常也更低。比较客户、决定挽留谁请用 CLV；LTV 仅作与获客成本对照的公司层面粗略参考。',
};
