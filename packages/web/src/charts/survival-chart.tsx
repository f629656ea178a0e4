import type { LineSeriesOption } from 'echarts/charts';
import type { Survival } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { bandSeries, colorAt, escapeHtml } from './series.ts';

interface TooltipParam {
  seriesId?: string;
  marker?: string;
  dataIndex: number;
}

/** What the chart draws: curves read at shared times in one unit (a segment's, or a campaign group's). */
export interface KmCurves {
  unit: Survival['unit'];
  curves: Pick<Survival['curves'][number], 'segment' | 'points'>[];
}

/**
 * Kaplan–Meier curves, one step line per segment inside its shaded 95 % band. Every curve is read at the same
 * times (GET /models/survival, a campaign's groups), whatever step they fall at (1.1, 2.2 … months); the time
 * axis is a value axis with whole-number ticks, so it reads 0, 6, 12 … months. A curve stops where its data end.
 */
export function SurvivalChart({
  data,
  label,
  testId = 'survival-chart',
}: {
  data: KmCurves;
  label: (segment: string) => string;
  testId?: string;
}) {
  const { t, fmt, term } = useI18n();
  const times = data.curves[0]?.points.map((p) => p.time) ?? [];
  const series: LineSeriesOption[] = data.curves.flatMap((c, i) => {
    const common = {
      name: label(c.segment),
      color: colorAt(i),
      type: 'line' as const,
      step: 'end' as const,
      showSymbol: false,
    };
    return [
      { ...common, id: `s:${i}`, data: c.points.map((p) => [p.time, p.survival]) },
      ...bandSeries(
        String(i),
        c.points.map((p) => p.lower),
        c.points.map((p) => p.upper),
        common,
        times,
      ),
    ];
  });
  const line = (p: TooltipParam) => {
    const [kind, i] = (p.seriesId ?? '').split(':');
    const c = data.curves[Number(i)];
    const point = c?.points[p.dataIndex];
    if (kind !== 's' || !c || point?.survival === null || point === undefined) return '';
    const band =
      point.lower === null ? '' : ` (${fmt.value('ratio', point.lower)} – ${fmt.value('ratio', point.upper)})`;
    return `<div>${p.marker ?? ''} ${escapeHtml(label(c.segment))}: <b>${fmt.value('ratio', point.survival)}</b>${band}</div>`;
  };
  const unit = term('timeUnit', data.unit);
  return (
    <Chart
      testId={testId}
      option={{
        grid: { left: 76, right: 24, top: 40, bottom: 56 },
        legend: { type: 'scroll', top: 0, data: data.curves.map((c) => label(c.segment)) },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const list = ps as TooltipParam[];
            return `${unit} ${fmt.number(times[list[0]?.dataIndex ?? 0], 1)}${list.map(line).join('')}`;
          },
        },
        xAxis: {
          type: 'value',
          name: t('survival.time', { unit }),
          nameLocation: 'middle',
          nameGap: 32,
          min: 0,
          max: times.at(-1),
          minInterval: 1,
          axisLabel: { formatter: (v: number) => fmt.number(v, 0), showMaxLabel: false },
        },
        yAxis: {
          type: 'value',
          min: 0,
          max: 1,
          name: t('survival.share'),
          // Along the axis, so a long title never runs into the legend above the plot.
          nameLocation: 'middle',
          nameGap: 56,
          axisLabel: { formatter: (v: number) => fmt.value('ratio', v) },
        },
        series,
      }}
    />
  );
}
