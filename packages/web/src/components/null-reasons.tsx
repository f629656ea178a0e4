import { Alert } from 'antd';
import type { MetricResponse } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Why some of a metric's values are empty although the data is there, as the metric words it (e.g. CRM ROI without
 * a campaign with a control group: not measurable), each reason once.
 */
export function NullReasons({ rows }: { rows: MetricResponse['rows'] }) {
  const { text } = useI18n();
  const reasons = new Map(rows.flatMap((r) => (r.value === null && r.reason ? [[r.reason.en, r.reason]] : [])));
  if (!reasons.size) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="null-reasons"
      title={[...reasons.values()].map((r) => text(r)).join(' ')}
      style={{ marginBottom: 16 }}
    />
  );
}
