import { Table } from 'antd';
import type { MetricResponse, MetricRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { SegmentBars } from '../../charts/segment-bars.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OpsQuery } from './ops-card.tsx';
import { segmentText } from './ops-metrics.ts';

/** The rows of the range's last period (cards and tables show where the work stands now). */
const lastPeriod = (rows: MetricRow[]) => {
  const actual = rows.filter((r) => !r.forecast);
  const at = actual.at(-1)?.period_start;
  return actual.filter((r) => r.period_start === at);
};

/** Median hours in each stage, per breakdown value, with the 90th percentile and the visits counted. */
export function StageTimes({ query, by }: { query: OpsQuery; by: string | undefined }) {
  const { t, fmt, lang } = useI18n();
  const state = useApi<MetricResponse>('/api/v1/metrics/case_stage_time', { ...query, by });
  return (
    <Loadable state={state} isEmpty={(d) => lastPeriod(d.rows).length === 0}>
      {(d) => {
        const rows = lastPeriod(d.rows).map((r) => ({ ...r, segment: { label: segmentText(r.segment, lang) } }));
        return (
          <>
            <SegmentBars rows={rows} unit="hours" />
            <Table<MetricRow>
              size="small"
              data-testid="ops-stages"
              rowKey={(r) => r.segment.label ?? ''}
              dataSource={rows}
              pagination={false}
              columns={[
                { title: t('operations.stage'), render: (_, r) => r.segment.label },
                { title: t('operations.median'), align: 'right', render: (_, r) => fmt.value('hours', r.value) },
                {
                  title: t('operations.p90'),
                  align: 'right',
                  render: (_, r) => fmt.value('hours', r.parts?.p90 ?? null),
                },
                { title: t('operations.visits'), align: 'right', render: (_, r) => fmt.number(r.parts?.n ?? 0) },
              ]}
            />
          </>
        );
      }}
    </Loadable>
  );
}

interface SlaRow {
  key: string;
  firstResponse: MetricRow | undefined;
  resolution: MetricRow | undefined;
}

/** First-response and resolution SLA compliance per policy (and breakdown value), with the targets still pending. */
export function SlaTable({ query, by }: { query: OpsQuery; by: string | undefined }) {
  const { t, fmt, lang } = useI18n();
  const fr = useApi<MetricResponse>('/api/v1/metrics/case_first_response_sla', { ...query, by });
  const res = useApi<MetricResponse>('/api/v1/metrics/case_resolution_sla', { ...query, by });
  const pending = (r: MetricRow | undefined) => fmt.number(r?.parts?.pending ?? 0);
  const rate = (r: MetricRow | undefined) =>
    r?.denominator
      ? `${fmt.value('ratio', r.value)} (${fmt.number(r.numerator)} / ${fmt.number(r.denominator)})`
      : fmt.value('ratio', null);
  return (
    <Loadable state={fr.error ? fr : res.error ? res : fr} isEmpty={(d) => lastPeriod(d.rows).length === 0}>
      {(d) => {
        const byKey = new Map<string, SlaRow>();
        const add = (rows: MetricRow[], field: 'firstResponse' | 'resolution') => {
          for (const r of lastPeriod(rows)) {
            const key = segmentText(r.segment, lang);
            byKey.set(key, {
              ...(byKey.get(key) ?? { key, firstResponse: undefined, resolution: undefined }),
              [field]: r,
            });
          }
        };
        add(d.rows, 'firstResponse');
        add(res.data?.rows ?? [], 'resolution');
        return (
          <Table<SlaRow>
            size="small"
            data-testid="ops-sla"
            rowKey="key"
            dataSource={[...byKey.values()]}
            pagination={false}
            columns={[
              { title: t('operations.policy'), dataIndex: 'key' },
              { title: t('operations.firstResponse'), align: 'right', render: (_, r) => rate(r.firstResponse) },
              { title: t('operations.resolution'), align: 'right', render: (_, r) => rate(r.resolution) },
              {
                title: t('operations.pending'),
                align: 'right',
                render: (_, r) => `${pending(r.firstResponse)} / ${pending(r.resolution)}`,
              },
            ]}
          />
        );
      }}
    </Loadable>
  );
}
