import type { ChurnReason } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { escapeHtml } from './series.ts';

/** Reasons by count, largest first, with the running share on a second axis: the few reasons behind most churn. */
export function ParetoChart({ reasons, label }: { reasons: ChurnReason[]; label: (reason: string) => string }) {
  const { t, fmt } = useI18n();
  return (
    <Chart
      testId="pareto-chart"
      option={{
        grid: { left: 56, right: 56, top: 40, bottom: 96 },
        legend: { top: 0, data: [t('reasons.count'), t('reasons.cumulative')] },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const r = reasons[(ps as { dataIndex: number }[])[0]?.dataIndex ?? 0];
            if (!r) return '';
            return [
              `<b>${escapeHtml(label(r.reason))}</b>`,
              `${t('reasons.count')}: ${fmt.number(r.count, 0)} (${fmt.value('ratio', r.share)})`,
              `${t('reasons.cumulative')}: ${fmt.value('ratio', r.cumulative_share)}`,
              `${t('reasons.mrrLost')}: ${fmt.value('money', r.mrr_lost)}`,
            ].join('<br/>');
          },
        },
        xAxis: { type: 'category', data: reasons.map((r) => label(r.reason)), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: [
          { type: 'value', name: t('reasons.count') },
          { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => fmt.value('ratio', v) } },
        ],
        series: [
          { type: 'bar', name: t('reasons.count'), data: reasons.map((r) => r.count) },
          {
            type: 'line',
            name: t('reasons.cumulative'),
            yAxisIndex: 1,
            data: reasons.map((r) => r.cumulative_share),
          },
        ],
      }}
    />
  );
}
