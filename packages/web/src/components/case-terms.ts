/**
 * The case workflow's vocabularies for controls (selects, the stepper), read from core's label tables
 * (`@tenure/core/present`), whose keys are the workflow's own lists in order: the dashboard bundles no workflow
 * code, and a stage or kind added in core shows up here with its labels.
 */
import {
  caseKindLabels,
  caseOutcomeLabels,
  casePriorityLabels,
  caseSeverityLabels,
  caseStageLabels,
  compensationKindLabels,
  type Lang,
  rootCauseLabel,
  type Text,
} from '@tenure/core/present';
import type { CaseRow, CaseStage, Settings } from '../api/types.ts';

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

export const CASE_STAGES = keysOf(caseStageLabels) satisfies CaseStage[];
/** The five steps a case is worked in, then closed: what the stepper draws. */
export const STEPS: CaseStage[] = CASE_STAGES.filter((s) => s !== 'cancelled');
export const CASE_KINDS = keysOf(caseKindLabels) satisfies CaseRow['kind'][];
export const CASE_PRIORITIES = keysOf(casePriorityLabels) satisfies CaseRow['priority'][];
export const CASE_SEVERITIES = keysOf(caseSeverityLabels);
export const COMPENSATION_KINDS = keysOf(compensationKindLabels);
export const CASE_OUTCOMES = keysOf(caseOutcomeLabels);

export const isOpen = (stage: CaseStage) => stage !== 'closed' && stage !== 'cancelled';

/** The stage a case moves to next, or null once it is closed or cancelled (the workflow takes no skips). */
export const nextStage = (stage: CaseStage): CaseStage | null =>
  isOpen(stage) ? (STEPS[STEPS.indexOf(stage) + 1] ?? null) : null;

type CasesConfig = Settings['cases'];

/**
 * The configured root causes with their labels in `lang`: the workspace's own labels first, then the default
 * taxonomy's (core's `rootCauseLabel`, as the CLI and the report word them).
 */
export const rootCauseOptions = (lang: Lang, config: CasesConfig | undefined) =>
  (config?.root_causes ?? []).map((value) => ({
    value,
    label: rootCauseLabel(lang, value, config?.root_cause_labels as Record<string, Text> | undefined),
  }));
