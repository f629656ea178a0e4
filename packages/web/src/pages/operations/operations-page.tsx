import { Card, Col, Row, Select } from 'antd';
import { useState } from 'react';
import { useMetricCatalog, useStatus } from '../../api/resources.ts';
import type { MetricResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { TrendChart } from '../../charts/trend-chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, usePeriodRange } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PickerGrain } from '../../period.ts';
import { OpsCard } from './ops-card.tsx';
import { BREAKDOWNS, type Breakdown, breakdownKey, CARD_METRICS, CHART_METRICS, segmentText } from './ops-metrics.ts';
import { SlaTable, StageTimes } from './ops-tables.tsx';

/**
 * Retention operations: how the team's cases go (opened, closed, resolved, reopened, saved, compensation, time in
 * each of the five steps, SLA compliance per policy) and how many churns look retaliatory, for a range of periods,
 * the chart and tables broken down by owner, team, root cause, channel, kind or priority.
 */
export default function OperationsPage() {
  const { t, text, lang } = useI18n();
  const [grain, setGrain] = useState<PickerGrain>('month');
  const [by, setBy] = useState<Breakdown>();
  const [metric, setMetric] = useState<string>('cases_opened');
  const range = usePeriodRange(grain);
  const dimensions = useStatus().data?.dimensions ?? [];
  // The channel is the customer's acquisition channel: offered where the workspace has that dimension.
  const breakdowns = BREAKDOWNS.filter((b) => b !== 'channel' || dimensions.includes('channel'));
  const catalog = useMetricCatalog().data?.metrics;
  const info = catalog?.find((m) => m.id === metric);
  const query = range.query && { period: grain, ...range.query };
  const trend = useApi<MetricResponse>(query && `/api/v1/metrics/${metric}`, { ...query, by });
  return (
    <Page
      title={t('nav.operations')}
      extra={
        <>
          <Select<Breakdown>
            aria-label={t('operations.by')}
            placeholder={t('operations.by')}
            allowClear
            style={{ minWidth: 180 }}
            value={by}
            onChange={(b) => setBy(b ?? undefined)}
            options={breakdowns.map((b) => ({ value: b, label: t(breakdownKey(b)) }))}
          />
          <GrainSelect value={grain} onChange={setGrain} />
          {range.picker}
        </>
      }
    >
      {query && (
        <>
          <Row gutter={[16, 16]}>
            {CARD_METRICS.map((m) => (
              <Col key={m} xs={24} sm={12} xl={8}>
                <OpsCard metric={m} query={query} />
              </Col>
            ))}
          </Row>
          <Card
            title={t('operations.trend')}
            extra={
              <Select
                aria-label={t('operations.chartMetric')}
                style={{ minWidth: 240 }}
                value={metric}
                onChange={setMetric}
                options={CHART_METRICS.map((m) => {
                  const c = catalog?.find((x) => x.id === m);
                  return { value: m, label: c ? text(c.title) : m };
                })}
              />
            }
          >
            <Loadable state={trend} isEmpty={(d) => d.rows.every((r) => r.value === null)}>
              {(d) => (
                <TrendChart
                  rows={d.rows.map((r) => ({
                    ...r,
                    segment: by ? { label: segmentText(r.segment, lang) } : r.segment,
                  }))}
                  unit={info?.unit ?? 'count'}
                  grain={grain}
                  name={info ? text(info.title) : metric}
                />
              )}
            </Loadable>
          </Card>
          <Card title={t('operations.stages')}>
            <StageTimes query={query} by={by} />
          </Card>
          <Card title={t('operations.sla')}>
            <SlaTable query={query} by={by} />
          </Card>
        </>
      )}
    </Page>
  );
}
