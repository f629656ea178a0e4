import { Segmented } from 'antd';
import type { LineSeriesOption } from 'echarts/charts';
import { useState } from 'react';
import { Chart } from '../../charts/chart.tsx';
import { colorAt } from '../../charts/series.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { VoiceTrend } from './types.ts';

/** The topics drawn: the largest ones, so the chart stays readable with forty topics. */
const SHOWN = 8;

/** Each topic's texts (or mean sentiment) per month, one line per topic, the largest topics only. */
export function TopicTrend({ trend }: { trend: VoiceTrend }) {
  const { t, fmt } = useI18n();
  const [what, setWhat] = useState<'documents' | 'sentiment'>('documents');
  const months = [...new Set(trend.rows.map((r) => r.month))].sort();
  const totals = new Map<string, { label: string; n: number }>();
  for (const r of trend.rows) {
    const x = totals.get(r.topic_id) ?? { label: r.label, n: 0 };
    totals.set(r.topic_id, { label: x.label, n: x.n + r.documents });
  }
  const top = [...totals].sort((a, b) => b[1].n - a[1].n).slice(0, SHOWN);
  const series: LineSeriesOption[] = top.map(([id, { label }], i) => ({
    type: 'line',
    name: label,
    color: colorAt(i),
    showSymbol: months.length <= 24,
    connectNulls: what === 'sentiment',
    data: months.map((m) => {
      const r = trend.rows.find((x) => x.month === m && x.topic_id === id);
      return what === 'documents' ? (r?.documents ?? 0) : (r?.sentiment ?? null);
    }),
  }));
  return (
    <>
      <Segmented
        aria-label={t('topics.trend')}
        value={what}
        onChange={(v) => setWhat(v as typeof what)}
        options={[
          { value: 'documents', label: t('topics.trend') },
          { value: 'sentiment', label: t('topics.trendSentiment') },
        ]}
      />
      <Chart
        testId="topic-trend"
        height={340}
        option={{
          grid: { left: 56, right: 24, top: 64, bottom: 40 },
          legend: { top: 0, type: 'scroll' },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: months.map((m) => fmt.period('month', m)) },
          yAxis: { type: 'value', ...(what === 'documents' ? { minInterval: 1 } : {}) },
          series,
        }}
      />
    </>
  );
}
