import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { GrainSelect, usePeriodRange } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PickerGrain } from '../../period.ts';
import { BenchmarkSections } from './benchmark-sections.tsx';
import { WinLossSection } from './win-loss-section.tsx';

/**
 * Competitors: every imported benchmark against our own figure over time, with the gap and its trend, and the
 * customers lost to each named competitor (MRR, reasons, won back) over the chosen periods.
 */
export default function CompetitorsPage() {
  const { t } = useI18n();
  const [grain, setGrain] = useState<PickerGrain>('month');
  const range = usePeriodRange(grain);
  const trends = useApi('/api/v1/benchmarks/trends');
  const winLoss = useApi(range.query && '/api/v1/competitors/win-loss', { period: grain, ...range.query });
  return (
    <Page title={t('nav.competitors')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('competitors.benchmarks')} data-testid="benchmarks-card">
          <Typography.Paragraph type="secondary">{t('competitors.benchmarksIntro')}</Typography.Paragraph>
          <Loadable state={trends} isEmpty={(d) => d.series.length === 0}>
            {(d) => <BenchmarkSections data={d} />}
          </Loadable>
        </Card>
        <Card
          title={t('competitors.winLoss')}
          data-testid="win-loss-card"
          extra={
            <Space wrap>
              <GrainSelect value={grain} onChange={setGrain} />
              {range.picker}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t('competitors.winLossIntro')}</Typography.Paragraph>
          <Loadable state={winLoss} isEmpty={(d) => d.competitors.length === 0}>
            {(d) => <WinLossSection data={d} />}
          </Loadable>
        </Card>
      </Space>
    </Page>
  );
}
