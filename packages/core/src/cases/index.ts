/**
 * Cases: work on one customer (a complaint, a service request, a save attempt, a follow-up) through the
 * handbook's five steps. The workflow is data (`workflow.ts`), its checks rules (`rules.ts`), and every change
 * one event appended with the row's update in one transaction (`write.ts`).
 */
export { assignCase } from './assign.ts';
export { cancelCase } from './cancel.ts';
export { commentCase } from './comment.ts';
export { type CasesConfig, casesConfigSchema, defaultCasesConfig } from './config.ts';
export { createCase } from './create.ts';
export { editCase } from './edit.ts';
export { type Escalation, escalateTicket } from './escalate.ts';
export { type EscalateTicketInput, escalateTicketInput } from './escalate-input.ts';
export { type CaseDetail, getCase } from './get.ts';
export type { CaseActor } from './input.ts';
export { listCases } from './list.ts';
export { moveCase } from './move.ts';
export { CASE_COLUMNS, type CaseColumn, type CaseEvent, type CaseRow } from './record.ts';
export { reopenCase } from './reopen.ts';
export { foldCase, replayCases } from './replay.ts';
export * from './schemas.ts';
export * from './workflow.ts';
