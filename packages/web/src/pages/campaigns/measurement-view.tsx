import { Card, Col, Flex, Row, Typography } from 'antd';
import { SurvivalChart } from '../../charts/survival-chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ArmsCard } from './arms-card.tsx';
import { MoneyCard } from './money-card.tsx';
import { ResultNotices } from './result-notices.tsx';
import type { Arm, Campaign, Measurement } from './types.ts';
import { ValueCard } from './value-card.tsx';

/** A measurement laid out: what to know first, churn per group and the effect, survival, money, revenue kept. */
export function MeasurementView({ campaign, m }: { campaign: Campaign; m: Measurement }) {
  const { t, fmt, term } = useI18n();
  // Curves by day since launch: the chart's shape of curves read at shared times.
  const curves = {
    unit: 'day' as const,
    curves: m.survival.curves.map((c) => ({
      segment: c.arm,
      points: c.points.map(({ day, ...p }) => ({ time: day, ...p })),
    })),
  };
  return (
    <Flex vertical gap={16} data-testid="campaign-result">
      <ResultNotices campaign={campaign} m={m} />
      <ArmsCard m={m} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('campaign.survival')} style={{ height: '100%' }}>
            <SurvivalChart testId="campaign-survival" data={curves} label={(arm) => term('campaign.arm', arm as Arm)} />
            {m.survival.log_rank && (
              <Typography.Text data-testid="campaign-log-rank">
                {t('campaign.logRank', {
                  chi: fmt.number(m.survival.log_rank.chi_square, 2),
                  p: fmt.p(m.survival.log_rank.p_value),
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <MoneyCard money={m.money} />
        </Col>
      </Row>
      <ValueCard m={m} />
    </Flex>
  );
}
