import { Checkbox, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import type { ImportOptionsBody } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The options of an import the wizard offers, as the import takes them (a share, a date, a format). */
export type ImportChoices = Pick<ImportOptionsBody, 'as_of' | 'date_format' | 'create_missing_customers'> & {
  max_reject_rate: number;
};

export const DEFAULT_CHOICES: ImportChoices = { max_reject_rate: 0.05 };

/** Reject limit (in percent), snapshot date, date format, and for tables that name customers, creating them. */
export function ImportOptions({
  entity,
  value,
  onChange,
}: {
  entity: string;
  value: ImportChoices;
  onChange: (v: ImportChoices) => void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<ImportChoices>) => onChange({ ...value, ...patch });
  return (
    <Form layout="vertical" component="div">
      <Flex gap={16} wrap align="start">
        <Form.Item label={t('import.rejectLimit')} tooltip={t('import.rejectLimitHelp')}>
          <InputNumber
            aria-label={t('import.rejectLimit')}
            data-testid="reject-limit"
            min={0}
            max={100}
            step={1}
            suffix="%"
            value={Math.round(value.max_reject_rate * 1000) / 10}
            onChange={(v) => set({ max_reject_rate: (v ?? 0) / 100 })}
          />
        </Form.Item>
        {entity === 'customers' && (
          <Form.Item label={t('import.asOf')} tooltip={t('import.asOfHelp')}>
            <DatePicker
              aria-label={t('import.asOf')}
              value={value.as_of ? dayjs(value.as_of) : null}
              onChange={(d) => set({ as_of: d ? d.format('YYYY-MM-DD') : undefined })}
            />
          </Form.Item>
        )}
        <Form.Item label={t('import.dateFormat')} tooltip={t('import.dateFormatHelp')}>
          <Input
            aria-label={t('import.dateFormat')}
            placeholder="%Y-%m-%d"
            style={{ width: 140 }}
            defaultValue={value.date_format}
            onBlur={(e) => set({ date_format: e.target.value.trim() || undefined })}
          />
        </Form.Item>
        {entity !== 'customers' && (
          <Form.Item label=" ">
            <Checkbox
              checked={!!value.create_missing_customers}
              onChange={(e) => set({ create_missing_customers: e.target.checked })}
            >
              {t('import.createMissing')}
            </Checkbox>
          </Form.Item>
        )}
      </Flex>
    </Form>
  );
}
