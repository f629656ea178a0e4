import { Card, Input, Segmented, Table } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { CustomerRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from './status-tag.tsx';

type StatusFilter = '' | 'active' | 'churned' | 'unknown';

/** Customers, searchable by id or name and filtered by status, paged on the server. The query lives in the URL. */
export default function CustomersPage() {
  const { t, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as StatusFilter;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('page_size') ?? 50);
  const set = (next: Record<string, string | number>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(next)) v === '' ? p.delete(k) : p.set(k, String(v));
      return p;
    });
  const state = useApi('/api/v1/customers', { q, status, page, page_size: pageSize });
  return (
    <Page
      title={t('nav.customers')}
      extra={
        <>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('customers.search')}
            onSearch={(v) => set({ q: v.trim(), page: 1 })}
            style={{ width: 260 }}
          />
          <Segmented<StatusFilter>
            aria-label={t('customers.status')}
            value={status}
            onChange={(s) => set({ status: s, page: 1 })}
            options={[
              { value: '', label: t('customers.all') },
              { value: 'active', label: t('customers.active') },
              { value: 'churned', label: t('customers.churned') },
              { value: 'unknown', label: t('customers.unknown') },
            ]}
          />
        </>
      }
    >
      {state.error && <ProblemAlert error={state.error} onRetry={state.reload} />}
      <Card>
        <Table<CustomerRow>
          size="small"
          rowKey="customer_id"
          loading={state.loading}
          dataSource={state.data?.rows}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showTotal: (n) => t('common.total', { n: fmt.number(n, 0) }),
            onChange: (p, s) => set({ page: s === pageSize ? p : 1, page_size: s }),
          }}
          columns={[
            {
              title: t('customers.id'),
              render: (_, r) => <Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link>,
            },
            { title: t('customers.name'), dataIndex: 'name' },
            { title: t('customers.createdAt'), render: (_, r) => fmt.date(r.created_at) },
            { title: t('customers.status'), render: (_, r) => <StatusTag status={r.status} /> },
            { title: t('customers.mrr'), align: 'right', render: (_, r) => fmt.value('money', r.mrr) },
            { title: t('customers.region'), dataIndex: 'region' },
          ]}
        />
      </Card>
    </Page>
  );
}
