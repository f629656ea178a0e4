import { Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseRow, Settings } from '../../api/types.ts';
import { caseFieldLabel, caseFieldValue } from '../../components/case-field-value.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** What a case always has, then the fields its steps recorded (empty ones left out). */
const ALWAYS = ['kind', 'priority', 'source', 'source_ref', 'owner', 'team', 'opened_at'] as const;
const RECORDED = [
  'description',
  'root_cause',
  'severity',
  'company_at_fault',
  'action_plan',
  'compensation_kind',
  'compensation_amount',
  'approved_by',
  'actions_done',
  'compensation_granted',
  'contacted',
  'satisfied',
  'csat',
  'outcome',
] as const satisfies (keyof CaseRow)[];

/** The case as it is now: the customer, its kind and owner, and what each step has recorded. */
export function CaseFacts({ row, config }: { row: CaseRow; config: Settings['cases'] | undefined }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const value = (k: (typeof ALWAYS)[number] | (typeof RECORDED)[number]) =>
    k === 'opened_at' ? fmt.date(row.opened_at, true) : caseFieldValue(i18n, k, row[k], config);
  return (
    <Card title={t('case.recorded')} data-testid="case-facts">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'customer_id',
            label: caseFieldLabel(i18n, 'customer_id'),
            children: <Link to={`/customers/${encodeURIComponent(row.customer_id)}`}>{row.customer_id}</Link>,
          },
          ...ALWAYS.map((k) => ({ key: k, label: caseFieldLabel(i18n, k), children: value(k) })),
          ...RECORDED.filter((k) => row[k] !== null).map((k) => ({
            key: k,
            label: caseFieldLabel(i18n, k),
            children: (
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid={`fact-${k}`}>
                {value(k)}
              </span>
            ),
          })),
        ]}
      />
    </Card>
  );
}
