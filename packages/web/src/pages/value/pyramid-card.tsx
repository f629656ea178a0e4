import { Card, Col, Flex, Row, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useStatus } from '../../api/resources.ts';
import type { PyramidTier } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { PyramidChart } from '../../charts/pyramid-chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { GrainSelect, PeriodPicker } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { defaultRange, type PickerGrain, periodOf } from '../../period.ts';

/**
 * The customer pyramid of one period: value tiers by CLV at its start, with what each brought (profit
 * contribution) and how much each churned over it, as a pyramid and a table.
 */
export function PyramidCard() {
  const { t, fmt, text } = useI18n();
  const status = useStatus();
  const [grain, setGrain] = useState<PickerGrain>('year');
  const [at, setAt] = useState<Dayjs | null>(null);
  const day = at ?? (status.data ? defaultRange(status.data.last_complete_month, grain)[1] : null);
  const period = day && periodOf(day, grain);
  const state = useApi(period ? '/api/v1/value/pyramid' : null, { period: grain, at: period ?? '' });
  return (
    <Card
      title={t('pyramid.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap={8}>
          <GrainSelect value={grain} onChange={setGrain} />
          <PeriodPicker grain={grain} value={at} onChange={setAt} />
        </Flex>
      }
    >
      <Loadable state={state} isEmpty={(d) => d.tiers.every((x) => x.customers === 0)}>
        {(d) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <PyramidChart tiers={d.tiers} />
            </Col>
            <Col xs={24} lg={14}>
              <Table<PyramidTier>
                data-testid="pyramid-table"
                size="small"
                rowKey="tier"
                pagination={false}
                dataSource={d.tiers}
                columns={[
                  { title: t('pyramid.tier'), render: (_, r) => text(r.label) },
                  { title: t('pyramid.customers'), align: 'right', render: (_, r) => fmt.number(r.customers, 0) },
                  { title: t('pyramid.share'), align: 'right', render: (_, r) => fmt.percent(r.share) },
                  { title: t('pyramid.clv'), align: 'right', render: (_, r) => fmt.value('money', r.clv) },
                  { title: t('pyramid.profit'), align: 'right', render: (_, r) => fmt.value('money', r.profit) },
                  { title: t('pyramid.churnRate'), align: 'right', render: (_, r) => fmt.percent(r.churn_rate) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="pyramid-unclassified">
                {t('pyramid.unclassified', { profit: fmt.value('money', d.unclassified_profit) })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {t('pyramid.definition', { date: fmt.date(d.as_of) })}
              </Typography.Paragraph>
            </Col>
          </Row>
        )}
      </Loadable>
    </Card>
  );
}
