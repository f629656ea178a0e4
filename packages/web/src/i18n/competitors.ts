/**
 * The Competitors page's texts (benchmarks over time, win–loss by competitor), in both languages, spread into
 * en.ts and zh-CN.ts. Every text names controls on the page.
 */
export const competitorsEn = {
  'nav.competitors': 'Competitors',
  'competitors.benchmarks': 'Benchmarks against ours',
  'competitors.benchmarksIntro':
    'Each imported benchmark source beside our own figure over time. The gap is ours minus theirs at the latest period with both; its trend is how much the gap moves per period (rates in percentage points), narrowing when it heads towards zero.',
  'competitors.noBenchmarks': 'No benchmarks imported: import a benchmarks file on the Data page.',
  'competitors.ours': 'Ours',
  'competitors.benchmarkOnly': 'A figure Tenure does not compute from your data: shown without ours.',
  'competitors.col.source': 'Source',
  'competitors.col.segment': 'Segment',
  'competitors.col.latest': 'Their latest',
  'competitors.col.ours': 'Ours',
  'competitors.col.gap': 'Gap (ours − theirs)',
  'competitors.col.trend': 'Gap trend per period',
  'competitors.col.direction': 'Direction',
  'competitors.gap.narrowing': 'narrowing',
  'competitors.gap.widening': 'widening',
  'competitors.gap.steady': 'steady',
  'competitors.problems': '{n} benchmark rows could not be compared (unknown metric or irregular period).',
  'competitors.winLoss': 'Win–loss by competitor',
  'competitors.winLossIntro':
    'Customers whose churn names the competitor they went to (imported, or confirmed on the exit reasons tab of the Customer voice page). Won back: they later started a subscription or placed an order; counted in the period they were lost, so recent periods have had less time.',
  'competitors.col.competitor': 'Competitor',
  'competitors.col.lost': 'Customers lost',
  'competitors.col.mrrLost': 'MRR lost',
  'competitors.col.wonBack': 'Won back',
  'competitors.col.reasons': 'Their reasons',
  'competitors.lostByPeriod': 'Customers lost per period',
} as const;

export const competitorsZh: Record<keyof typeof competitorsEn, string> = {
  'nav.competitors': '竞争对手',
  'competitors.benchmarks': '基准对比',
  'competitors.benchmarksIntro':
    '每个导入的基准来源与我方同一指标随时间的对比。差距 = 两者都有数据的最近一期的我方减对方；差距趋势 = 差距每期的变化（比率以百分点计），趋向零即为缩小。',
  'competitors.noBenchmarks': '尚未导入基准数据：请在“数据”页导入基准文件。',
  'competitors.ours': '我方',
  'competitors.benchmarkOnly': 'Tenure 不从您的数据计算此项：仅显示对方数值。',
  'competitors.col.source': '来源',
  'competitors.col.segment': '细分',
  'competitors.col.latest': '对方最新值',
  'competitors.col.ours': '我方',
  'competitors.col.gap': '差距（我方 − 对方）',
  'competitors.col.trend': '差距每期变化',
  'competitors.col.direction': '方向',
  'competitors.gap.narrowing': '缩小',
  'competitors.gap.widening': '扩大',
  'competitors.gap.steady': '不变',
  'competitors.problems': '有 {n} 行基准数据无法对比（未知指标或非整月/季/年期间）。',
  'competitors.winLoss': '竞争对手得失',
  'competitors.winLossIntro':
    '流失时注明了去向竞争对手的客户（导入的，或在“客户之声”页离网原因标签中确认的）。赢回：此后又开始订阅或下单；计入流失所在期间，因此最近的期间可赢回的时间较短。',
  'competitors.col.competitor': '竞争对手',
  'competitors.col.lost': '流失客户',
  'competitors.col.mrrLost': '流失 MRR',
  'competitors.col.wonBack': '赢回',
  'competitors.col.reasons': '流失原因',
  'competitors.lostByPeriod': '各期流失客户',
};
