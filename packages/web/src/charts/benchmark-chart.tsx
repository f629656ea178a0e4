import type { LineSeriesOption } from 'echarts/charts';
import type { Unit } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { colorAt } from './series.ts';

export interface BenchmarkLine {
  name: string;
  /** One value per period of `periods`, null where the source has none. */
  values: (number | null)[];
  /** Ours is drawn solid and first; each benchmark source dashed. */
  ours?: boolean;
}

/**
 * A metric over time: ours against each benchmark source, one line each, on the metric's unit. Gaps in a
 * source's series are left open (a source that publishes quarterly is not joined across the months between).
 */
export function BenchmarkChart({
  periods,
  grain,
  unit,
  lines,
  testId,
}: {
  periods: string[];
  grain: string;
  unit: Unit;
  lines: BenchmarkLine[];
  testId: string;
}) {
  const { fmt } = useI18n();
  const series: LineSeriesOption[] = lines.map((l, i) => ({
    type: 'line',
    name: l.name,
    data: l.values,
    color: colorAt(i),
    showSymbol: periods.length <= 24,
    symbolSize: 5,
    lineStyle: l.ours ? { width: 3 } : { type: 'dashed' },
  }));
  return (
    <Chart
      testId={testId}
      height={260}
      option={{
        grid: { left: 72, right: 16, top: 36, bottom: 32 },
        legend: { type: 'scroll', top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt.value(unit, v as number | null) },
        xAxis: { type: 'category', data: periods.map((p) => fmt.period(grain, p)) },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt.value(unit, v) } },
        series,
      }}
    />
  );
}
