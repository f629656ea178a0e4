import type { Text, Unit } from '../present/index.ts';

/**
 * Figures a benchmark may carry that Tenure does not compute from the workspace: a competitor's market share,
 * a market's sales. They are accepted by name (id, English or Chinese title, or an alias), shown with their unit
 * and without a figure of ours beside them, so a table of competitor figures needs no catalogue metric for each.
 */
export const benchmarkOnlyMetrics = {
  market_share: {
    title: { en: 'Market share', 'zh-CN': '市场份额' },
    unit: 'ratio',
    aliases: ['share_of_market', '市场占有率', '市占率'],
  },
  sales: {
    title: { en: 'Sales', 'zh-CN': '销售额' },
    unit: 'money',
    aliases: ['revenue', 'sales_revenue', 'turnover', '销量', '营业额', '销售收入'],
  },
} as const satisfies Record<string, { title: Text; unit: Unit; aliases: readonly string[] }>;

export type BenchmarkOnlyMetric = keyof typeof benchmarkOnlyMetrics;
export const benchmarkOnlyNames = Object.keys(benchmarkOnlyMetrics) as [BenchmarkOnlyMetric, ...BenchmarkOnlyMetric[]];
