/**
 * A case's SLA: the policy that applies to its kind and priority and the due times it sets from the opening,
 * and when the case was first responded to.
 */
import type { CaseColumn, CaseRow } from '../record.ts';
import type { CaseKind, CasePriority } from '../workflow.ts';
import { dueAfter } from './calendar.ts';
import type { SlaConfig, SlaPolicy } from './config.ts';

/** The SLA columns a case's creation (or a change of its priority) sets. */
export interface SlaFields {
  sla_policy: string | null;
  first_response_due: string | null;
  resolution_due: string | null;
}

/** The first policy whose kind and priority lists hold the case's (an empty list holds any), or null. */
export const policyFor = (sla: SlaConfig, kind: CaseKind, priority: CasePriority): SlaPolicy | null =>
  sla.policies.find(
    (p) => (!p.kind.length || p.kind.includes(kind)) && (!p.priority.length || p.priority.includes(priority)),
  ) ?? null;

/**
 * The SLA of a case opened at `openedAt` (ISO): its policy's name and due times, or nulls when no policy applies.
 * @example slaFields(ws.config.cases.sla, 'complaint', 'urgent', '2026-03-09T01:00:00.000Z')
 * // { sla_policy: 'complaint-urgent', first_response_due: '2026-03-09T02:00:00.000Z', resolution_due: … }
 */
export function slaFields(sla: SlaConfig, kind: CaseKind, priority: CasePriority, openedAt: string): SlaFields {
  const p = policyFor(sla, kind, priority);
  if (!p) return { sla_policy: null, first_response_due: null, resolution_due: null };
  const cal = p.calendar === undefined ? null : (sla.calendars[p.calendar] ?? null);
  const start = new Date(openedAt);
  return {
    sla_policy: p.name,
    first_response_due: dueAfter(start, p.first_response_hours, cal).toISOString(),
    resolution_due: dueAfter(start, p.resolution_hours, cal).toISOString(),
  };
}

/**
 * The first response, set by a change that works the case: a note on its timeline or a step taken (moved,
 * cancelled). Opening it is no answer, nor are routing it (assigned) or correcting it (edited). Whoever acts
 * counts, its creator too: an agent who opens a case from a call and then notes the call has responded.
 */
export const firstResponse = (c: CaseRow, at: string): Partial<Record<CaseColumn, unknown>> =>
  c.first_response_at === null ? { first_response_at: at } : {};
