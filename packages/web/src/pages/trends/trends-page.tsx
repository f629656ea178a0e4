import { Card, Select } from 'antd';
import { useState } from 'react';
import { useDimensions, useMetricCatalog } from '../../api/resources.ts';
import type { MetricResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { TrendChart } from '../../charts/trend-chart.tsx';
import { FiguresAsOf } from '../../components/figures-as-of.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { DimensionSelect, MetricSelect } from '../../components/metric-select.tsx';
import { MissingData } from '../../components/missing-data.tsx';
import { NullReasons } from '../../components/null-reasons.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, usePeriodRange } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type PickerGrain, pickerGrains } from '../../period.ts';

const HORIZONS = [0, 3, 6, 12];

/** Any metric at any grain the metric supports, optionally per segment, optionally with a forecast. */
export default function TrendsPage() {
  const { t, text } = useI18n();
  const [metric, setMetric] = useState('churn_rate');
  const [grain, setGrain] = useState<PickerGrain>('month');
  const [by, setBy] = useState<string>();
  const [horizon, setHorizon] = useState(0);
  const info = useMetricCatalog().data?.metrics.find((m) => m.id === metric);
  const grains = pickerGrains.filter((g) => !info || info.grains.includes(g));
  const g = grains.includes(grain) ? grain : (grains[0] ?? 'month');
  const range = usePeriodRange(g);
  const dimensions = useDimensions();
  const state = useApi<MetricResponse>(range.query && `/api/v1/metrics/${metric}`, {
    period: g,
    ...range.query,
    by,
    forecast: horizon || undefined,
  });
  return (
    <Page
      title={t('nav.trends')}
      extra={
        <>
          <MetricSelect value={metric} onChange={setMetric} />
          <GrainSelect value={g} onChange={setGrain} grains={grains} />
          {range.picker}
          <DimensionSelect value={by} onChange={setBy} dimensions={dimensions} />
          <Select
            aria-label={t('trends.forecast')}
            value={horizon}
            onChange={setHorizon}
            options={HORIZONS.map((n) => ({
              value: n,
              label: n
                ? `${t('trends.forecast')}: ${t('trends.forecastPeriods', { n })}`
                : `${t('trends.forecast')}: ${t('common.none')}`,
            }))}
          />
        </>
      }
    >
      <Card>
        <FiguresAsOf data={state.data} />
        {state.data && <MissingData missing={state.data.missing} />}
        {state.data && <NullReasons rows={state.data.rows} />}
        <Loadable state={state} isEmpty={(d) => d.rows.every((r) => r.value === null)}>
          {(d) => (
            <TrendChart rows={d.rows} unit={info?.unit ?? 'count'} grain={g} name={info ? text(info.title) : metric} />
          )}
        </Loadable>
      </Card>
    </Page>
  );
}
