import type { Cohorts } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { heatScale } from './heat-scale.ts';

/**
 * Cohorts down, periods since start across, each cell the share of the cohort (customers or revenue) still there.
 * Revenue shares can pass 100 % (expansion), so the colour scale ends at the largest value, at least 100 %.
 * Each cell shows its share (dark text on light cells, light on dark) and each row its cohort's size.
 */
export function CohortHeatmap({ data, grain }: { data: Cohorts; grain: string }) {
  const { t, fmt } = useI18n();
  // The order modes measure a cohort by its first period's revenue; the others by its customers.
  const sizeUnit = data.mode === 'order_revenue' || data.mode === 'order_revenue_capped' ? 'money' : 'count';
  const ages = [...new Set(data.cohorts.flatMap((c) => c.cells.map((x) => x.age)))].sort((a, b) => a - b);
  const cells = data.cohorts.flatMap((c, y) =>
    c.cells.map((x) => [ages.indexOf(x.age), y, x.value, x.count] as [number, number, number | null, number]),
  );
  const max = Math.max(1, ...cells.map((c) => c[2] ?? 0));
  const labels = data.cohorts.map((c) => fmt.period(grain, c.cohort));
  const sizes = data.cohorts.map((c) => fmt.value(sizeUnit, c.size));
  return (
    <Chart
      testId="cohort-heatmap"
      height={Math.max(320, data.cohorts.length * 24 + 100)}
      option={{
        grid: { left: 150, right: 96, top: 32, bottom: 48 },
        tooltip: {
          formatter: (p: unknown) => {
            const [x, y, v, n] = (p as { value: [number, number, number | null, number] }).value;
            const size = data.cohorts[y]?.size ?? 0;
            return `${labels[y]} · ${t('cohorts.age')} ${ages[x]}<br/><b>${fmt.value('ratio', v)}</b> (${fmt.value(sizeUnit, n)} / ${fmt.value(sizeUnit, size)})`;
          },
        },
        xAxis: {
          type: 'category',
          data: ages.map(String),
          name: t('cohorts.age'),
          nameLocation: 'middle',
          nameGap: 28,
        },
        yAxis: {
          type: 'category',
          data: labels.map((l, i) => `${l}  {size|${sizes[i]}}`),
          inverse: true,
          name: t('cohorts.axis'),
          nameLocation: 'start',
          nameTextStyle: { align: 'right', padding: [0, 8, 0, 0] },
          axisLabel: { rich: { size: { color: '#888' } } },
        },
        // Colour by the share (the third value), not the count.
        visualMap: heatScale(max, (v: unknown) => fmt.value('ratio', Number(v))),
        series: [
          {
            type: 'heatmap',
            data: cells,
            label: {
              show: ages.length <= 36,
              fontSize: 10,
              formatter: (p: unknown) => {
                const v = (p as { value: [number, number, number | null] }).value[2];
                return v === null ? '' : `{${v / max > 0.55 ? 'light' : 'dark'}|${fmt.number(100 * v, 0)}}`;
              },
              rich: { light: { color: '#fff', fontSize: 10 }, dark: { color: '#222', fontSize: 10 } },
            },
            emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
          },
        ],
      }}
    />
  );
}
