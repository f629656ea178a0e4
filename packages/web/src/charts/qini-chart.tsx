import type { LineSeriesOption } from 'echarts/charts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { colorAt, escapeHtml } from './series.ts';

export interface QiniLine {
  name: string;
  /** (share of customers contacted, best-ranked first; churners saved by then, as a share of all customers) */
  points: [number, number][];
  /** The reference a ranking must beat (random choice): dotted grey. */
  reference?: boolean;
}

/**
 * Qini curves: churners saved (treated minus control outcomes, scaled to the treated group) as the share contacted
 * grows, one line per way of ranking customers. A ranking worth having climbs above the random line early. Both
 * axes are shares of the customers ranked, shown as percents.
 */
export function QiniChart({ lines, x, y }: { lines: QiniLine[]; x: string; y: string }) {
  const { fmt } = useI18n();
  const series: LineSeriesOption[] = lines.map((l, i) => ({
    type: 'line',
    name: l.name,
    data: l.points,
    color: l.reference ? '#999' : colorAt(i),
    showSymbol: l.points.length <= 20,
    symbolSize: 5,
    lineStyle: l.reference ? { type: 'dotted' } : {},
  }));
  return (
    <Chart
      testId="qini-chart"
      height={340}
      option={{
        grid: { left: 72, right: 24, top: 48, bottom: 48 },
        legend: { top: 0, type: 'scroll' },
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const { seriesName, value } = p as { seriesName: string; value: [number, number] };
            return `${escapeHtml(seriesName)}<br/>${x}: ${fmt.value('ratio', value[0])}<br/>${y}: ${fmt.value('ratio', value[1])}`;
          },
        },
        xAxis: {
          type: 'value',
          min: 0,
          max: 1,
          name: x,
          nameLocation: 'middle',
          nameGap: 28,
          axisLabel: { formatter: (v: number) => fmt.value('ratio', v) },
        },
        yAxis: {
          type: 'value',
          name: y,
          nameLocation: 'middle',
          nameGap: 52,
          axisLabel: { formatter: (v: number) => fmt.value('ratio', v) },
        },
        series,
      }}
    />
  );
}
