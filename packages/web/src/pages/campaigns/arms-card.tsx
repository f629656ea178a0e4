import { Card, Col, Row, Table, Typography } from 'antd';
import { Figure } from '../../components/figure.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ArmRow, Interval, Measurement } from './types.ts';

/**
 * Per group: customers, churned and churn within the window, and the means per customer of MRR kept and revenue;
 * beside it the effect on churn: the absolute reduction (Newcombe's interval), the relative one, the p-value.
 */
export function ArmsCard({ m }: { m: Measurement }) {
  const { t, fmt, term } = useI18n();
  const { absolute_reduction: absolute, relative_reduction: relative, p_value } = m.churn;
  // The absolute reduction is a difference of two rates: in percentage points, never a percent of a percent.
  const points = (v: number | null) => (v === null ? fmt.number(v) : t('unit.pp', { n: fmt.number(100 * v, 1) }));
  const effect = (label: Parameters<typeof t>[0], v: Interval, show: (x: number | null) => string, testId: string) => (
    <Col span={12}>
      <Figure
        title={t(label)}
        value={show(v.estimate)}
        note={v.lower === null || v.upper === null ? undefined : `${show(v.lower)} – ${show(v.upper)}`}
        testId={testId}
      />
    </Col>
  );
  const percent = (x: number | null) => fmt.value('ratio', x);
  return (
    <Card title={t('campaign.arms')}>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={14}>
          <Table<ArmRow>
            data-testid="campaign-arms"
            size="small"
            rowKey="arm"
            pagination={false}
            dataSource={m.arms}
            columns={[
              { title: t('campaign.arm'), render: (_, a) => term('campaign.arm', a.arm) },
              { title: t('campaign.members'), align: 'right', render: (_, a) => fmt.number(a.members, 0) },
              { title: t('campaign.churned'), align: 'right', render: (_, a) => fmt.number(a.churned, 0) },
              {
                title: t('campaign.churnRate'),
                align: 'right',
                render: (_, a) => <span data-testid={`churn-${a.arm}`}>{fmt.value('ratio', a.churn_rate)}</span>,
              },
              {
                title: t('campaign.retainedMrr'),
                align: 'right',
                render: (_, a) => fmt.value('money', a.retained_mrr),
              },
              { title: t('campaign.revenue'), align: 'right', render: (_, a) => fmt.value('money', a.revenue) },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('campaign.effect')}
          </Typography.Title>
          <Row gutter={[16, 16]} data-testid="campaign-effect">
            {effect('campaign.absolute', absolute, points, 'effect-absolute')}
            {effect('campaign.relative', relative, percent, 'effect-relative')}
            <Col span={12}>
              <Figure title={t('campaign.pValue')} value={fmt.p(p_value)} testId="effect-p" />
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
