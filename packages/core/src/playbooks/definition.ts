/**
 * What a playbook is, as zod schemas shared by every surface (the API validates its bodies with them, the CLI
 * a saved file, the dashboard's form is typed from them): a trigger, a case template and an owner rule. Names
 * the workspace must know (a tier, an alert rule, a customer field, a team) are strings here and checked
 * against the workspace in `check.ts`, each with its own code; the shape is checked here, every problem at once.
 */
import { z } from 'zod';
import { CASE_KINDS, CASE_PRIORITIES } from '../cases/workflow.ts';
import { filterList } from '../metrics/filter-list.ts';
import { LANGS } from '../present/lang.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A text in both languages: a playbook is read by a team in either. */
const bilingual = (max: number) => z.object({ en: text(max), 'zh-CN': text(max) }).strict();
const days = z.number().int().min(1).max(3650);

/** The kinds of trigger, in the order the editor lists them. */
export const TRIGGER_KINDS = [
  'risk_tier',
  'alert_rule',
  'nps_detractor',
  'failed_payment',
  'complaint_past_sla',
  'filter',
  'survey_answer',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** The highest NPS answer that makes a detractor (0–6, the NPS definition). */
export const NPS_DETRACTOR_MAX = 6;
/** The highest CSAT answer (1–5) of an unhappy customer: dissatisfied or very dissatisfied. */
export const CSAT_UNHAPPY_MAX = 2;

export const triggerSchema = z.discriminatedUnion('kind', [
  /** A customer's tier at the latest scoring is `tier` or above, and was below it at the one before. */
  z.object({ kind: z.literal('risk_tier'), tier: z.string() }).strict(),
  /** An unacknowledged alert of the rule (an early-warning rule of prediction/alerts). */
  z.object({ kind: z.literal('alert_rule'), rule: z.string() }).strict(),
  /** An NPS answer 0–6 within `within_days` of the latest answer. */
  z.object({ kind: z.literal('nps_detractor'), within_days: days.default(30) }).strict(),
  /** A payment failure (activity of a payment-failure kind) within `within_days` of the latest activity. */
  z.object({ kind: z.literal('failed_payment'), within_days: days.default(30) }).strict(),
  /** An open complaint case whose resolution was due before now. */
  z.object({ kind: z.literal('complaint_past_sla') }).strict(),
  /** Customers matching `name=value` filters, the grammar of every `--filter` (values of one name are or-ed). */
  z
    .object({
      kind: z.literal('filter'),
      filter: filterList,
    })
    .strict(),
  /**
   * An answer to a survey sent by Tenure (of `survey` when named): NPS at most `nps_max` (a detractor) or CSAT
   * at most `csat_max` (an unhappy answer after a case), as it is answered; run by hand, the answers of the
   * last `within_days`.
   */
  z
    .object({
      kind: z.literal('survey_answer'),
      survey: z.string().optional(),
      nps_max: z.number().int().min(0).max(10).default(NPS_DETRACTOR_MAX),
      csat_max: z.number().int().min(1).max(5).default(CSAT_UNHAPPY_MAX),
      within_days: days.default(30),
    })
    .strict(),
]);
export type Trigger = z.output<typeof triggerSchema>;

export const caseTemplateSchema = z
  .object({
    kind: z.enum(CASE_KINDS).default('retention'),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    subject: bilingual(200),
    description: bilingual(10_000).optional(),
    /** The steps of the work, written into the case's description in the playbook's language. */
    checklist: z.array(bilingual(500)).max(50).default([]),
    /** The case's resolution is due this many days after it is opened. */
    due_in_days: days.optional(),
  })
  .strict();
export type CaseTemplate = z.output<typeof caseTemplateSchema>;

/** Who gets the cases: an owner (a user), a team, both or neither (the team's assignment rules decide then). */
export const ownerRuleSchema = z
  .object({
    owner: z
      .string()
      .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a username')
      .optional(),
    team: text(64).optional(),
  })
  .strict();
export type OwnerRule = z.output<typeof ownerRuleSchema>;

export const PLAYBOOK_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const playbookInput = z
  .object({
    id: z.string().regex(PLAYBOOK_ID, 'small letters, digits, _ and -'),
    name: bilingual(120),
    enabled: z.boolean().default(true),
    /** The language the cases' subject, description and checklist are written in. */
    language: z.enum(LANGS).default('en'),
    trigger: triggerSchema,
    template: caseTemplateSchema,
    owner_rule: ownerRuleSchema.default({}),
    /** The version read, when changing a stored playbook (a stale one is refused). */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type PlaybookInput = z.input<typeof playbookInput>;
/** A playbook's definition as checked and stored (no version: that is the row's). */
export type PlaybookDefinition = Omit<z.output<typeof playbookInput>, 'version'>;

/** A stored playbook: its definition, version and who changed it last. */
export interface Playbook extends PlaybookDefinition {
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  last_run_at: string | null;
}

const bilingualOut = z.object({ en: z.string(), 'zh-CN': z.string() });
/** A stored playbook as every surface returns it. */
export const playbookSchema = z.object({
  id: z.string(),
  name: bilingualOut,
  enabled: z.boolean(),
  language: z.enum(LANGS),
  trigger: triggerSchema,
  template: z.object({
    kind: z.enum(CASE_KINDS),
    priority: z.enum(CASE_PRIORITIES),
    subject: bilingualOut,
    description: bilingualOut.optional(),
    checklist: z.array(bilingualOut),
    due_in_days: z.number().int().optional(),
  }),
  owner_rule: z.object({ owner: z.string().optional(), team: z.string().optional() }),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
  updated_by: z.string(),
  last_run_at: z.string().nullable(),
}) satisfies z.ZodType<Playbook>;

/** What a run did: how many customers the trigger matched, how many cases it opened, and every skip by why. */
export interface PlaybookRunResult {
  run_id: number;
  playbook_id: string;
  cause: 'score' | 'import' | 'manual' | 'survey';
  at_risk: boolean;
  dry_run: boolean;
  matched: number;
  created: number;
  skipped: { open_case: number; malicious: number; credit_risk: number };
  /** The ids of the cases opened (the first 100; `created` counts them all). */
  case_ids: string[];
  ms: number;
}

export const playbookRunSchema = z.object({
  run_id: z.number().int(),
  playbook_id: z.string(),
  cause: z.enum(['score', 'import', 'manual', 'survey']),
  at_risk: z.boolean(),
  dry_run: z.boolean(),
  matched: z.number().int(),
  created: z.number().int(),
  skipped: z.object({ open_case: z.number().int(), malicious: z.number().int(), credit_risk: z.number().int() }),
  case_ids: z.array(z.string()),
  ms: z.number(),
}) satisfies z.ZodType<PlaybookRunResult>;

export const runPlaybookInput = z
  .object({ at_risk: z.boolean().default(false), dry_run: z.boolean().default(false) })
  .strict();
export type RunPlaybookInput = z.input<typeof runPlaybookInput>;
