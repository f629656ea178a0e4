import { Card, Descriptions } from 'antd';
import type { Customer360 } from '../../api/types.ts';
import { DASH } from '../../i18n/format.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import { termOf } from './event-sentence.ts';
import { StatusTag } from './status-tag.tsx';

/** Fields of the canonical model that hold money. */
const MONEY = new Set(['mrr', 'acquisition_cost']);

/** One value as a person reads it: status as a tag, money in the currency, dates and numbers formatted. */
function shown(k: string, v: unknown, i18n: I18n) {
  const { fmt } = i18n;
  if (k === 'status' && typeof v === 'string') return <StatusTag status={v} />;
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'number') return MONEY.has(k) ? fmt.value('money', v) : fmt.number(v, 2);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))
    return fmt.date(v, v.length > 10 && !v.endsWith('00:00:00'));
  if (typeof v === 'boolean') return i18n.t(v ? 'common.yes' : 'common.no');
  return typeof v === 'string' ? termOf(i18n, 'fact', v) : String(v);
}

/**
 * A record's fields under their labels in the page's language; an attribute without one goes by the header it
 * had in the imported file (attr_5 → 合同), else is made readable.
 */
const describe = (record: Record<string, unknown>, i18n: I18n, headers: Record<string, string> = {}) =>
  Object.entries(record).map(([k, v]) => {
    const label = i18n.field(k);
    const own = i18n.freeTerm('field', k) !== k;
    return { key: k, label: own ? label : (headers[k] ?? label), children: shown(k, v, i18n) };
  });

/** Who the customer is: the canonical fields, then the imported attributes. */
export function ProfileCard({ data }: { data: Customer360 }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { customer_id: _id, name: _name, ...rest } = data.customer;
  // Attributes other imports added (empty for this customer) are left out.
  const attributes = Object.fromEntries(Object.entries(data.attributes).filter(([, v]) => v !== null && v !== ''));
  return (
    <Card title={t('customers.profile')} data-testid="customer-profile">
      <Descriptions column={1} size="small" items={describe(rest, i18n)} />
      {Object.keys(attributes).length > 0 && (
        <Descriptions
          title={t('customers.attributes')}
          style={{ marginTop: 16 }}
          column={1}
          size="small"
          items={describe(attributes, i18n, data.attribute_headers)}
        />
      )}
    </Card>
  );
}
