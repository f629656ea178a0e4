import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignResult, Interval } from './types.ts';

type ValueRow = CampaignResult['value'][number];

/** Retained MRR and revenue per customer of each group, with bootstrap intervals; the CUPED row beside the unadjusted one. */
export function ValueCard({ value }: { value: ValueRow[] }) {
  const { t, fmt } = useI18n();
  const money = (v: Interval) => (
    <>
      {fmt.value('money', v.estimate)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {v.lower === null ? '' : ` (${fmt.interval('money', v.lower, v.upper)})`}
      </Typography.Text>
    </>
  );
  return (
    <Card title={t('campaign.value')}>
      <Table<ValueRow>
        data-testid="campaign-value"
        size="small"
        rowKey={(r) => `${r.metric}:${r.adjusted}`}
        pagination={false}
        dataSource={value}
        columns={[
          {
            title: '',
            render: (_, r) =>
              `${t(r.metric === 'retained_mrr' ? 'campaign.retainedMrr' : 'campaign.revenue')} · ${t(r.adjusted ? 'campaign.cuped' : 'campaign.unadjusted')}`,
          },
          { title: t('campaign.arm.treatment'), align: 'right', render: (_, r) => money(r.treatment) },
          { title: t('campaign.arm.control'), align: 'right', render: (_, r) => money(r.control) },
          { title: t('campaign.difference'), align: 'right', render: (_, r) => money(r.difference) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('campaign.valueNote')}
      </Typography.Paragraph>
    </Card>
  );
}
