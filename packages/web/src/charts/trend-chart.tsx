import type { LineSeriesOption } from 'echarts/charts';
import type { MetricRow } from '../api/types.ts';
import type { Unit } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { bandSeries, colorAt, escapeHtml, groupBy, segmentLabel } from './series.ts';

interface TooltipParam {
  seriesId?: string;
  seriesName?: string;
  marker?: string;
  dataIndex: number;
}

/**
 * A metric over time, one line per segment. Forecast rows continue each line dashed, inside a shaded 95 %
 * band drawn as two stacked areas (the low bound, invisible, then high − low).
 */
export function TrendChart({
  rows,
  unit,
  grain,
  name,
}: {
  rows: MetricRow[];
  unit: Unit;
  grain: string;
  name: string;
}) {
  const { t, fmt } = useI18n();
  const periods = [...new Set(rows.map((r) => r.period_start))].sort();
  const groups = [...groupBy(rows, (r) => segmentLabel(r.segment) || name)];
  const lookup = new Map<string, MetricRow>();
  const series: LineSeriesOption[] = groups.flatMap(([label, rs], i) => {
    const at = (forecast: boolean) =>
      periods.map((p) => rs.find((r) => r.period_start === p && !!r.forecast === forecast) ?? null);
    const actual = at(false);
    const predicted = at(true);
    for (const [j, r] of actual.entries()) if (r) lookup.set(`a:${label}:${j}`, r);
    for (const [j, r] of predicted.entries()) if (r) lookup.set(`f:${label}:${j}`, r);
    const color = colorAt(i);
    const common = { name: label, color, showSymbol: false, type: 'line' as const };
    const out: LineSeriesOption[] = [{ ...common, id: `a:${label}`, data: actual.map((r) => r?.value ?? null) }];
    if (!predicted.some(Boolean)) return out;
    // The forecast line starts at the last actual point so the two read as one line.
    const last = actual.findLastIndex(Boolean);
    const joined = predicted.map((r, j) => r?.value ?? (j === last ? (actual[j]?.value ?? null) : null));
    const bound = (pick: (r: MetricRow) => number | null) => predicted.map((r) => (r ? pick(r) : null));
    return [
      ...out,
      { ...common, id: `f:${label}`, data: joined, lineStyle: { type: 'dashed' } },
      ...bandSeries(
        label,
        bound((r) => r.ci_low),
        bound((r) => r.ci_high),
        common,
      ),
    ];
  });
  const tooltipLine = (p: TooltipParam) => {
    const kind = p.seriesId?.[0];
    const r = lookup.get(`${kind}:${p.seriesName}:${p.dataIndex}`);
    if (!r || (kind !== 'a' && kind !== 'f')) return '';
    const band =
      kind === 'f' && r.ci_low !== null && r.ci_high !== null
        ? ` (${t('trends.predicted')}, ${fmt.value(unit, r.ci_low)} – ${fmt.value(unit, r.ci_high)})`
        : '';
    return `<div>${p.marker ?? ''} ${escapeHtml(p.seriesName ?? '')}: <b>${fmt.value(unit, r.value)}</b>${band}</div>`;
  };
  return (
    <Chart
      testId="trend-chart"
      option={{
        grid: { left: 72, right: 24, top: 40, bottom: 32 },
        legend: { type: 'scroll', top: 0, data: groups.map(([label]) => label) },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const list = ps as TooltipParam[];
            const head = periods[list[0]?.dataIndex ?? 0];
            return `${head ? fmt.period(grain, head) : ''}${list.map(tooltipLine).join('')}`;
          },
        },
        xAxis: { type: 'category', data: periods.map((p) => fmt.period(grain, p)), boundaryGap: false },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt.value(unit, v) } },
        series,
      }}
    />
  );
}
