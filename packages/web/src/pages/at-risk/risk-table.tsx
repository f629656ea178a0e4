import { Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { AtRiskPage, AtRiskView, RiskRow } from '../../api/types.ts';
import { CreateCaseButton } from '../../components/create-case-button.tsx';
import { ReasonList } from '../../components/reason-list.tsx';
import { TierTag } from '../../components/tier-tag.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * One page of scored customers as the server orders them (expected loss, or in the persuadable view expected saved
 * value, largest first), each linked to their 360.
 */
export function RiskTable({
  data,
  view,
  onPage,
}: {
  data: AtRiskPage;
  view: AtRiskView;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t, fmt, term } = useI18n();
  const persuadable = view === 'persuadable';
  return (
    <Table<RiskRow>
      data-testid="at-risk"
      size="small"
      rowKey="customer_id"
      dataSource={data.rows}
      pagination={{
        current: data.page,
        pageSize: data.page_size,
        total: data.total,
        showTotal: (n) => t('common.total', { n: fmt.number(n, 0) }),
        onChange: onPage,
      }}
      columns={[
        {
          title: t('risk.customer'),
          render: (_, r) => <Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link>,
        },
        { title: t('risk.name'), dataIndex: 'name' },
        {
          title: t('risk.probability'),
          align: 'right',
          render: (_, r) => <span data-testid="probability">{fmt.value('ratio', r.probability)}</span>,
        },
        {
          title: t('risk.tier'),
          render: (_, r) => (
            <>
              <TierTag tier={r.tier} />
              {r.flag && <Tag>{term('notWorth', r.flag)}</Tag>}
              {r.sleeping_dog && (
                <Tooltip title={t('risk.sleepingDogHint')}>
                  <Tag color="purple" data-testid="sleeping-dog">
                    {t('risk.sleepingDog')}
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        {
          title: t('risk.clv'),
          align: 'right',
          render: (_, r) => <span data-testid="clv">{fmt.value('money', r.clv)}</span>,
        },
        // The persuadable order needs room for uplift and saved value: the CLV's parts stay on the other order.
        ...(persuadable
          ? []
          : [
              {
                title: t('risk.clvSubscription'),
                align: 'right' as const,
                render: (_: unknown, r: RiskRow) => fmt.value('money', r.clv_subscription),
              },
              {
                title: t('risk.clvPurchases'),
                align: 'right' as const,
                render: (_: unknown, r: RiskRow) => fmt.value('money', r.clv_purchases),
              },
            ]),
        {
          title: t('risk.expectedLoss'),
          align: 'right',
          render: (_, r) => <span data-testid="expected-loss">{fmt.value('money', r.expected_loss)}</span>,
        },
        ...(persuadable
          ? [
              {
                title: t('risk.uplift'),
                align: 'right' as const,
                render: (_: unknown, r: RiskRow) => <span data-testid="uplift">{fmt.change('ratio', r.uplift)}</span>,
              },
              {
                title: t('risk.savedValue'),
                align: 'right' as const,
                render: (_: unknown, r: RiskRow) => (
                  <span data-testid="saved-value">{fmt.value('money', r.expected_saved_value)}</span>
                ),
              },
            ]
          : []),
        { title: t('risk.reasons'), render: (_, r) => <ReasonList reasons={r.reasons} /> },
        {
          title: '',
          align: 'right',
          // A save attempt, caused by this scoring (its run names the row that raised the risk).
          render: (_, r) => (
            <CreateCaseButton
              size="small"
              customerId={r.customer_id}
              kind="retention"
              source={{ source: 'score', source_ref: data.run_id === null ? undefined : String(data.run_id) }}
            />
          ),
        },
      ]}
    />
  );
}
