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
export { type ListContext, listCases } from './list.ts';
export { moveCase } from './move.ts';
export { CASE_COLUMNS, type CaseColumn, type CaseEvent, type CaseListRow, type CaseRow } from './record.ts';
export { reopenCase } from './reopen.ts';
export { foldCase, replayCases } from './replay.ts';
export { type Assignee, type AssigneeQuery, nextMember, pickAssignee } from './routing.ts';
export * from './schemas.ts';
export { checkSlaBreaches, SLA_ALERT_RULES, type SlaBreach, type SlaCheck } from './sla/alerts.ts';
export { addBusinessHours, type BusinessCalendar, dueAfter } from './sla/calendar.ts';
export type { AssignmentRule, SlaConfig, SlaPolicy } from './sla/config.ts';
export { policyFor, type SlaFields, slaFields } from './sla/policy.ts';
export type { SlaState } from './sla/state.ts';
export * from './team-schemas.ts';
export {
  addTeamMember,
  createTeam,
  deleteTeam,
  getTeam,
  listTeams,
  relabelTeam,
  removeTeamMember,
} from './teams.ts';
export * from './workflow.ts';
