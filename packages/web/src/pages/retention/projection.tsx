import { Descriptions, Flex, Table } from 'antd';
import type { SbgProjection } from '../../api/types.ts';
import { RetentionChart } from '../../charts/retention-chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** DERL is listed for the first renewals: later ones change slowly and the table would only grow. */
const DERL_ROWS = 13;

/**
 * One sBG fit: observed against projected survival, α and β, the expected and median lifetimes, the discounted
 * expected lifetime of a new customer and the residual lifetime after each number of renewals (Fader & Hardie).
 */
export function Projection({ p }: { p: SbgProjection }) {
  const { t, fmt, term } = useI18n();
  const periods = (v: number | null) =>
    v === null ? t('retention.unbounded') : t('retention.periods', { n: fmt.number(v, 1) });
  return (
    <Flex vertical gap={16}>
      <RetentionChart curve={p.curve} unit={p.unit} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { label: t('retention.alpha'), children: fmt.number(p.fit.params.alpha, 3) },
          { label: t('retention.beta'), children: fmt.number(p.fit.params.beta, 3) },
          {
            label: t('retention.expected'),
            children: <span data-testid="sbg-expected">{periods(p.lifetime.expected)}</span>,
          },
          { label: t('retention.median'), children: periods(p.lifetime.median) },
          { label: t('retention.del'), children: periods(p.lifetime.del) },
          { label: t('survival.unit'), children: term('timeUnit', p.unit) },
        ]}
      />
      <Table
        size="small"
        rowKey="renewals"
        pagination={false}
        dataSource={p.lifetime.derl.slice(0, DERL_ROWS)}
        columns={[
          { title: t('retention.renewals'), dataIndex: 'renewals', align: 'right' },
          { title: t('retention.derl'), align: 'right', render: (_, r) => periods(r.value) },
        ]}
      />
    </Flex>
  );
}
