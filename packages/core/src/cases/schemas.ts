/**
 * The zod schemas of case input, shared by every surface (the API validates its bodies with them, the CLI its
 * flags). A field's schema is the same whether it comes with a move or an edit; a bad value becomes
 * TEN_CASE_FIELD naming the field (`rules.ts`), never a generic refusal.
 */
import { z } from 'zod';
import { pageQuery } from '../api/common.ts';
import type { CaseEvent, CaseListRow, CaseRow } from './record.ts';
import {
  CASE_ACTIONS,
  CASE_KINDS,
  CASE_OUTCOMES,
  CASE_PRIORITIES,
  CASE_SEVERITIES,
  CASE_SOURCES,
  CASE_STAGES,
  COMPENSATION_KINDS,
  REOPEN_STAGES,
} from './workflow.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const money = z.number().finite().min(0).max(1e12);
const name = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a username');
const team = text(64);
/**
 * An ISO time with its offset (`Z`, `+08:00`): a write may carry its own (an import, the demo), else it happens
 * now. A time without an offset would mean the clock of whichever machine ran the write.
 */
const isoTime = z.iso.datetime({ offset: true });

/** Every field a case's steps record, by name. `root_cause` is checked against the configured taxonomy too. */
export const stageFieldSchemas = {
  root_cause: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  severity: z.enum(CASE_SEVERITIES),
  company_at_fault: z.boolean(),
  action_plan: text(4000),
  compensation_kind: z.enum(COMPENSATION_KINDS),
  compensation_amount: money,
  approved_by: name,
  actions_done: text(4000),
  compensation_granted: money,
  contacted: z.boolean(),
  satisfied: z.boolean(),
  csat: z.number().int().min(1).max(5),
  outcome: z.enum(CASE_OUTCOMES),
} as const;

/** Fields that any open case may change by an edit, beside the fields of the steps it has reached. */
export const generalFieldSchemas = {
  subject: text(200),
  description: text(10_000),
  priority: z.enum(CASE_PRIORITIES),
  source_ref: text(200),
} as const;

export type StageFields = { [K in keyof typeof stageFieldSchemas]?: z.infer<(typeof stageFieldSchemas)[K]> };
export type GeneralFields = { [K in keyof typeof generalFieldSchemas]?: z.infer<(typeof generalFieldSchemas)[K]> };

/** What every write carries: the version it was based on (omitted: the case as it is), a note and a time. */
const write = {
  version: z.number().int().min(1).optional(),
  note: text(10_000).optional(),
  at: isoTime.optional(),
};

export const createCaseInput = z
  .object({
    case_id: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : -')
      .optional(),
    customer_id: text(200),
    kind: z.enum(CASE_KINDS),
    source: z.enum(CASE_SOURCES).default('manual'),
    source_ref: text(200).optional(),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    owner: name.optional(),
    team: team.optional(),
    subject: text(200),
    description: text(10_000).optional(),
    note: write.note,
    at: write.at,
  })
  .strict();
export type CreateCaseInput = z.input<typeof createCaseInput>;

/** A move takes the fields of the stage it enters as they come: `rules.ts` checks them, each by name. */
export const moveCaseInput = z
  .object({ to: z.enum(CASE_STAGES), fields: z.record(z.string(), z.unknown()).default({}), ...write })
  .strict();
export type MoveCaseInput = z.input<typeof moveCaseInput>;

export const assignCaseInput = z
  .object({ owner: name.nullable().optional(), team: team.nullable().optional(), ...write })
  .strict();
export type AssignCaseInput = z.input<typeof assignCaseInput>;

export const editCaseInput = z.object({ fields: z.record(z.string(), z.unknown()), ...write }).strict();
export type EditCaseInput = z.input<typeof editCaseInput>;

export const commentCaseInput = z.object({ note: text(10_000), version: write.version, at: write.at }).strict();
export type CommentCaseInput = z.input<typeof commentCaseInput>;

export const reopenCaseInput = z.object({ to: z.enum(REOPEN_STAGES).default('received'), ...write }).strict();
export type ReopenCaseInput = z.input<typeof reopenCaseInput>;

export const cancelCaseInput = z.object({ ...write }).strict();
export type CancelCaseInput = z.input<typeof cancelCaseInput>;

/** One value or a list (a query string repeats a key), as a list: a bad item is named by itself. */
const oneOrMany = <T extends z.ZodType>(t: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(t));

/** The sort keys of a case list; each a column, so the list sorts in SQL. */
export const CASE_SORTS = ['opened_at', 'updated_at', 'priority', 'stage', 'customer_id', 'case_id', 'due'] as const;

/** A yes/no filter: a boolean from a library caller, `true`/`false` from a query string. */
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const listCasesQuery = z
  .object({
    stage: oneOrMany(z.enum(CASE_STAGES)).optional(),
    kind: oneOrMany(z.enum(CASE_KINDS)).optional(),
    priority: oneOrMany(z.enum(CASE_PRIORITIES)).optional(),
    owner: name.optional(),
    team: team.optional(),
    customer_id: text(200).optional(),
    /** Open: in one of the five steps; closed: closed or cancelled. */
    status: z.enum(['open', 'closed']).optional(),
    /** Words of the subject, case-insensitive, taken literally. */
    q: text(200).optional(),
    /** Open cases with an SLA target past due (docs/cases.md, breaches). */
    overdue: flag.optional(),
    /** Cases the acting user owns. */
    mine: flag.optional(),
    /** Cases of the teams the acting user belongs to. */
    my_team: flag.optional(),
    sort: z.enum(CASE_SORTS).default('updated_at'),
    order: z.enum(['asc', 'desc']).default('desc'),
    ...pageQuery.shape,
  })
  .strict();
type OneOrMany<T> = T | T[];
export type ListCasesQuery = Omit<z.input<typeof listCasesQuery>, 'stage' | 'kind' | 'priority'> & {
  stage?: OneOrMany<(typeof CASE_STAGES)[number]>;
  kind?: OneOrMany<(typeof CASE_KINDS)[number]>;
  priority?: OneOrMany<(typeof CASE_PRIORITIES)[number]>;
};

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

/**
 * A field's value from text (a shell's `field=value`, later a CSV cell), typed by the field's schema: yes/no
 * and true/false for flags, numbers for amounts and scores, the text itself otherwise. Text that is not of
 * the type is passed on as it is, for the field's check to refuse by name.
 * @example caseFieldFromText('csat', '4') // 4; caseFieldFromText('contacted', 'yes') // true
 */
export function caseFieldFromText(field: string, text: string): unknown {
  const schema = (stageFieldSchemas as Record<string, z.ZodType>)[field];
  const t = text.trim();
  if (schema instanceof z.ZodBoolean) return BOOLEAN_TEXT[t.toLowerCase()] ?? text;
  if (schema instanceof z.ZodNumber) return t !== '' && Number.isFinite(Number(t)) ? Number(t) : text;
  return text;
}

const nullable = <T extends z.ZodType>(t: T) => t.nullable();
const time = z.string();

/** A case as every surface returns it (`CaseRow`): the API's response schema and the dashboard's type. */
export const caseRowSchema = z.object({
  case_id: z.string(),
  customer_id: z.string(),
  kind: z.enum(CASE_KINDS),
  source: z.enum(CASE_SOURCES),
  source_ref: nullable(z.string()),
  stage: z.enum(CASE_STAGES),
  priority: z.enum(CASE_PRIORITIES),
  owner: nullable(z.string()),
  team: nullable(z.string()),
  subject: z.string(),
  description: nullable(z.string()),
  root_cause: nullable(z.string()),
  severity: nullable(z.string()),
  company_at_fault: nullable(z.boolean()),
  action_plan: nullable(z.string()),
  compensation_kind: nullable(z.string()),
  compensation_amount: nullable(z.number()),
  approved_by: nullable(z.string()),
  actions_done: nullable(z.string()),
  compensation_granted: nullable(z.number()),
  contacted: nullable(z.boolean()),
  satisfied: nullable(z.boolean()),
  csat: nullable(z.number().int()),
  outcome: nullable(z.enum(CASE_OUTCOMES)),
  opened_at: time,
  stage_at: time,
  closed_at: nullable(time),
  reopen_count: z.number().int(),
  sla_policy: nullable(z.string()),
  first_response_due: nullable(time),
  resolution_due: nullable(time),
  first_response_at: nullable(time),
  playbook_id: nullable(z.string()),
  version: z.number().int(),
  updated_at: time,
}) satisfies z.ZodType<CaseRow>;

/** A case as lists and the case page show it: the row and its SLA state when read (`CaseListRow`). */
export const caseListRowSchema = caseRowSchema.extend({
  first_response_breached: z.boolean(),
  resolution_breached: z.boolean(),
  overdue: z.boolean(),
  next_due: nullable(time),
}) satisfies z.ZodType<CaseListRow>;

/** One event of a case's history (`CaseEvent`). */
export const caseEventSchema = z.object({
  case_id: z.string(),
  version: z.number().int(),
  at: time,
  actor: z.string(),
  action: z.enum(CASE_ACTIONS),
  from_stage: nullable(z.enum(CASE_STAGES)),
  to_stage: nullable(z.enum(CASE_STAGES)),
  fields: z.record(z.string(), z.unknown()),
  note: nullable(z.string()),
}) satisfies z.ZodType<CaseEvent>;
