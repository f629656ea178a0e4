import type { TimeUnit } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';

export interface RetentionPoint {
  period: number;
  /** The model's S(t); null where there is no model (a cohort it cannot fit). */
  survival: number | null;
  observed: number | null;
}

/** A cohort's observed survival by period (solid, with points) beside the sBG's projection (dashed), which runs on. */
export function RetentionChart({ curve, unit }: { curve: RetentionPoint[]; unit: TimeUnit }) {
  const { t, fmt, term } = useI18n();
  const projected = curve.some((p) => p.survival !== null);
  const names = [t('retention.observed'), ...(projected ? [t('retention.projected')] : [])];
  return (
    <Chart
      testId="retention-chart"
      height={320}
      option={{
        grid: { left: 64, right: 24, top: 40, bottom: 48 },
        legend: { top: 0, data: names },
        tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.value('ratio', v as number | null) },
        xAxis: {
          type: 'category',
          name: t('retention.period', { unit: term('timeUnit', unit) }),
          nameLocation: 'middle',
          nameGap: 28,
          data: curve.map((p) => String(p.period)),
        },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => fmt.value('ratio', v) } },
        series: [
          { type: 'line', name: names[0], color: '#5470c6', data: curve.map((p) => p.observed) },
          ...(projected
            ? [
                {
                  type: 'line' as const,
                  name: names[1],
                  color: '#ee6666',
                  showSymbol: false,
                  lineStyle: { type: 'dashed' as const },
                  data: curve.map((p) => p.survival),
                },
              ]
            : []),
        ],
      }}
    />
  );
}
