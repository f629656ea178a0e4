import { Card, Col, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import type { ClvRun } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { HistogramChart } from '../../charts/histogram-chart.tsx';
import { FitButton, FitTable, FittedAt, RunLoadable } from '../../components/model-run.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LtvClvCard } from './ltv-clv-card.tsx';
import { PyramidCard } from './pyramid-card.tsx';
import { SegmentsCard } from './segments-card.tsx';
import { TopCustomers } from './top-customers.tsx';

const TOP = [20, 50, 100] as const;

/** Totals, the distributions of value and of P(alive), the two models' parameters and the top customers. */
function Value({ run }: { run: ClvRun }) {
  const { t, fmt } = useI18n();
  // The two parts of the total (absent from runs stored before CLV had its subscription part).
  const r = run.result as ClvRun['result'] & { subscriptionValue?: number; purchaseValue?: number };
  return (
    <Flex vertical gap={16}>
      <Card extra={<FittedAt run={run} />}>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Statistic title={t('value.customers')} value={fmt.number(r.customers, 0)} />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('value.total')} value={fmt.value('money', r.total_value)} />
            {r.subscription_value !== undefined && (
              <Typography.Text type="secondary" data-testid="value-parts">
                {t('value.subscriptionPart')} {fmt.value('money', r.subscription_value)} · {t('value.purchasePart')}{' '}
                {fmt.value('money', r.purchase_value)}
              </Typography.Text>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('value.alive')} value={fmt.number(r.expected_alive, 0)} />
          </Col>
        </Row>
        <Typography.Text type="secondary">
          {t('value.terms', {
            n: r.horizon_months,
            rate: fmt.value('ratio', r.discount_rate),
            margin: fmt.value('ratio', r.margin),
          })}
        </Typography.Text>
        <Typography.Paragraph type="secondary">{t('value.definition')}</Typography.Paragraph>
      </Card>
      {r.distribution ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('value.clvDistribution')}>
              <HistogramChart bins={r.distribution.clv} unit="money" testId="clv-histogram" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('value.pAliveDistribution')}>
              <HistogramChart bins={r.distribution.p_alive} unit="ratio" testId="palive-histogram" />
            </Card>
          </Col>
        </Row>
      ) : (
        <Typography.Text type="secondary">{t('value.noDistribution')}</Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('value.bgNbd')}>
            <FitTable fit={r.bg_nbd} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('value.gammaGamma')}>
            <FitTable fit={r.gamma_gamma} />
          </Card>
        </Col>
      </Row>
      <Card title={t('value.top')}>
        <TopCustomers rows={r.top} />
      </Card>
    </Flex>
  );
}

/**
 * Customer lifetime value from the latest stored CLV fit (BG/NBD × gamma-gamma): read, never refitted on a view;
 * analysts refit with the run's own options.
 */
export default function ValuePage() {
  const { t } = useI18n();
  const [top, setTop] = useState<number>(50);
  const state = useApi('/api/v1/clv', { top });
  const fit = useFit('/api/v1/models/clv/fit', state.reload);
  return (
    <Page
      title={t('nav.value')}
      extra={
        <>
          <Select
            aria-label={t('value.topN')}
            value={top}
            onChange={setTop}
            options={TOP.map((n) => ({ value: n, label: `${t('value.topN')} ${n}` }))}
          />
          <FitButton fit={fit} options={state.data?.parameters ?? {}} fitted={!!state.data} />
        </>
      }
    >
      {fit.problem && <ProblemAlert error={fit.problem} />}
      <LtvClvCard />
      <PyramidCard />
      <SegmentsCard />
      <RunLoadable state={state} model="clv">
        {(run) => <Value run={run} />}
      </RunLoadable>
    </Page>
  );
}
