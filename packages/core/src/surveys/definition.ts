/**
 * What a survey is, as zod schemas shared by every surface (the API validates bodies with them, the CLI a saved
 * file, the dashboard's builder is typed from them): a kind, questions with their texts in every language, and
 * the triggers that invite respondents on their own. Every edit is stored as a new version (store.ts); answers
 * keep the version they answered, so an edited question never changes what an old answer meant.
 */
import { z } from 'zod';
import { CASE_KINDS } from '../cases/workflow.ts';
import { filterList } from '../metrics/filter-list.ts';
import { LANGS } from '../present/lang.ts';

/** The kinds of survey; every kind but custom names the metric its main question feeds. */
export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'exit', 'employee', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const QUESTION_TYPES = ['scale_0_10', 'scale_1_5', 'single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The scales a question of each scale type takes (inclusive, whole numbers). */
export const SCALES = { scale_0_10: [0, 10], scale_1_5: [1, 5] } as const satisfies Partial<
  Record<QuestionType, readonly [number, number]>
>;
export const isScale = (t: QuestionType): t is keyof typeof SCALES => t in SCALES;

/** The scale the main question of a kind must have (exit and custom take either, or none). */
export const MAIN_SCALE: Partial<Record<SurveyKind, keyof typeof SCALES>> = {
  nps: 'scale_0_10',
  employee: 'scale_0_10',
  csat: 'scale_1_5',
  ces: 'scale_1_5',
};

/** Employee survey dimensions the handbook names; a question may also name a dimension of its own. */
export const EMPLOYEE_DIMENSIONS = ['environment', 'work_content', 'pay', 'training'] as const;

/** The longest free-text answer kept, in characters (a longer one is refused, naming the question). */
export const MAX_TEXT_ANSWER = 5000;

export const SURVEY_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const QUESTION_ID = /^[a-z0-9][a-z0-9_]{0,39}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A text in both languages: a respondent reads the survey in theirs. */
const bilingual = (max: number) => z.object({ en: text(max), 'zh-CN': text(max) }).strict();
const days = z.number().int().min(1).max(3650);

export const optionSchema = z
  .object({ id: z.string().regex(QUESTION_ID, 'small letters, digits and _'), text: bilingual(200) })
  .strict();

export const questionInput = z
  .object({
    id: z.string().regex(QUESTION_ID, 'small letters, digits and _'),
    type: z.enum(QUESTION_TYPES),
    text: bilingual(500),
    options: z.array(optionSchema).min(2).max(30).optional(),
    /** What the question measures (employee surveys: environment, work_content, pay, training or a name of yours). */
    dimension: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/, 'small letters, digits and _')
      .optional(),
    required: z.boolean().default(false),
    /** The question whose answer is the response's score (the metric of the survey's kind reads it). */
    main: z.boolean().optional(),
  })
  .strict();
export type Question = z.output<typeof questionInput>;

/** A receiver of links: POSTed to, signed with the secret held in the environment variable named. */
const webhookTarget = z
  .object({
    url: z.url().max(2000),
    secret_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as TENURE_WEBHOOK_SECRET'),
  })
  .strict();

/**
 * How a survey's triggers send by themselves: the server runs them on a clock and posts the new links to the
 * webhook (a link's token is shown once, so a run nobody watches needs a receiver; without one, the triggers
 * invite when someone sends to them and downloads the links).
 */
export const surveyDeliverySchema = z
  .object({
    webhook: webhookTarget,
    /** Where the answer page is served; links are `<base_url>/s/<token>`. */
    base_url: z.url().max(500).optional(),
    /** The language of the links' respondents. */
    lang: z.enum(LANGS).default('en'),
  })
  .strict();

/** What invites respondents without a person sending: each source row invites once (idempotent runs). */
export const surveyTriggerSchema = z.discriminatedUnion('kind', [
  /** A case that reached stage closed within the last `within_days` (of the kinds named, else any). */
  z
    .object({
      kind: z.literal('case_closed'),
      case_kinds: z.array(z.enum(CASE_KINDS)).min(1).optional(),
      within_days: days.default(7),
    })
    .strict(),
  /** A customer who churned `after_days` ago (an exit survey), at most `within_days` late. */
  z
    .object({ kind: z.literal('churned'), after_days: z.number().int().min(0).max(365), within_days: days.default(30) })
    .strict(),
  /** Customers matching `filter` (the `name=value` grammar of every filter), once per period of `every_days`. */
  z.object({ kind: z.literal('schedule'), every_days: days, filter: filterList }).strict(),
]);
export type SurveyTrigger = z.output<typeof surveyTriggerSchema>;
export const SURVEY_TRIGGER_KINDS = ['case_closed', 'churned', 'schedule'] as const;

const surveyShape = z
  .object({
    id: z.string().regex(SURVEY_ID, 'small letters, digits, _ and -'),
    kind: z.enum(SURVEY_KINDS),
    title: bilingual(200),
    intro: bilingual(2000).optional(),
    questions: z.array(questionInput).min(1).max(50),
    triggers: z.array(surveyTriggerSchema).max(10).default([]),
    /** Set: the triggers send by themselves on the server's clock, to this webhook. */
    delivery: surveyDeliverySchema.optional(),
    /** A link expires this many days after it is made. */
    expires_in_days: days.default(14),
    /** The version read, when changing a stored survey (a stale one is refused). */
    version: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * The main question: the one marked `main`, else the first scale question. Custom and exit surveys may have
 * none (their answers are stored unscored).
 */
export function mainQuestion<Q extends { type: QuestionType; main?: boolean | undefined }>(qs: readonly Q[]): Q | null {
  return qs.find((q) => q.main) ?? qs.find((q) => isScale(q.type)) ?? null;
}

/** The rules across questions, every problem at once with its path. */
function checkQuestions(s: z.output<typeof surveyShape>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  s.questions.forEach((q, i) => {
    const at = (...p: (string | number)[]) => ['questions', i, ...p];
    if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `question id ${q.id} is used twice` });
    seen.add(q.id);
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice && !q.options) ctx.addIssue({ code: 'custom', path: at('options'), message: 'a choice needs options' });
    if (!choice && q.options)
      ctx.addIssue({ code: 'custom', path: at('options'), message: `a ${q.type} question takes no options` });
    const ids = new Set(q.options?.map((o) => o.id));
    if (q.options && ids.size < q.options.length)
      ctx.addIssue({ code: 'custom', path: at('options'), message: 'option ids must differ' });
    if (q.main && !isScale(q.type))
      ctx.addIssue({ code: 'custom', path: at('main'), message: 'the main question is a scale question' });
  });
  if (s.questions.filter((q) => q.main).length > 1)
    ctx.addIssue({ code: 'custom', path: ['questions'], message: 'at most one question is main' });
  const need = MAIN_SCALE[s.kind];
  const main = mainQuestion(s.questions);
  if (need && main?.type !== need)
    ctx.addIssue({
      code: 'custom',
      path: ['questions'],
      message: `a ${s.kind} survey needs a main question of type ${need}`,
    });
}

export const surveyInput = surveyShape.superRefine(checkQuestions);
export type SurveyInput = z.input<typeof surveyInput>;
/** A survey's definition as checked and stored (no version: that is the row's). */
export type SurveyDefinition = Omit<z.output<typeof surveyInput>, 'version'>;

const bilingualOut = z.object({ en: z.string(), 'zh-CN': z.string() });
export const questionSchema = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  text: bilingualOut,
  options: z.array(z.object({ id: z.string(), text: bilingualOut })).optional(),
  dimension: z.string().optional(),
  required: z.boolean(),
  main: z.boolean().optional(),
});

/** A stored survey version as every surface returns it. */
export const surveySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(SURVEY_KINDS),
  title: bilingualOut,
  intro: bilingualOut.optional(),
  questions: z.array(questionSchema),
  triggers: z.array(surveyTriggerSchema),
  delivery: surveyDeliverySchema.optional(),
  expires_in_days: z.number().int(),
  created_at: z.string(),
  created_by: z.string(),
});
export type Survey = z.output<typeof surveySchema>;

/** Who a link is for: a customer id (or an employee's username) and the language they read. */
export const respondentSchema = z
  .object({ id: z.string().trim().min(1).max(200), lang: z.enum(LANGS).optional() })
  .strict();

/**
 * Whom to invite: a list of respondents, the customers of a segment (`filter`), or the survey's own triggers
 * (closed cases, churns, schedules not yet invited). Exactly one of the three.
 */
export const sendInput = z
  .object({
    respondents: z.array(respondentSchema).min(1).max(100_000).optional(),
    filter: filterList.optional(),
    triggers: z.boolean().default(false),
    /** The language of respondents who name none. */
    lang: z.enum(LANGS).default('en'),
    /** Overrides the survey's `expires_in_days` for these links. */
    expires_in_days: days.optional(),
    /** Where the answer page is served; links are `<base_url>/s/<token>`. */
    base_url: z.url().max(500).optional(),
    /** Send the links to this receiver (POST, signed with the secret in the environment variable named). */
    webhook: webhookTarget.optional(),
    /** Count who would be invited; make no link. */
    dry_run: z.boolean().default(false),
  })
  .strict()
  .refine((s) => [s.respondents !== undefined, s.filter !== undefined, s.triggers].filter(Boolean).length === 1, {
    message: 'name exactly one of respondents, filter or triggers',
    path: ['respondents'],
  });
export type SendInput = z.input<typeof sendInput>;

/** One invitation as made: the token and link appear here once and are never stored. */
export const sentInvitationSchema = z.object({
  respondent_type: z.enum(['customer', 'employee']),
  respondent_id: z.string(),
  lang: z.enum(LANGS),
  source: z.enum(['manual', 'case_closed', 'churned', 'schedule']),
  source_ref: z.string().nullable(),
  expires_at: z.string(),
  token: z.string(),
  link: z.string(),
});
export type SentInvitation = z.output<typeof sentInvitationSchema>;

export const sendResultSchema = z.object({
  survey_id: z.string(),
  version: z.number().int(),
  dry_run: z.boolean(),
  /** Respondents matched by the list, segment or triggers. */
  matched: z.number().int(),
  created: z.number().int(),
  /** Matched but already invited for the same source (a trigger's row, or an open link of a manual send). */
  skipped: z.number().int(),
  invitations: z.array(sentInvitationSchema),
  webhook: z
    .object({ url: z.string(), delivered: z.number().int(), failed: z.number().int(), error: z.string().nullable() })
    .nullable(),
});
export type SendResult = z.output<typeof sendResultSchema>;

/** An answer as a respondent sends it: per question id a number (scales), an option id, option ids or a text. */
export const answerInput = z
  .object({
    answers: z.record(
      z.string().max(64),
      z.union([z.number(), z.string().max(MAX_TEXT_ANSWER), z.array(z.string().max(64)).max(30)]),
    ),
  })
  .strict();
export type AnswerInput = z.input<typeof answerInput>;
