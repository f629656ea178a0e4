/**
 * Drivers of churn, exit reasons and the employee side over HTTP (docs/voice.md, Drivers): churn lift of topics,
 * survey answers, ticket categories and root causes; key drivers of a survey's main score; exit texts mapped to
 * the churn taxonomy for an analyst to confirm; employee satisfaction by dimension and team against the cases
 * each team handled. Zod only.
 */
import { z } from 'zod';
import { commaList, isoDay, textSchema } from './common.ts';

const n = z.number().nullable();

/** What a churn driver is: a topic mentioned, a survey answer given, a ticket category or a case root cause. */
export const DRIVER_SOURCES = ['topic', 'survey_answer', 'ticket_category', 'root_cause'] as const;
export type DriverSource = (typeof DRIVER_SOURCES)[number];
export const driverSource = z.enum(DRIVER_SOURCES);

/** GET /voice/drivers */
export const driversQuery = z.object({
  /** Only these kinds of driver (comma list); all four when absent. */
  source: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()) : [...DRIVER_SOURCES]))
    .pipe(z.array(driverSource)),
  /** The observation date: customers not churned by then count as staying; default the data's last day. */
  as_of: isoDay.optional(),
  /** Drivers had by fewer customers are left out (their intervals say nothing). */
  min_customers: z.coerce.number().int().min(1).default(5),
  /** False discovery rate for the Benjamini–Hochberg flags. */
  alpha: z.coerce.number().gt(0).lt(1).default(0.05),
});

export const driverRow = z.object({
  source: driverSource,
  /** The topic id, `question_id=value` (an option, or a score band), the ticket category or the root cause. */
  key: z.string(),
  /** Human-readable: the topic's label, the question and option text, the category or cause as written. */
  label: textSchema,
  /** Customers who had it before their churn or the observation date, and how many of them churned. */
  with_customers: z.number(),
  with_churned: z.number(),
  without_customers: z.number(),
  without_churned: z.number(),
  churn_with: z.number(),
  churn_without: n,
  /** churn_with − churn_without, with Newcombe's hybrid score interval. */
  difference: n,
  lower: n,
  upper: n,
  /** churn_with ÷ churn_without. */
  ratio: n,
  p_value: n,
  /** Benjamini–Hochberg adjusted p-value over every driver of the answer. */
  p_adjusted: n,
  significant: z.boolean(),
});

export const driversResponse = z.object({
  as_of: z.string(),
  customers: z.number(),
  churned: z.number(),
  alpha: z.number(),
  drivers: z.array(driverRow),
});

/** GET /voice/key-drivers */
export const keyDriversQuery = z.object({
  /** The survey whose scale questions are the drivers; default the latest survey of the kind with answers. */
  survey_id: z.string().optional(),
  /** The kind of survey when no survey_id is given. */
  kind: z.enum(['nps', 'csat', 'ces', 'employee', 'custom']).default('nps'),
});

export const keyDriverRow = z.object({
  question_id: z.string(),
  dimension: z.string().nullable(),
  label: textSchema,
  /** Correlation of the question with the outcome. */
  correlation: z.number(),
  /** Standardized regression coefficient. */
  beta: z.number(),
  /** Johnson's (2000) relative weight ε_j; they sum to R². */
  relative_weight: z.number(),
  /** Shapley value of R² (Lipovetsky & Conklin 2001); they sum to R² too. Null beyond 15 drivers (2^p fits). */
  shapley: n,
  /** relative_weight ÷ R²: the share of the explained variance. */
  share: z.number(),
});

export const keyDriversResponse = z.object({
  survey_id: z.string(),
  /** The question whose score is explained: the survey's main question. */
  outcome: z.string(),
  outcome_label: textSchema,
  /** Answers with every driver and the outcome present (the others are left out, listwise). */
  respondents: z.number(),
  r_squared: n,
  drivers: z.array(keyDriverRow),
  /** Why there is nothing to show (too few answers or drivers), in every language; null when there is. */
  note: textSchema.nullable(),
});

/**
 * POST /voice/topic-features: the churn model fitted with and without topic mentions, as a fit job (fitJobSchema,
 * polled like a model fit); the result is stored as a run of model `topic-features`.
 */
export const topicFeaturesBody = z.object({ as_of: isoDay.optional() }).strict();

export const topicFeaturesResult = z.object({
  as_of: z.string(),
  rows: z.number(),
  validation_rows: z.number(),
  /** Topic-mention features offered (one per topic: mentions in the window before the snapshot date). */
  features: z.array(z.string()),
  auc_without: z.number(),
  auc_with: z.number(),
  /** auc_with − auc_without. */
  difference: z.number(),
  seconds: z.number(),
});

/** GET /voice/topic-features: the latest comparison, null before the first (POST starts one: a fit job). */
export const topicFeaturesResponse = z.object({ latest: topicFeaturesResult.nullable() });

export const EXIT_SOURCES = ['exit_survey', 'churn_note'] as const;
export const EXIT_STATUSES = ['suggested', 'confirmed', 'all'] as const;

/** GET /voice/exits */
export const exitsQuery = z.object({
  status: z.enum(EXIT_STATUSES).default('all'),
  /** Competitor names to look for (comma list), besides those churn events already name. */
  competitors: commaList,
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

const taxonomy = z.object({
  kind: z.enum(['voluntary', 'involuntary']).nullable(),
  category: z.enum(['natural', 'competitive', 'fault', 'non_malicious', 'retaliatory', 'malicious']).nullable(),
  competitor: z.string().nullable(),
  reason: z.string().nullable(),
});

export const exitRow = z.object({
  /** `customer_id|churned_at`: the churn event the texts belong to. */
  exit_id: z.string(),
  customer_id: z.string(),
  churned_at: z.string(),
  /** What the customer or the note said: exit survey answers and the churn note, as text. */
  texts: z.array(z.object({ source: z.enum(EXIT_SOURCES), text: z.string(), topic_id: z.string().nullable() })),
  /** The churn event as imported. */
  recorded: taxonomy,
  /** The rules' suggestion and the keywords that made it. */
  suggested: taxonomy.extend({ matched: z.array(z.string()) }),
  /** The analyst's mapping, when confirmed or corrected. */
  confirmed: taxonomy.extend({ by: z.string(), at: z.string() }).nullable(),
});

export const exitsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  rows: z.array(exitRow),
});

/** POST /voice/exits/confirm: the analyst's mapping of one exit (the suggestion as is, or corrected). */
export const exitConfirmBody = taxonomy
  .extend({ customer_id: z.string().min(1), churned_at: z.string().min(1) })
  .partial({ competitor: true, reason: true })
  .strict();
export const exitConfirmResponse = exitRow;

/** GET /voice/employees */
export const employeesQuery = z.object({
  /** The employee survey; default every employee survey's answers. */
  survey_id: z.string().optional(),
  /** Cases closed from this day on count for the teams' CSAT and save rate. */
  since: isoDay.optional(),
});

const correlation = z.object({
  /** Teams with both an employee satisfaction and the case figure. */
  teams: z.number(),
  r: n,
  /** Fisher-z 95% interval; null with fewer than 4 teams. */
  lower: n,
  upper: n,
  /** What can be said, in every language (too few teams says so plainly). */
  statement: textSchema,
});

export const employeesResponse = z.object({
  dimensions: z.array(z.string()),
  /** Mean scale answer per dimension over every employee. */
  overall: z.array(z.object({ dimension: z.string(), answers: z.number(), mean: z.number() })),
  teams: z.array(
    z.object({
      team: z.string(),
      respondents: z.number(),
      dimensions: z.array(z.object({ dimension: z.string(), answers: z.number(), mean: z.number() })),
      /** Mean of every scale answer of the team's members, rescaled to 0–1. */
      satisfaction: n,
      cases_closed: z.number(),
      /** Mean CSAT (1–5) of the team's closed cases that have one. */
      case_csat: n,
      retention_decided: z.number(),
      save_rate: n,
    }),
  ),
  csat: correlation,
  save_rate: correlation,
});
