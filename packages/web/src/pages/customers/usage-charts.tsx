import { Card, Col, Empty, Row } from 'antd';
import type { CustomerSeries } from '../../api/types.ts';
import { MonthlyChart } from '../../charts/monthly-chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { termOf } from './event-sentence.ts';

/** MRR at each month's end and activity per month by kind, side by side. */
export function UsageCharts({ series }: { series: CustomerSeries }) {
  const i18n = useI18n();
  const { t } = i18n;
  const months = [...new Set(series.usage.map((u) => u.month))].sort();
  const kinds = [...new Set(series.usage.map((u) => u.kind))];
  const at = new Map(series.usage.map((u) => [`${u.kind}|${u.month}`, u.quantity]));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('customers.mrrChart')} size="small">
          {series.mrr.length ? (
            <MonthlyChart
              testId="customer-mrr-chart"
              unit="money"
              months={series.mrr.map((m) => m.month)}
              series={[{ name: t('field.mrr'), type: 'line', values: series.mrr.map((m) => m.mrr) }]}
            />
          ) : (
            <Empty description={t('customers.noSubscriptions')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('customers.usageChart')} size="small">
          {months.length ? (
            <MonthlyChart
              testId="customer-usage-chart"
              unit="count"
              months={months}
              series={kinds.map((k) => ({
                name: termOf(i18n, 'activityKind', k),
                type: 'bar',
                values: months.map((m) => at.get(`${k}|${m}`) ?? null),
              }))}
            />
          ) : (
            <Empty description={t('customers.noUsage')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
