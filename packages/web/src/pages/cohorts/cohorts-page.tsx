import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { Cohorts } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { CohortHeatmap } from '../../charts/cohort-heatmap.tsx';
import { FiguresAsOf } from '../../components/figures-as-of.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, usePeriodRange } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PickerGrain } from '../../period.ts';

type Mode = Cohorts['mode'];

/**
 * Acquisition cohorts and the share of each still active (customers) or still paying (revenue) as it ages; for
 * shops without subscriptions, first-order cohorts and the order revenue they keep (uncapped, or capped per customer).
 */
export default function CohortsPage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('customers');
  const [grain, setGrain] = useState<PickerGrain>('month');
  const range = usePeriodRange(grain);
  const state = useApi(range.query && '/api/v1/cohorts', { period: grain, ...range.query, mode });
  return (
    <Page
      title={t('nav.cohorts')}
      extra={
        <>
          <Segmented<Mode>
            aria-label={t('cohorts.mode')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'customers', label: t('cohorts.customers') },
              { value: 'revenue', label: t('cohorts.revenue') },
              { value: 'order_revenue', label: t('cohorts.orderRevenue') },
              { value: 'order_revenue_capped', label: t('cohorts.orderRevenueCapped') },
            ]}
          />
          <GrainSelect value={grain} onChange={setGrain} />
          {range.picker}
        </>
      }
    >
      <Card>
        <FiguresAsOf data={state.data} />
        <Loadable state={state} isEmpty={(d) => d.cohorts.length === 0}>
          {(d) => (
            <>
              {mode === 'order_revenue' || mode === 'order_revenue_capped' ? (
                <Typography.Paragraph type="secondary">{t('cohorts.orderNote')}</Typography.Paragraph>
              ) : null}
              <CohortHeatmap data={d} grain={grain} />
            </>
          )}
        </Loadable>
      </Card>
    </Page>
  );
}
