import { caseKindLabels, casePriorityLabels, caseStageLabels, rootCauseLabels, type Text } from '@tenure/core/present';
import type { MessageKey } from '../../i18n/en.ts';

/** The figures of the page's cards, in order: the case metrics of the catalogue, and retaliatory churn. */
export const CARD_METRICS = [
  'cases_opened',
  'cases_closed',
  'case_resolution_rate',
  'case_reopen_rate',
  'complaint_cases_per_1000',
  'compensation_paid',
  'retention_save_rate',
  'mrr_saved',
  'retaliatory_churn',
] as const;

/** What the chart may show: the case metrics with one value per period (retaliatory churn has no case breakdown). */
export const CHART_METRICS = CARD_METRICS.filter((m) => m !== 'retaliatory_churn');

/** The breakdowns of the selector: the case's columns, and the customer's acquisition channel. */
export const BREAKDOWNS = ['owner', 'team', 'root_cause', 'channel', 'kind', 'priority'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const breakdownKey = (b: Breakdown): MessageKey => `operations.by.${b}`;

/** Labels of the values a breakdown or the stage key takes where the workflow has them; others shown as stored. */
const valueLabels: Partial<Record<string, Record<string, Text>>> = {
  stage: caseStageLabels,
  kind: caseKindLabels,
  priority: casePriorityLabels,
  root_cause: rootCauseLabels,
};

/** A segment ({ stage: 'planned', owner: 'li.wei' }) as words in the page's language. */
export function segmentText(segment: Record<string, string>, lang: keyof Text): string {
  return Object.entries(segment)
    .map(([k, v]) => {
      const labels = valueLabels[k];
      return labels && Object.hasOwn(labels, v) ? (labels[v] as Text)[lang] : v;
    })
    .join(' · ');
}
