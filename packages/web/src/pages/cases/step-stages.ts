/**
 * The fields each step's form sends, by the stage the step moves a case to: the workflow's lists as the forms
 * draw them (`test/web-cases.test.ts` checks them against core's `STAGE_FIELDS`, which the dashboard does not
 * bundle). The server checks the values and names each missing one.
 */
export const STEP_FIELDS = {
  diagnosed: ['root_cause', 'severity', 'company_at_fault'],
  planned: ['action_plan', 'compensation_kind', 'compensation_amount', 'approved_by'],
  implementing: [],
  following_up: ['actions_done', 'compensation_granted'],
  closed: ['contacted', 'satisfied', 'csat', 'outcome'],
} as const;

export type StepStage = keyof typeof STEP_FIELDS;
