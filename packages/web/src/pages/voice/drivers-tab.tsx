import { Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { KeyDriversCard } from './key-drivers-card.tsx';
import { liftColumns } from './lift-cells.tsx';
import type { DriverRow, DriverSource } from './types.ts';

const SOURCES: DriverSource[] = ['topic', 'survey_answer', 'ticket_category', 'root_cause'];
/** Largest churn difference first; drivers without a comparison group last. */
const byLift = (a: DriverRow, b: DriverRow) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity);

/**
 * Drivers of churn: topics, survey answers, ticket categories and root causes ranked by the difference in churn
 * between the customers who had them and those who did not, with intervals and Benjamini–Hochberg flags; and
 * the key drivers of a survey's score.
 */
export function DriversTab() {
  const { t, fmt, text } = useI18n();
  const [source, setSource] = useState<DriverSource | null>(null);
  const state = useApi('/api/v1/voice/drivers', { source });
  const cells = liftColumns(t, fmt);
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('drivers.source')}
            style={{ minWidth: 180 }}
            value={source}
            onChange={setSource}
            options={[
              { value: null, label: t('drivers.source.all') },
              ...SOURCES.map((s) => ({ value: s, label: t(`drivers.source.${s}`) })),
            ]}
          />
          {state.data && (
            <Typography.Text type="secondary">
              {t('drivers.intro', { asOf: fmt.date(state.data.as_of) })}
            </Typography.Text>
          )}
        </Flex>
        <Loadable state={state}>
          {(d) => (
            <Table<DriverRow>
              size="small"
              data-testid="drivers-table"
              rowKey={(r) => `${r.source}:${r.key}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={[...d.drivers].sort(byLift)}
              locale={{ emptyText: t('drivers.none') }}
              columns={[
                { title: t('drivers.col.driver'), render: (_, r) => text(r.label) },
                { title: t('drivers.col.kind'), render: (_, r) => t(`drivers.source.${r.source}`) },
                {
                  title: t('drivers.col.customers'),
                  align: 'right',
                  render: (_, r) => fmt.number(r.with_customers, 0),
                },
                { title: t('drivers.col.with'), align: 'right', render: (_, r) => fmt.percent(r.churn_with) },
                { title: t('drivers.col.without'), align: 'right', render: (_, r) => fmt.percent(r.churn_without) },
                { title: t('drivers.col.lift'), align: 'right', render: (_, r) => cells.lift(r) },
                { title: t('topics.col.interval'), render: (_, r) => cells.interval(r) },
                { title: t('drivers.col.ratio'), align: 'right', render: (_, r) => fmt.number(r.ratio, 2) },
                { title: t('drivers.col.p'), render: (_, r) => fmt.p(r.p_adjusted) },
                { title: t('topics.col.flag'), render: (_, r) => cells.flag(r) },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <KeyDriversCard />
    </Flex>
  );
}
