import { Table } from 'antd';
import { Link } from 'react-router-dom';
import type { ClvCustomer } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The most valuable customers, each linked to their customer-360 page. */
export function TopCustomers({ rows }: { rows: ClvCustomer[] }) {
  const { t, fmt } = useI18n();
  return (
    <Table<ClvCustomer>
      data-testid="top-customers"
      size="small"
      rowKey="customer_id"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('value.rank'), align: 'right', render: (_, _r, i) => i + 1 },
        {
          title: t('value.customer'),
          render: (_, r) => <Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link>,
        },
        { title: t('value.clv'), align: 'right', render: (_, r) => fmt.value('money', r.clv) },
        {
          title: t('value.subscriptionPart'),
          align: 'right',
          render: (_, r) => fmt.value('money', r.subscription_value),
        },
        { title: t('value.purchasePart'), align: 'right', render: (_, r) => fmt.value('money', r.purchase_value) },
        { title: t('value.pAlive'), align: 'right', render: (_, r) => fmt.value('ratio', r.p_alive) },
        { title: t('value.repeat'), align: 'right', render: (_, r) => fmt.number(r.x, 0) },
        { title: t('value.purchases'), align: 'right', render: (_, r) => fmt.number(r.expected_purchases, 2) },
        { title: t('value.spend'), align: 'right', render: (_, r) => fmt.value('money', r.expected_spend) },
      ]}
    />
  );
}
