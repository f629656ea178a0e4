import { Alert, Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { KeyDrivers } from './types.ts';

type Row = KeyDrivers['drivers'][number];
const KINDS = ['nps', 'csat', 'ces', 'employee'] as const;

/**
 * Key drivers of a survey's score: how much of its variance each question explains, as relative weights
 * (Johnson) with the Shapley decomposition of R² beside them, or the plain reason there is nothing to show.
 */
export function KeyDriversCard() {
  const { t, fmt, text, freeTerm } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('nps');
  const state = useApi('/api/v1/voice/key-drivers', { kind });
  return (
    <Card
      title={t('keyDrivers.title')}
      extra={
        <Select
          aria-label={t('keyDrivers.kind')}
          value={kind}
          onChange={setKind}
          style={{ minWidth: 160 }}
          options={KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
        />
      }
    >
      <Loadable state={state}>
        {(d) =>
          d.note ? (
            <Alert type="info" showIcon message={text(d.note)} data-testid="key-drivers-note" />
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                {t('keyDrivers.intro', {
                  outcome: text(d.outcome_label),
                  respondents: fmt.number(d.respondents, 0),
                  r2: fmt.number(d.r_squared, 2),
                })}
              </Typography.Paragraph>
              <Chart
                testId="key-drivers-chart"
                height={Math.max(160, 32 * d.drivers.length + 60)}
                option={{
                  grid: { left: 200, right: 48, top: 16, bottom: 32 },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.percent(v, 0) } },
                  yAxis: { type: 'category', data: [...d.drivers].reverse().map((r) => text(r.label)) },
                  series: [
                    {
                      type: 'bar',
                      name: t('keyDrivers.col.share'),
                      data: [...d.drivers].reverse().map((r) => r.share),
                    },
                  ],
                }}
              />
              <Table<Row>
                size="small"
                rowKey="question_id"
                pagination={false}
                dataSource={d.drivers}
                columns={[
                  { title: t('keyDrivers.col.question'), render: (_, r) => text(r.label) },
                  {
                    title: t('keyDrivers.col.dimension'),
                    render: (_, r) => (r.dimension ? freeTerm('builder.dimension', r.dimension) : ''),
                  },
                  { title: t('keyDrivers.col.r'), align: 'right', render: (_, r) => fmt.number(r.correlation, 2) },
                  {
                    title: t('keyDrivers.col.weight'),
                    align: 'right',
                    render: (_, r) => fmt.number(r.relative_weight, 3),
                  },
                  { title: t('keyDrivers.col.shapley'), align: 'right', render: (_, r) => fmt.number(r.shapley, 3) },
                  { title: t('keyDrivers.col.share'), align: 'right', render: (_, r) => fmt.percent(r.share) },
                ]}
              />
            </>
          )
        }
      </Loadable>
    </Card>
  );
}
