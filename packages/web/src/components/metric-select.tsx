import { Select } from 'antd';
import { useMetricCatalog } from '../api/resources.ts';
import type { MetricInfo } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A metric from the catalogue, searchable by its title in the current language. */
export function MetricSelect({
  value,
  onChange,
  where = () => true,
}: {
  value: string;
  onChange: (id: string) => void;
  where?: (m: MetricInfo) => boolean;
}) {
  const { t, text } = useI18n();
  const catalog = useMetricCatalog();
  return (
    <Select
      aria-label={t('trends.metric')}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 240 }}
      loading={catalog.loading}
      value={value}
      onChange={onChange}
      options={catalog.data?.metrics.filter(where).map((m) => ({ value: m.id, label: text(m.title) }))}
    />
  );
}

/** A customer dimension from GET /status (region, channel, …), or none. */
export function DimensionSelect({
  value,
  onChange,
  dimensions,
  allowClear = true,
}: {
  value: string | undefined;
  onChange: (d: string | undefined) => void;
  dimensions: string[];
  allowClear?: boolean;
}) {
  const { t, field } = useI18n();
  return (
    <Select
      aria-label={t('trends.by')}
      placeholder={t('trends.by')}
      allowClear={allowClear}
      style={{ minWidth: 160 }}
      value={value}
      onChange={(d) => onChange(d ?? undefined)}
      options={dimensions.map((d) => ({ value: d, label: field(d) }))}
    />
  );
}
