import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { Unit } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignResult, Interval } from './types.ts';

type Money = CampaignResult['money'];

/** Saved customers, incremental profit, ROI and cost per saved customer, each with its 95 % interval. */
export function MoneyCard({ money }: { money: Money }) {
  const { t, fmt } = useI18n();
  const figure = (key: keyof Money, label: Parameters<typeof t>[0], unit: Unit | 'count') => {
    const v = money[key] as Interval;
    const show = (x: number | null) => (unit === 'count' ? fmt.number(x, 0) : fmt.value(unit, x));
    return (
      <Col span={12}>
        <Statistic title={t(label)} value={show(v.estimate)} data-testid={`money-${key}`} />
        <Typography.Text type="secondary">
          {v.lower === null || v.upper === null ? '' : `${show(v.lower)} – ${show(v.upper)}`}
        </Typography.Text>
      </Col>
    );
  };
  return (
    <Card title={t('campaign.money')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        {figure('saved', 'campaign.saved', 'count')}
        {figure('profit', 'campaign.profit', 'money')}
        {figure('roi', 'campaign.roi', 'ratio')}
        {figure('cost_per_saved', 'campaign.costPerSaved', 'money')}
        <Col span={12}>
          <Statistic title={t('campaign.cost')} value={fmt.value('money', money.cost)} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('campaign.moneyNote')}
      </Typography.Paragraph>
    </Card>
  );
}
