import { Card, Tooltip, Typography } from 'antd';
import type { Kpi, MetricInfo } from '../../api/types.ts';
import { Sparkline } from '../../components/sparkline.tsx';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';

/** Metrics where a fall is the good news. */
const LOWER_IS_BETTER = new Set(['churn_rate']);

/**
 * Period-over-period change in the unit a reader expects: rates in percentage points, counts (customers, NPS
 * points) as a signed difference, money relative to the previous period.
 */
function changeText(k: Kpi, { t, fmt }: I18n): string | null {
  if (k.change === null || k.change === undefined) return null;
  if (k.unit === 'ratio') return t('unit.pp', { n: fmt.signed(k.change * 100) });
  if (k.unit === 'count') return fmt.signed(k.change, Number.isInteger(k.change) ? 0 : 1);
  return k.previous ? fmt.signedPercent(k.change / Math.abs(k.previous)) : null;
}

export function KpiCard({ kpi, info }: { kpi: Kpi; info: MetricInfo | undefined }) {
  const i18n = useI18n();
  const { t, fmt, text } = i18n;
  const change = changeText(kpi, i18n);
  const better = (kpi.change ?? 0) * (LOWER_IS_BETTER.has(kpi.metric) ? -1 : 1);
  const tone = !kpi.change ? 'secondary' : better > 0 ? 'success' : 'danger';
  const title = info ? text(info.title) : kpi.metric;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={info ? <Tooltip title={text(info.description)}>{title}</Tooltip> : title}
    >
      <div data-testid={`kpi-${kpi.metric}`} style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>
        {fmt.value(kpi.unit, kpi.value)}
      </div>
      {kpi.snapshot ? (
        <Typography.Text type="warning" data-testid={`kpi-snapshot-${kpi.metric}`}>
          {t('overview.snapshotKpi', { date: kpi.snapshot })}
        </Typography.Text>
      ) : (
        <Typography.Text type={tone}>
          {change ? `${change} ${t('overview.change')}` : t('overview.noPrevious')}
        </Typography.Text>
      )}
      {kpi.ci_low !== null && kpi.ci_high !== null && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('overview.interval', { low: fmt.value(kpi.unit, kpi.ci_low), high: fmt.value(kpi.unit, kpi.ci_high) })}
          </Typography.Text>
        </div>
      )}
      {!kpi.snapshot && <Sparkline values={kpi.series.map((s) => s.value)} color="#1677ff" label={title} />}
    </Card>
  );
}
