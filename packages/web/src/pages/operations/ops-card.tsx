import { Card, Tooltip, Typography } from 'antd';
import { useMetricCatalog } from '../../api/resources.ts';
import type { MetricResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The period range and grain every card and chart of the page reads. */
export type OpsQuery = { period: string; from: string; to: string };

/** One case metric for the last period of the range, the whole business: its value and that period. */
export function OpsCard({ metric, query }: { metric: string; query: OpsQuery }) {
  const { t, fmt, text } = useI18n();
  const info = useMetricCatalog().data?.metrics.find((m) => m.id === metric);
  const state = useApi<MetricResponse>(`/api/v1/metrics/${metric}`, query);
  const last = state.data?.rows.filter((r) => !r.forecast).at(-1);
  const title = info ? text(info.title) : metric;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      loading={!state.data && !state.error}
      title={info ? <Tooltip title={text(info.description)}>{title}</Tooltip> : title}
    >
      <div data-testid={`ops-${metric}`} style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>
        {state.error ? t('operations.unavailable') : fmt.value(info?.unit ?? 'count', last?.value ?? null)}
      </div>
      <Typography.Text type="secondary">{last ? fmt.period(query.period, last.period_start) : ' '}</Typography.Text>
    </Card>
  );
}
