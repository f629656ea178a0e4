import type { SegmentSummary } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { heatScale } from './heat-scale.ts';

/** Recency score across, frequency score up, each cell its customers (colour) with their monetary value in the tooltip. */
export function RfmHeatmap({ data }: { data: SegmentSummary }) {
  const { t, fmt } = useI18n();
  const scores = Array.from({ length: data.bins }, (_, i) => String(i + 1));
  const cells = data.rfm.map((c) => [c.r - 1, c.f - 1, c.customers, c.monetary] as [number, number, number, number]);
  const max = Math.max(1, ...cells.map((c) => c[2]));
  return (
    <Chart
      testId="rfm-heatmap"
      height={300}
      option={{
        grid: { left: 56, right: 80, top: 16, bottom: 48 },
        tooltip: {
          formatter: (p: unknown) => {
            const [r, f, n, m] = (p as { value: [number, number, number, number] }).value;
            return `R${r + 1} F${f + 1}<br/>${t('rfm.customers')}: <b>${fmt.number(n, 0)}</b><br/>${t('rfm.monetary')}: ${fmt.value('money', m)}`;
          },
        },
        xAxis: { type: 'category', data: scores, name: t('rfm.recency'), nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: scores, name: t('rfm.frequency'), nameLocation: 'middle', nameGap: 32 },
        visualMap: heatScale(max),
        series: [
          {
            type: 'heatmap',
            data: cells,
            label: { show: true, formatter: (p: unknown) => fmt.number((p as { value: number[] }).value[2] ?? 0, 0) },
          },
        ],
      }}
    />
  );
}
