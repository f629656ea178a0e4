import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Interval, Measurement } from './types.ts';

interface Row {
  key: string;
  label: string;
  difference: Interval;
  unit: 'money' | 'ratio' | 'count';
}

/**
 * Treatment − control per customer: retained MRR and revenue with their bootstrap intervals, and the primary
 * metric unadjusted beside its CUPED adjustment on the pre-period covariate (with the variance it removed).
 */
export function ValueCard({ m }: { m: Measurement }) {
  const { t, fmt, term, field } = useI18n();
  const primaryUnit = m.primary_metric === 'churned' ? 'ratio' : m.primary_metric === 'orders' ? 'count' : 'money';
  const rows: Row[] = [
    { key: 'retained_mrr', label: t('campaign.retainedMrr'), difference: m.retained_mrr, unit: 'money' },
    { key: 'revenue', label: t('campaign.revenue'), difference: m.revenue, unit: 'money' },
    ...(m.cuped
      ? [
          {
            key: 'unadjusted',
            label: `${term('design.metric', m.primary_metric)} · ${t('campaign.unadjusted')}`,
            difference: m.cuped.unadjusted,
            unit: primaryUnit,
          } as const,
          {
            key: 'cuped',
            label: `${term('design.metric', m.primary_metric)} · ${t('campaign.cuped')}`,
            difference: m.cuped.adjusted,
            unit: primaryUnit,
          } as const,
        ]
      : []),
  ];
  const show = (unit: Row['unit'], v: number | null) =>
    unit === 'count' ? fmt.signed(v, 2) : unit === 'ratio' ? fmt.change('ratio', v) : fmt.change('money', v);
  return (
    <Card title={t('campaign.value')}>
      <Table<Row>
        data-testid="campaign-value"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label' },
          {
            title: t('campaign.difference'),
            align: 'right',
            render: (_, r) => <span data-testid={`value-${r.key}`}>{show(r.unit, r.difference.estimate)}</span>,
          },
          {
            title: t('campaign.interval'),
            align: 'right',
            render: (_, r) =>
              r.difference.lower === null
                ? ''
                : `${show(r.unit, r.difference.lower)} – ${show(r.unit, r.difference.upper)}`,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('campaign.valueNote')}
        {m.cuped &&
          ` ${t('campaign.cupedNote', {
            covariate: field(m.cuped.covariate),
            reduction: fmt.value('ratio', m.cuped.variance_reduction),
          })}`}
      </Typography.Paragraph>
    </Card>
  );
}
