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
    // Curves have up to ~100 points: dots only where there are few.
    showSymbol: s.points.length <= 20,
    symbolSize: 5,
    yAxisIndex: s.right ? 1 : 0,
    lineStyle: s.right ? { type: 'dashed' } : {},
  }));
  return (
    <Chart
      testId={testId}
      height={300}
      option={{
        // The legend has the top to itself (four curves and the diagonal may take two lines on a half-width
        // card); the axis titles run along their axes, so the two never overlap.
        grid: { left: 72, right: y2 ? 64 : 24, top: 64, bottom: 48 },
        legend: { top: 0, type: 'scroll' },
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const { seriesName, value } = p as { seriesName: string; value: [number, number] };
            return `${seriesName}<br/>${x}: ${fmt.value('ratio', value[0])}<br/>${fmt.number(value[1], 3)}`;
          },
        },
        xAxis: { ...share, name: x, nameLocation: 'middle', nameGap: 28 },
        yAxis: [
          { ...share, name: y, nameLocation: 'middle', nameGap: 48 },
          ...(y2
            ? [
                {
                  type: 'value' as const,
                  name: y2,
                  nameLocation: 'middle' as const,
                  nameGap: 36,
                  min: 0,
                  splitLine: { show: false },
                },
              ]
            : []),
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
