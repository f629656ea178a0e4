import { Alert, Col, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMetricCatalog } from '../../api/resources.ts';
import { useApi } from '../../api/use-api.ts';
import { FiguresAsOf } from '../../components/figures-as-of.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, PeriodPicker } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type PickerGrain, periodOf } from '../../period.ts';
import { CrmRoiCard, trailingYear } from './crm-roi-card.tsx';
import { KpiCard } from './kpi-card.tsx';

/** The headline KPIs for one period, each against the previous period, with their recent history; the CRM's return. */
export default function OverviewPage() {
  const { t, fmt } = useI18n();
  const [grain, setGrain] = useState<PickerGrain>('month');
  const [at, setAt] = useState<Dayjs | null>(null);
  // Without `to` the server picks the last complete period, exactly as a plain GET /overview does.
  const state = useApi('/api/v1/overview', { period: grain, to: at ? periodOf(at, grain) : undefined });
  const catalog = useMetricCatalog();
  const info = (id: string) => catalog.data?.metrics.find((m) => m.id === id);
  return (
    <Page
      title={t('nav.overview')}
      extra={
        <>
          <GrainSelect value={grain} onChange={setGrain} />
          <PeriodPicker grain={grain} value={at} onChange={setAt} />
        </>
      }
    >
      <Loadable state={state} isEmpty={(d) => d.kpis.length === 0}>
        {(d) => {
          // Snapshot-dated cards have no series; the period comes from the others.
          const current = d.kpis.find((k) => k.series.length)?.series.at(-1)?.period_start;
          const snapshot = d.kpis.find((k) => k.snapshot)?.snapshot;
          return (
            <>
              {current && (
                <Typography.Text type="secondary" data-testid="overview-period">
                  {fmt.period(d.period, current)}
                </Typography.Text>
              )}
              <FiguresAsOf data={d} />
              {snapshot && (
                <Alert
                  type="info"
                  showIcon
                  data-testid="overview-snapshot"
                  title={t('overview.snapshot', { date: snapshot })}
                />
              )}
              <Row gutter={[16, 16]}>
                {d.kpis.map((k) => (
                  <Col key={k.metric} xs={24} sm={12} xl={8}>
                    <KpiCard kpi={k} info={info(k.metric)} />
                  </Col>
                ))}
              </Row>
              {current && <CrmRoiCard range={trailingYear(d.period, current)} />}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}
