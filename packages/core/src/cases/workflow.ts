/**
 * The case workflow as data: the handbook's five steps (接收投诉 receive → 问题诊断 diagnose → 制定方案 plan →
 * 实施处理 implement → 反馈跟踪 follow up) as stages, which moves are allowed, and which fields each stage
 * records. No zod and no database here, so a shell's help can list the names (`@tenure/core/shell`) and the
 * dashboard's stepper can draw the stages from the same lists. The checks that read this are in `rules.ts`.
 */

/** The stages in order; `closed` ends the work, `cancelled` abandons it. */
export const CASE_STAGES = [
  'received',
  'diagnosed',
  'planned',
  'implementing',
  'following_up',
  'closed',
  'cancelled',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** The stages a case is worked in: the five steps. */
export const OPEN_STAGES = ['received', 'diagnosed', 'planned', 'implementing', 'following_up'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
export const isOpenStage = (s: CaseStage): s is OpenStage => (OPEN_STAGES as readonly string[]).includes(s);

export const CASE_KINDS = ['complaint', 'service_request', 'retention', 'follow_up'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** What caused a case; `source_ref` names its row (a ticket id, an alert id, a score run, a survey response). */
export const CASE_SOURCES = ['manual', 'ticket', 'alert', 'score', 'survey', 'import'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const COMPENSATION_KINDS = ['refund', 'credit', 'discount', 'gift', 'free_service', 'other'] as const;
/** How a retention case ended: `not_worth_retaining` is the handbook's malicious churner or credit risk. */
export const CASE_OUTCOMES = ['saved', 'lost', 'no_contact', 'not_worth_retaining'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The root-cause taxonomy a workspace starts with (`cases.root_causes` in the config may change it). */
export const DEFAULT_ROOT_CAUSES = [
  'product',
  'price',
  'service',
  'network_quality',
  'billing',
  'competitor',
  'other',
] as const;

/** What a case event records. */
export const CASE_ACTIONS = ['created', 'moved', 'assigned', 'edited', 'commented', 'reopened', 'cancelled'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Where a reopened case starts again: at the start, or with its diagnosis kept. */
export const REOPEN_STAGES = ['received', 'diagnosed'] as const satisfies readonly OpenStage[];
export type ReopenStage = (typeof REOPEN_STAGES)[number];

/** A stage a move may go to: the next step (there is no skipping). */
export type StepStage = Exclude<CaseStage, 'received' | 'cancelled'>;

/** The one stage a move may go to from `from`: the next in order, none from closed or cancelled. */
export function nextStage(from: CaseStage): StepStage | null {
  if (!isOpenStage(from)) return null;
  return CASE_STAGES[CASE_STAGES.indexOf(from) + 1] as StepStage;
}

/**
 * The fields each stage records: entering the stage requires `required` (the conditional ones are rules in
 * `rules.ts`: compensation granted once one was proposed, satisfaction once the customer was contacted, the
 * outcome of a retention case) and accepts `optional`. A field belongs to one stage, so a later stage's form
 * never rewrites an earlier one's finding (corrections are edits, logged as such).
 */
export const STAGE_FIELDS = {
  diagnosed: { required: ['root_cause', 'severity', 'company_at_fault'], optional: [] },
  planned: { required: ['action_plan'], optional: ['compensation_kind', 'compensation_amount', 'approved_by'] },
  implementing: { required: [], optional: [] },
  following_up: { required: ['actions_done'], optional: ['compensation_granted'] },
  closed: { required: ['contacted'], optional: ['satisfied', 'csat', 'outcome'] },
} as const satisfies Record<StepStage, { required: readonly string[]; optional: readonly string[] }>;

export type StageField = (typeof STAGE_FIELDS)[StepStage][keyof (typeof STAGE_FIELDS)[StepStage]][number];

/** The stage whose step records a field. */
export const stageOfField = (field: string): StepStage | null =>
  (Object.keys(STAGE_FIELDS) as StepStage[]).find((s) =>
    [...STAGE_FIELDS[s].required, ...STAGE_FIELDS[s].optional].includes(field as never),
  ) ?? null;

/**
 * The steps whose fields a case holds in `stage`: every step up to it (all five for a closed case). A cancelled
 * case keeps what it had but takes no more stage fields.
 */
export function reachedSteps(stage: CaseStage): StepStage[] {
  if (stage === 'cancelled') return [];
  return CASE_STAGES.slice(1, CASE_STAGES.indexOf(stage) + 1) as StepStage[];
}

/**
 * Every stage a case in `from` may go to: the next step and cancelled while it is worked, back to received or
 * diagnosed once closed (a reopening, counted), nowhere once cancelled.
 * @example allowedMoves('planned') // ['implementing', 'cancelled']
 */
export function allowedMoves(from: CaseStage): CaseStage[] {
  if (from === 'closed') return [...REOPEN_STAGES];
  const next = nextStage(from);
  return next ? [next, 'cancelled'] : [];
}

/** What a move from `from` to `to` is, or null when the workflow does not allow it. */
export function moveKind(from: CaseStage, to: CaseStage): 'moved' | 'cancelled' | 'reopened' | null {
  if (!allowedMoves(from).includes(to)) return null;
  return to === 'cancelled' ? 'cancelled' : from === 'closed' ? 'reopened' : 'moved';
}
