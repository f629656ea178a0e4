import type { HistogramBin } from '../api/types.ts';
import type { Unit } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';

/** Customers per bin, each bar labelled by its lower bound in the unit (money, a share). */
export function HistogramChart({ bins, unit, testId }: { bins: HistogramBin[]; unit: Unit; testId: string }) {
  const { t, fmt } = useI18n();
  return (
    <Chart
      testId={testId}
      height={280}
      option={{
        grid: { left: 56, right: 16, top: 24, bottom: 56 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const b = bins[(ps as { dataIndex: number }[])[0]?.dataIndex ?? 0];
            if (!b) return '';
            return `${fmt.value(unit, b.lower)} – ${fmt.value(unit, b.upper)}<br/>${t('value.count')}: <b>${fmt.number(b.count, 0)}</b>`;
          },
        },
        xAxis: { type: 'category', data: bins.map((b) => fmt.value(unit, b.lower)), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', name: t('value.count') },
        series: [{ type: 'bar', barCategoryGap: '8%', data: bins.map((b) => b.count) }],
      }}
    />
  );
}
