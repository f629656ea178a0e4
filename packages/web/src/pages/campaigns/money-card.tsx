import { Card, Col, Row, Typography } from 'antd';
import { Figure } from '../../components/figure.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Interval, Money } from './types.ts';

type MoneyFigure = 'saved' | 'incremental_profit' | 'roi' | 'cost_per_saved';

/**
 * Saved customers, incremental profit, ROI and cost per saved customer, each with its 95 % interval (a missing
 * bound is unbounded: a cost per saved customer when the saving may be zero), from the cost, CLV and margin shown.
 */
export function MoneyCard({ money }: { money: Money }) {
  const { t, fmt } = useI18n();
  const figure = (key: MoneyFigure, label: Parameters<typeof t>[0], show: (x: number | null) => string) => {
    const v: Interval = money[key];
    return (
      <Col span={12}>
        <Figure
          title={t(label)}
          value={show(v.estimate)}
          note={v.estimate === null ? undefined : `${show(v.lower)} – ${v.upper === null ? '∞' : show(v.upper)}`}
          testId={`money-${key}`}
        />
      </Col>
    );
  };
  const money$ = (x: number | null) => fmt.value('money', x);
  return (
    <Card title={t('campaign.money')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        {figure('saved', 'campaign.saved', (x) => fmt.number(x, 1))}
        {figure('incremental_profit', 'campaign.profit', money$)}
        {figure('roi', 'campaign.roi', (x) => fmt.value('ratio', x))}
        {figure('cost_per_saved', 'campaign.costPerSaved', money$)}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }} data-testid="money-inputs">
        {t('campaign.moneyInputs', {
          cost: money$(money.cost),
          clv: money$(money.clv),
          margin: fmt.value('ratio', money.margin),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
