import { Alert } from 'antd';
import type { MetricResponse } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Why a metric shows no value: the tables it needs that the workspace has no rows of, and where on the Data
 * page to import them (the page's own controls, by their labels).
 */
export function MissingData({ missing }: { missing: MetricResponse['missing'] }) {
  const { t, term } = useI18n();
  if (!missing.length) return null;
  const tables = missing
    .map((m) => m.entities.map((e) => term('entity', e)).join(t('common.or')))
    .join(t('common.and'));
  return (
    <Alert
      type="info"
      showIcon
      data-testid="missing-data"
      title={t('metric.missing', { tables })}
      description={t('metric.missingHint', { page: t('nav.data'), tab: t('data.import'), control: t('import.entity') })}
    />
  );
}
