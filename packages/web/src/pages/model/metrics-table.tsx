import { Table } from 'antd';
import type { Evaluation } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { DASH } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Each measure with how it is shown: shares as percents, the rest as numbers. */
const MEASURES: { key: MessageKey; value: (e: Evaluation) => number; ratio?: boolean }[] = [
  { key: 'churn.rocAuc', value: (e) => e.roc_auc },
  { key: 'churn.prAuc', value: (e) => e.pr_auc },
  { key: 'churn.logLoss', value: (e) => e.log_loss },
  { key: 'churn.brier', value: (e) => e.brier },
  { key: 'churn.lift10', value: (e) => e.lift_at10 },
  { key: 'churn.capture10', value: (e) => e.capture_at10, ratio: true },
];

/** The model's measures beside the logistic baseline's, on the same rows. */
export function MetricsTable({ model, baseline }: { model: Evaluation; baseline: Evaluation | null }) {
  const { t, fmt } = useI18n();
  const show = (m: (typeof MEASURES)[number], e: Evaluation | null) =>
    !e ? DASH : m.ratio ? fmt.value('ratio', m.value(e)) : fmt.number(m.value(e), 3);
  return (
    <Table
      data-testid="model-metrics"
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={MEASURES}
      columns={[
        { title: t('churn.measure'), render: (_, m) => t(m.key) },
        { title: t('churn.model'), align: 'right', render: (_, m) => show(m, model) },
        { title: t('churn.baseline'), align: 'right', render: (_, m) => show(m, baseline) },
      ]}
    />
  );
}
