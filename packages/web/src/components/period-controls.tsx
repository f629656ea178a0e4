import { DatePicker, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useStatus } from '../api/resources.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { defaultRange, type PickerGrain, periodOf, pickerGrains } from '../period.ts';

/** Month / quarter / year. */
export function GrainSelect({
  value,
  onChange,
  grains = pickerGrains,
}: {
  value: PickerGrain;
  onChange: (g: PickerGrain) => void;
  grains?: readonly PickerGrain[];
}) {
  const { t } = useI18n();
  return (
    <Segmented<PickerGrain>
      aria-label={t('period.grain')}
      value={value}
      onChange={onChange}
      options={grains.map((g) => ({ value: g, label: t(`grain.${g}`) }))}
    />
  );
}

/** One period (the month, quarter or year that contains the chosen day); cleared means "latest complete". */
export function PeriodPicker({
  grain,
  value,
  onChange,
}: {
  grain: PickerGrain;
  value: Dayjs | null;
  onChange: (d: Dayjs | null) => void;
}) {
  const { t } = useI18n();
  return (
    <DatePicker
      picker={grain}
      value={value}
      onChange={(d) => onChange(d ?? null)}
      placeholder={t('period.latest')}
      aria-label={t('period.at')}
      // Wide enough for the placeholder in either language (200 px still cut "Latest complete period").
      style={{ minWidth: 240 }}
    />
  );
}

/**
 * A range of periods at a grain, defaulting to the recent history that ends with the data's last complete month.
 * `query` is null until GET /status says which month that is.
 */
export function usePeriodRange(grain: PickerGrain) {
  const status = useStatus();
  const [chosen, setChosen] = useState<[Dayjs, Dayjs] | null>(null);
  const range = chosen ?? (status.data || status.error ? defaultRange(status.data?.last_complete_month, grain) : null);
  const query = range && { from: periodOf(range[0], grain), to: periodOf(range[1], grain) };
  const picker = (
    <DatePicker.RangePicker
      picker={grain}
      value={range}
      allowClear={false}
      onChange={(r) => r?.[0] && r[1] && setChosen([r[0], r[1]])}
    />
  );
  return { query, picker };
}
