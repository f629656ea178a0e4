import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { Unit } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { colorAt } from './series.ts';

export interface MonthlySeries {
  name: string;
  /** One value per month of `months`, null where there is none. */
  values: (number | null)[];
  type: 'line' | 'bar';
}

/**
 * Values by month (YYYY-MM-DD of each month's first day): one customer's MRR or usage over time; with `grain`,
 * by quarter or year (each period's first day), as the competitors page counts customers lost per period.
 */
export function MonthlyChart({
  months,
  series,
  unit,
  testId,
  height = 240,
  grain = 'month',
}: {
  months: string[];
  series: MonthlySeries[];
  unit: Unit;
  testId: string;
  height?: number;
  grain?: string;
}) {
  const { fmt } = useI18n();
  const out: (LineSeriesOption | BarSeriesOption)[] = series.map((s, i) =>
    s.type === 'line'
      ? {
          type: 'line',
          name: s.name,
          data: s.values,
          step: 'end',
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          color: colorAt(i),
        }
      : { type: 'bar', name: s.name, data: s.values, stack: 'all', color: colorAt(i) },
  );
  return (
    <Chart
      testId={testId}
      height={height}
      option={{
        grid: { left: 72, right: 16, top: series.length > 1 ? 36 : 16, bottom: 32 },
        ...(series.length > 1 ? { legend: { type: 'scroll', top: 0 } } : {}),
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt.value(unit, v as number | null) },
        xAxis: { type: 'category', data: months.map((m) => fmt.period(grain, m)) },
        yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => fmt.value(unit, v) } },
        series: out,
      }}
    />
  );
}
