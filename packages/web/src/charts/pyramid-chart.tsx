import type { PyramidTier } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';

/** The customer pyramid: one layer per value tier, the top tier at the apex, each as wide as its customers. */
export function PyramidChart({ tiers }: { tiers: PyramidTier[] }) {
  const { t, fmt, text } = useI18n();
  return (
    <Chart
      testId="pyramid-chart"
      height={280}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const tier = tiers[(p as { dataIndex: number }).dataIndex];
            if (!tier) return '';
            return `<b>${text(tier.label)}</b><br/>${t('pyramid.customers')}: ${fmt.number(tier.customers, 0)} (${fmt.percent(tier.share)})<br/>${t('pyramid.profit')}: ${fmt.value('money', tier.profit)}<br/>${t('pyramid.churnRate')}: ${fmt.percent(tier.churn_rate)}`;
          },
        },
        series: [
          {
            type: 'funnel',
            sort: 'ascending',
            left: '4%',
            width: '56%',
            gap: 2,
            // Beside each layer: the apex is too narrow to hold its own label.
            label: { show: true, position: 'right' },
            data: tiers.map((tier) => ({
              name: `${text(tier.label)} · ${fmt.percent(tier.share)}`,
              value: tier.customers,
            })),
          },
        ],
      }}
    />
  );
}
