import type { LineSeriesOption } from 'echarts/charts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { colorAt } from './series.ts';

export interface XySeries {
  name: string;
  points: [number, number][];
  /** On the right-hand axis (`y2`). */
  right?: boolean;
}

/**
 * Lines through (x, y) points with a dashed diagonal for reference (chance on a ROC or gains curve, perfect
 * calibration): the model reports' curves. Both axes are shares from 0 to 1, shown as percents; `y2`, when
 * given, is a plain number axis on the right (lift).
 */
export function XyChart({
  series,
  x,
  y,
  y2,
  diagonal,
  testId,
}: {
  series: XySeries[];
  x: string;
  y: string;
  y2?: string;
  diagonal: string;
  testId: string;
}) {
  const { fmt } = useI18n();
  const share = {
    type: 'value' as const,
    min: 0,
    max: 1,
    axisLabel: { formatter: (v: number) => fmt.value('ratio', v) },
  };
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: 'line',
    name: s.name,
    data: s.points,
    color: colorAt(i),
    symbolSize: 5,
    yAxisIndex: s.right ? 1 : 0,
    lineStyle: s.right ? { type: 'dashed' } : {},
  }));
  return (
    <Chart
      testId={testId}
      height={300}
      option={{
        // Four curves and the diagonal take two legend lines on a half-width card.
        grid: { left: 64, right: y2 ? 56 : 24, top: y2 ? 64 : 40, bottom: 48 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const { seriesName, value } = p as { seriesName: string; value: [number, number] };
            return `${seriesName}<br/>${x}: ${fmt.value('ratio', value[0])}<br/>${fmt.number(value[1], 3)}`;
          },
        },
        xAxis: { ...share, name: x, nameLocation: 'middle', nameGap: 28 },
        yAxis: [
          { ...share, name: y },
          ...(y2 ? [{ type: 'value' as const, name: y2, min: 0, splitLine: { show: false } }] : []),
        ],
        series: [
          ...lines,
          {
            type: 'line',
            name: diagonal,
            data: [
              [0, 0],
              [1, 1],
            ],
            color: '#999',
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dotted' },
          },
        ],
      }}
    />
  );
}
