import { Card, Tooltip, Typography } from 'antd';
import type { Kpi, MetricInfo } from '../../api/types.ts';
import { Sparkline } from '../../components/sparkline.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { kpiChange } from './kpi-change.ts';

export function KpiCard({ kpi, info }: { kpi: Kpi; info: MetricInfo | undefined }) {
  const { t, fmt, text, lang, term } = useI18n();
  const change = kpiChange(kpi, lang);
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
        <Typography.Text type={change?.tone ?? 'secondary'} data-testid={`kpi-change-${kpi.metric}`}>
          {change
            ? `${change.points ? t('unit.pp', { n: change.figure }) : change.figure} ${t('overview.change')}`
            : t('overview.noPrevious')}
        </Typography.Text>
      )}
      {kpi.missing.length > 0 && (
        <div>
          <Typography.Text type="secondary" data-testid={`kpi-missing-${kpi.metric}`}>
            {t('overview.missing', {
              tables: kpi.missing
                .map((any) => any.map((e) => term('entity', e)).join(t('common.or')))
                .join(t('common.and')),
              page: t('nav.data'),
            })}
          </Typography.Text>
        </div>
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
