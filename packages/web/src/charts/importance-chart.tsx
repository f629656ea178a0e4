import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { escapeHtml } from './series.ts';

/** The features' mean |SHAP value|, strongest at the top (at most `top` of them). */
export function ImportanceChart({
  importance,
  top = 15,
}: {
  importance: { feature: string; mean_abs_shap: number; share: number }[];
  top?: number;
}) {
  const { t, fmt, field } = useI18n();
  const shown = importance.slice(0, top).reverse();
  return (
    <Chart
      testId="importance-chart"
      height={Math.max(200, 28 * shown.length + 60)}
      option={{
        grid: { left: 160, right: 48, top: 16, bottom: 40 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: unknown) => {
            const f = shown[(ps as { dataIndex: number }[])[0]?.dataIndex ?? 0];
            return f
              ? `${escapeHtml(field(f.feature))}: ${fmt.number(f.mean_abs_shap, 3)} (${fmt.value('ratio', f.share)})`
              : '';
          },
        },
        xAxis: { type: 'value', name: t('churn.meanAbsShap'), nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'category', data: shown.map((f) => field(f.feature)) },
        series: [{ type: 'bar', data: shown.map((f) => f.mean_abs_shap) }],
      }}
    />
  );
}
