import { Alert, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useStatus } from '../../api/resources.ts';
import type { Survival } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { SurvivalChart } from '../../charts/survival-chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { DimensionSelect } from '../../components/metric-select.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type TimeUnit = 'week' | 'month' | 'year';
type Curve = Survival['curves'][number];

/** Per segment: size, churned, the median lifetime with its interval, and the mean lifetime up to τ. */
function SummaryTable({ data, label }: { data: Survival; label: (segment: string) => string }) {
  const { t, fmt, term } = useI18n();
  // Times carry their unit (12.3 months), so a median is not a bare number.
  const unit = term('unitShort', data.unit);
  const time = (v: number | null) =>
    v === null ? t('survival.notReached') : t('survival.medianValue', { n: fmt.number(v, 1), unit });
  return (
    <Table<Curve>
      size="small"
      rowKey="segment"
      pagination={false}
      dataSource={data.curves}
      columns={[
        { title: t('survival.segment'), render: (_, c) => label(c.segment) },
        { title: t('survival.customers'), align: 'right', render: (_, c) => fmt.number(c.n, 0) },
        { title: t('survival.churned'), align: 'right', render: (_, c) => fmt.number(c.events, 0) },
        { title: t('survival.median'), align: 'right', render: (_, c) => time(c.median.estimate) },
        {
          title: t('survival.interval'),
          align: 'right',
          render: (_, c) => `${time(c.median.lower)} – ${time(c.median.upper)}`,
        },
        {
          title: t('survival.restrictedMean', { tau: time(data.curves[0]?.restricted_mean.tau ?? null) }),
          align: 'right',
          render: (_, c) => `${time(c.restricted_mean.estimate)} ± ${fmt.number(c.restricted_mean.stderr, 1)}`,
        },
      ]}
    />
  );
}

/** The log-rank test across the segments, or what to do to get one. */
function LogRank({ data }: { data: Survival }) {
  const { t, fmt } = useI18n();
  if (!data.log_rank) return <Alert type="info" showIcon title={t('survival.needBy')} />;
  const { chi_square: chiSquare, df, p_value: pValue } = data.log_rank;
  return (
    <Card size="small" title={t('survival.logRank')}>
      <Typography.Text data-testid="log-rank">
        {t('survival.logRankStat', { chi: fmt.number(chiSquare, 2), df })} ·{' '}
        <b data-testid="log-rank-p">{fmt.p(pValue)}</b>
      </Typography.Text>
    </Card>
  );
}

/**
 * Customer survival (Kaplan–Meier) by segment: curves with 95 % bands, medians and restricted means, and the
 * log-rank test of whether the segments' curves differ. Computed by the server on request, never stored.
 */
export default function SurvivalPage() {
  const { t, term } = useI18n();
  const status = useStatus();
  const [by, setBy] = useState<string>();
  const [unit, setUnit] = useState<TimeUnit>('month');
  const state = useApi('/api/v1/models/survival', { by, unit });
  const label = (segment: string) => (segment === 'all' && !by ? t('survival.all') : segment);
  return (
    <Page
      title={t('nav.survival')}
      extra={
        <>
          <DimensionSelect value={by} onChange={setBy} dimensions={status.data?.dimensions ?? []} />
          <Segmented<TimeUnit>
            aria-label={t('survival.unit')}
            value={unit}
            onChange={setUnit}
            options={(['week', 'month', 'year'] as const).map((u) => ({ value: u, label: term('timeUnit', u) }))}
          />
        </>
      }
    >
      <Loadable state={state} isEmpty={(d) => d.curves.length === 0}>
        {(d) => (
          <Flex vertical gap={16}>
            <Card>
              <SurvivalChart data={d} label={label} />
            </Card>
            <LogRank data={d} />
            <Card>
              <SummaryTable data={d} label={label} />
            </Card>
          </Flex>
        )}
      </Loadable>
    </Page>
  );
}
