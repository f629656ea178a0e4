import type { MetricRow } from '../api/types.ts';
import type { Unit } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { escapeHtml, segmentLabel } from './series.ts';

const SIGNIFICANT = '#ee6666';
const PLAIN = '#91a7d0';

/** One bar per segment; segments that differ significantly (BH-adjusted) are drawn in a warning colour. */
export function SegmentBars({ rows, unit }: { rows: MetricRow[]; unit: Unit }) {
  const { t, fmt, freeTerm } = useI18n();
  const label = (r: MetricRow) => segmentLabel(r.segment, (k, v) => freeTerm(`segment.${k}`, v));
  return (
    <Chart
      testId="segment-bars"
      height={320}
      option={{
        grid: { left: 72, right: 24, top: 24, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const r = rows[(ps as { dataIndex: number }[])[0]?.dataIndex ?? 0];
            if (!r) return '';
            const ci =
              r.ci_low !== null && r.ci_high !== null
                ? `<br/>${t('segments.interval')}: ${fmt.value(unit, r.ci_low)} – ${fmt.value(unit, r.ci_high)}`
                : '';
            return `<b>${escapeHtml(label(r))}</b><br/>${fmt.value(unit, r.value)}${ci}`;
          },
        },
        xAxis: {
          type: 'category',
          data: rows.map(label),
          axisLabel: { interval: 0, rotate: 20 },
        },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.value(unit, v) } },
        series: [
          {
            type: 'bar',
            data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.significant ? SIGNIFICANT : PLAIN } })),
          },
        ],
      }}
    />
  );
}
