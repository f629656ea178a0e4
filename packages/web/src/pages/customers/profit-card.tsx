import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { CustomerProfit } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Month = CustomerProfit['months'][number];
type Category = keyof Month['costs'];
const CATEGORIES: Category[] = ['acquisition', 'retention', 'service', 'care', 'product_update', 'crm'];
const costsOf = (p: Pick<Month, 'costs'>) => CATEGORIES.reduce((s, c) => s + p.costs[c], 0);

/**
 * The customer's profit contribution over the last twelve months: revenue, cost of revenue, the costs allocated
 * to them by kind and what is left, month by month, from the same per-customer relation the profit metrics sum.
 * Cost kinds no month has are left out, so the table stays as wide as the customer's costs.
 */
export function ProfitCard({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const state = useApi<CustomerProfit>(`/api/v1/customers/${encodeURIComponent(id)}/profit`, { months: 12 });
  const money = (x: number) => fmt.value('money', x);
  // A workspace without subscriptions, orders or churn events has no months to show yet: nothing, not a failure.
  if (state.error?.problem.code === 'TEN_METRIC_BAD_QUERY')
    return (
      <Card title={t('profit.card')} data-testid="profit-card">
        <Typography.Text type="secondary" data-testid="profit-none">
          {t('profit.noData')}
        </Typography.Text>
      </Card>
    );
  return (
    <Card title={t('profit.card')} data-testid="profit-card">
      <Loadable state={state}>
        {(r: CustomerProfit) => {
          const kinds = CATEGORIES.filter((c) => r.months.some((m) => m.costs[c] !== 0));
          const figure = (key: string, title: string, value: number) => (
            <Col xs={12} md={6}>
              <Statistic title={title} valueRender={() => <span data-testid={key}>{money(value)}</span>} />
            </Col>
          );
          return (
            <>
              <Typography.Text type="secondary">
                {t('profit.total')} ·{' '}
                {t('profit.range', {
                  from: fmt.period('month', r.from),
                  to: fmt.period('month', r.to),
                  currency: r.currency,
                })}
              </Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                {figure('profit-revenue', t('profit.revenue'), r.total.subscription_revenue + r.total.order_revenue)}
                {figure('profit-cost-of-revenue', t('profit.costOfRevenue'), r.total.cost_of_revenue)}
                {figure('profit-costs', t('profit.costs'), costsOf(r.total))}
                {figure('profit-total', t('profit.profit'), r.total.profit)}
              </Row>
              <Table<Month>
                style={{ marginTop: 16 }}
                size="small"
                pagination={false}
                scroll={{ x: true }}
                rowKey="month"
                dataSource={[...r.months].reverse()}
                data-testid="profit-months"
                columns={[
                  { title: t('profit.month'), dataIndex: 'month', render: (m: string) => fmt.period('month', m) },
                  {
                    title: t('profit.subscriptions'),
                    align: 'right',
                    render: (_: unknown, m: Month) => money(m.subscription_revenue),
                  },
                  {
                    title: t('profit.orders'),
                    align: 'right',
                    render: (_: unknown, m: Month) => money(m.order_revenue),
                  },
                  {
                    title: t('profit.costOfRevenue'),
                    align: 'right',
                    render: (_: unknown, m: Month) => money(m.cost_of_revenue),
                  },
                  ...kinds.map((c) => ({
                    title: t(`profit.cost.${c}`),
                    key: c,
                    align: 'right' as const,
                    render: (_: unknown, m: Month) => money(m.costs[c]),
                  })),
                  { title: t('profit.profit'), align: 'right', render: (_: unknown, m: Month) => money(m.profit) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {t('profit.note')}
              </Typography.Paragraph>
            </>
          );
        }}
      </Loadable>
    </Card>
  );
}
