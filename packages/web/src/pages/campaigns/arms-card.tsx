import { Card, Col, Row, Statistic, Table } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignResult } from './types.ts';

type ArmRow = CampaignResult['arms'][number];

/** Churn within the window per group with its interval, and the effect: absolute and relative reduction, p-value. */
export function ArmsCard({ result: r }: { result: CampaignResult }) {
  const { t, fmt, term } = useI18n();
  const { absolute, relative, p_value } = r.effect;
  return (
    <Card title={t('campaign.arms')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Table<ArmRow>
            data-testid="campaign-arms"
            size="small"
            rowKey="arm"
            pagination={false}
            dataSource={r.arms}
            columns={[
              { title: t('campaign.arm'), render: (_, a) => term('campaign.arm', a.arm) },
              { title: t('campaign.members'), align: 'right', render: (_, a) => fmt.number(a.members, 0) },
              { title: t('campaign.churned'), align: 'right', render: (_, a) => fmt.number(a.churned, 0) },
              {
                title: t('campaign.churnRate'),
                align: 'right',
                render: (_, a) => (
                  <span data-testid={`churn-${a.arm}`}>{fmt.value('ratio', a.churn_rate.estimate)}</span>
                ),
              },
              {
                title: t('campaign.interval'),
                align: 'right',
                render: (_, a) => fmt.interval('ratio', a.churn_rate.lower, a.churn_rate.upper),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]} data-testid="campaign-effect">
            <Col span={12}>
              <Statistic
                title={t('campaign.absolute')}
                value={fmt.change('ratio', absolute.estimate)}
                data-testid="effect-absolute"
              />
              {fmt.interval('ratio', absolute.lower, absolute.upper)}
            </Col>
            <Col span={12}>
              <Statistic title={t('campaign.relative')} value={fmt.value('ratio', relative.estimate)} />
              {fmt.interval('ratio', relative.lower, relative.upper)}
            </Col>
            <Col span={12}>
              <Statistic title={t('campaign.pValue')} value={fmt.p(p_value)} data-testid="effect-p" />
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
