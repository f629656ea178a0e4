import { Card, Empty } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { CaseTable } from '../../components/case-table.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The cases worked on this customer, open and closed, the latest changed first; each opens its case page. */
export function CustomerCases({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [paging, setPaging] = useState({ page: 1, page_size: 10 });
  const state = useApi('/api/v1/cases', { customer_id: customerId, ...paging });
  return (
    <Card title={t('cases.ofCustomer')} data-testid="customer-work-cases">
      <Loadable state={state}>
        {(d) =>
          d.total === 0 ? (
            <Empty description={t('cases.noneForCustomer')} />
          ) : (
            <CaseTable data={d} withCustomer={false} onPage={(page, page_size) => setPaging({ page, page_size })} />
          )
        }
      </Loadable>
    </Card>
  );
}
