import { Alert, Card, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDimensions, useMetricCatalog, useStatus } from '../../api/resources.ts';
import type { MetricResponse, MetricRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { SegmentBars } from '../../charts/segment-bars.tsx';
import { segmentLabel } from '../../charts/series.ts';
import { Loadable } from '../../components/loadable.tsx';
import { DimensionSelect, MetricSelect } from '../../components/metric-select.tsx';
import { MissingData } from '../../components/missing-data.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, PeriodPicker } from '../../components/period-controls.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { DASH, type Unit } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { defaultRange, type PickerGrain, periodOf } from '../../period.ts';

function SegmentTable({ rows, unit }: { rows: MetricRow[]; unit: Unit }) {
  const { t, fmt, freeTerm } = useI18n();
  return (
    <Table<MetricRow>
      size="small"
      rowKey={(r) => segmentLabel(r.segment)}
      dataSource={rows}
      pagination={false}
      columns={[
        {
          title: t('segments.segment'),
          render: (_, r) => segmentLabel(r.segment, (k, v) => freeTerm(`segment.${k}`, v)),
        },
        { title: t('segments.value'), align: 'right', render: (_, r) => fmt.value(unit, r.value) },
        {
          title: t('segments.interval'),
          align: 'right',
          render: (_, r) => fmt.interval(unit, r.ci_low, r.ci_high),
        },
        {
          title: t('segments.base'),
          align: 'right',
          render: (_, r) =>
            r.denominator === null ? DASH : `${fmt.number(r.numerator)} / ${fmt.number(r.denominator)}`,
        },
        { title: t('segments.pAdjusted'), align: 'right', render: (_, r) => fmt.number(r.p_adjusted, 4) },
        {
          title: '',
          render: (_, r) =>
            r.significant === undefined ? null : r.significant ? (
              <Tag color="red">{t('segments.significant')}</Tag>
            ) : (
              <Tag>{t('segments.notSignificant')}</Tag>
            ),
        },
      ]}
    />
  );
}

/**
 * One period of a metric per segment, with Wilson intervals and the chi-square test across segments
 * (Benjamini–Hochberg adjusted), as a table and a bar chart.
 */
export default function SegmentsPage() {
  const { t } = useI18n();
  const status = useStatus();
  const [metric, setMetric] = useState('churn_rate');
  const [grain, setGrain] = useState<PickerGrain>('month');
  const [at, setAt] = useState<Dayjs | null>(null);
  const [chosenBy, setBy] = useState<string>();
  const dimensions = useDimensions();
  const by = chosenBy ?? dimensions[0];
  const unit = useMetricCatalog().data?.metrics.find((m) => m.id === metric)?.unit ?? 'ratio';
  const day = at ?? (status.data ? defaultRange(status.data.last_complete_month, grain)[1] : null);
  const period = day && periodOf(day, grain);
  const state = useApi<MetricResponse>(period && by ? `/api/v1/metrics/${metric}` : null, {
    period: grain,
    from: period,
    to: period,
    by,
  });
  const rows = (d: MetricResponse) => d.rows.filter((r) => !r.forecast);
  return (
    <Page
      title={t('nav.segments')}
      extra={
        <>
          <MetricSelect value={metric} onChange={setMetric} />
          <DimensionSelect value={by} onChange={setBy} dimensions={dimensions} allowClear={false} />
          <GrainSelect value={grain} onChange={setGrain} />
          <PeriodPicker grain={grain} value={at} onChange={setAt} />
        </>
      }
    >
      {status.error && <ProblemAlert error={status.error} onRetry={status.reload} />}
      {status.data && !by ? (
        <Alert type="info" showIcon title={t('segments.needDimension')} />
      ) : (
        <>
          {state.data && <MissingData missing={state.data.missing} />}
          <Loadable state={state} isEmpty={(d) => rows(d).length === 0}>
            {(d) => (
              <>
                <Card>
                  <SegmentBars rows={rows(d)} unit={unit} />
                </Card>
                <Card>
                  <SegmentTable rows={rows(d)} unit={unit} />
                </Card>
              </>
            )}
          </Loadable>
        </>
      )}
    </Page>
  );
}
