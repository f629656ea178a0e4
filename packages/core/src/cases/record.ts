/**
 * A case as stored: the row of `cases`, its columns, and how a row and an event are read. Times are ISO text
 * (UTC, milliseconds), the form events keep in their `fields`, so a row read here and a row folded from the
 * events (`replay.ts`) compare equal value for value.
 */
import { type Sql, sql } from '../sql/sql.ts';
import type { SlaState } from './sla/state.ts';
import type { CaseAction, CaseKind, CaseOutcome, CasePriority, CaseSource, CaseStage } from './workflow.ts';

export interface CaseRow {
  case_id: string;
  customer_id: string;
  kind: CaseKind;
  source: CaseSource;
  source_ref: string | null;
  stage: CaseStage;
  priority: CasePriority;
  owner: string | null;
  team: string | null;
  subject: string;
  description: string | null;
  root_cause: string | null;
  severity: string | null;
  company_at_fault: boolean | null;
  action_plan: string | null;
  compensation_kind: string | null;
  compensation_amount: number | null;
  approved_by: string | null;
  actions_done: string | null;
  compensation_granted: number | null;
  contacted: boolean | null;
  satisfied: boolean | null;
  csat: number | null;
  outcome: CaseOutcome | null;
  opened_at: string;
  /** When the case entered its stage: time in stage, and the SLA clocks that later work adds, start here. */
  stage_at: string;
  closed_at: string | null;
  reopen_count: number;
  /** The SLA policy that set the due times (sla/policy.ts), null when none applied. */
  sla_policy: string | null;
  first_response_due: string | null;
  /** Set by the SLA policy, or by a playbook's template (its due in N days). */
  resolution_due: string | null;
  /** When the case was first worked after opening: a note or a step (sla/policy.ts `firstResponse`). */
  first_response_at: string | null;
  /** The playbook that opened the case (playbooks/), null for every other. */
  playbook_id: string | null;
  version: number;
  updated_at: string;
}

/** A case as lists and the case page show it: the row and its SLA state at the time it was read. */
export type CaseListRow = CaseRow & SlaState;

/** A column of `cases` an event may set (all but the key, which the event carries itself). */
export type CaseColumn = Exclude<keyof CaseRow, 'case_id'>;

/** The columns in table order: every read, write and replay goes through this list. */
export const CASE_COLUMNS = [
  'customer_id',
  'kind',
  'source',
  'source_ref',
  'stage',
  'priority',
  'owner',
  'team',
  'subject',
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
  'opened_at',
  'stage_at',
  'closed_at',
  'reopen_count',
  'sla_policy',
  'first_response_due',
  'resolution_due',
  'first_response_at',
  'playbook_id',
  'version',
  'updated_at',
] as const satisfies readonly CaseColumn[];

const TIMES = new Set<string>([
  'opened_at',
  'stage_at',
  'closed_at',
  'first_response_due',
  'resolution_due',
  'first_response_at',
  'updated_at',
]);

/** A time column as ISO text with milliseconds, as JavaScript writes it. */
export const isoOf = (column: Sql) => sql`strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

/** The select list of a case row, qualified by `alias`. */
export const caseSelect = (alias = 'c'): Sql =>
  sql.join([
    sql`${sql.id(alias, 'case_id')} AS case_id`,
    ...CASE_COLUMNS.map((c) =>
      TIMES.has(c) ? sql`${isoOf(sql`${sql.id(alias, c)}`)} AS ${sql.id(c)}` : sql`${sql.id(alias, c)} AS ${sql.id(c)}`,
    ),
  ]);

/** One change as `case_events` keeps it. */
export interface CaseEvent {
  case_id: string;
  version: number;
  at: string;
  actor: string;
  action: CaseAction;
  from_stage: CaseStage | null;
  to_stage: CaseStage | null;
  /** The columns of `cases` this event set, with their new values. */
  fields: Partial<Record<CaseColumn, unknown>>;
  note: string | null;
}

type StoredEvent = Omit<CaseEvent, 'fields'> & { fields: string };

export const eventSelect = sql`case_id, version, ${isoOf(sql`"at"`)} AS "at", actor, action, from_stage, to_stage, fields, note`;

export const eventOf = (r: StoredEvent): CaseEvent => ({ ...r, fields: JSON.parse(r.fields) });

export type { StoredEvent };
