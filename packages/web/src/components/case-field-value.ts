import { rootCauseLabel, type Text } from '@tenure/core/present';
import type { Settings } from '../api/types.ts';
import { DASH } from '../i18n/format.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** The vocabulary each coded field of a case is worded from (i18n prefixes); other fields are shown as given. */
const TERMS: Record<string, string> = {
  stage: 'caseStage',
  kind: 'caseKind',
  priority: 'casePriority',
  severity: 'caseSeverity',
  source: 'caseSource',
  compensation_kind: 'compensation',
  outcome: 'caseOutcome',
};
const MONEY = new Set(['compensation_amount', 'compensation_granted']);
/** Times a case records (SLA targets, the first response), shown as dates with the time, not ISO text. */
const TIMES = new Set(['first_response_due', 'resolution_due', 'first_response_at', 'opened_at', 'closed_at']);

/**
 * A case field's value as a person reads it: coded values in words, the root cause by the configured labels,
 * money in the workspace currency, times as dates, yes/no. Text (a subject, a plan) is returned as the string it is, for React
 * to render as text: case text is never markup.
 * @example caseFieldValue(i18n, 'root_cause', 'billing', config) // 'Billing' / '计费'
 */
export function caseFieldValue(i18n: I18n, field: string, value: unknown, config?: Settings['cases']): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return MONEY.has(field) ? i18n.fmt.value('money', value) : i18n.fmt.number(value, 0);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (TIMES.has(field)) return i18n.fmt.date(value, true);
  if (field === 'root_cause')
    return rootCauseLabel(i18n.lang, value, config?.root_cause_labels as Record<string, Text> | undefined);
  const prefix = TERMS[field];
  return prefix ? i18n.freeTerm(prefix, value) : value;
}

/** A case field's label (`caseField.<name>`), else the name made readable. */
export const caseFieldLabel = (i18n: I18n, field: string) => {
  const label = i18n.freeTerm('caseField', field);
  return label === field ? i18n.field(field) : label;
};
