import { z } from 'zod';
import { LANGS } from '../present/lang.ts';
import {
  answerInput,
  QUESTION_TYPES,
  SURVEY_KINDS,
  sendInput,
  sendResultSchema,
  sentInvitationSchema,
  surveyInput,
  surveySchema,
} from '../surveys/definition.ts';
import { pageOf, pageQuery } from './common.ts';

/**
 * The survey routes' shapes: core's survey schemas (surveys/definition.ts), which a saved file is checked with
 * too. A change sends the `version` it read (a stale one is 409 TEN_SURVEY_STALE); every change is a new
 * version, the old ones kept. The answer routes (`/answers/:token`) are public: the token is the only key.
 */
export const surveyParams = z.object({ id: z.string() });
export const surveyQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

/** A survey's version (the latest unless `?version=`) and every version it has had. */
export const surveyResponse = surveySchema.extend({ versions: z.array(z.number().int()) });
export const surveySummarySchema = surveySchema.extend({
  versions: z.number().int(),
  invited: z.number().int(),
  answered: z.number().int(),
});
export const surveysResponse = z.object({ surveys: z.array(surveySummarySchema) });
export const newSurveyBody = surveyInput;
export const surveyChangeBody = surveyInput;
export const sendSurveyBody = sendInput;
/** `?format=csv`: the new links as CSV for a mailing tool (UTF-8 with a BOM), instead of JSON. */
export const sendSurveyQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
export const sendSurveyResponse = sendResultSchema;

export const INVITATION_STATUSES = ['open', 'answered', 'expired'] as const;
export const invitationsQuery = pageQuery.extend({ status: z.enum(INVITATION_STATUSES).optional() }).strict();
/** An invitation as listed: never its token (not stored), `invitation_id` the first hex digits of its digest. */
export const invitationSchema = z.object({
  invitation_id: z.string(),
  version: z.number().int(),
  respondent_type: z.string(),
  respondent_id: z.string(),
  lang: z.enum(LANGS),
  source: sentInvitationSchema.shape.source,
  source_ref: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  answered_at: z.string().nullable(),
  response_id: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
});
export const invitationsResponse = pageOf(invitationSchema);

const interval = z.object({ value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });
/** Results of a survey: every version, or the one of `?version=`. */
export const resultsQuery = surveyQuery;
export const MAIN_MEASURES = ['nps', 'enps', 'csat', 'ces', 'mean'] as const;
export const resultsResponse = z.object({
  survey_id: z.string(),
  kind: z.enum(SURVEY_KINDS),
  version: z.number().int().nullable(),
  invited: z.number().int(),
  /** Responses stored: through a link or imported. */
  answered: z.number().int(),
  /** Links answered ÷ links sent, with its Wilson interval (95 %); null before any invitation. */
  response_rate: interval.nullable(),
  /**
   * The main question's figure with its 95 % interval: NPS/eNPS in points (−100…100), CSAT the share of 4–5
   * (Wilson), CES and other scales the mean; null without a main question.
   */
  main: z
    .object({
      question_id: z.string(),
      measure: z.enum(MAIN_MEASURES),
      n: z.number().int(),
      value: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      parts: z.record(z.string(), z.number().int()),
    })
    .nullable(),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(QUESTION_TYPES),
      text: z.object({ en: z.string(), 'zh-CN': z.string() }),
      dimension: z.string().nullable(),
      n: z.number().int(),
      mean: z.number().nullable(),
      /** Count per scale value or option id (free text: none). */
      distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  ),
  /**
   * What respondents wrote: the free-text answers, newest first (at most COMMENTS_SHOWN), each with the main
   * question's score of its answer and, once the text analysis has run, its topic and sentiment; `total` counts
   * them all. No respondent is named: employee surveys promise that.
   */
  comments: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        response_id: z.string(),
        question_id: z.string(),
        answered_at: z.string(),
        score: z.number().nullable(),
        text: z.string(),
        topic: z.string().nullable(),
        sentiment: z.number().nullable(),
      }),
    ),
  }),
});
/** The newest free-text answers a survey's results carry. */
export const COMMENTS_SHOWN = 50;

/** The public answer routes. */
export const answerParams = z.object({ token: z.string().max(200) });
/** A survey as its respondent sees it: the texts in the invitation's language only. */
export const publicSurveyResponse = z.object({
  survey_id: z.string(),
  version: z.number().int(),
  kind: z.enum(SURVEY_KINDS),
  lang: z.enum(LANGS),
  title: z.string(),
  intro: z.string().nullable(),
  expires_at: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(QUESTION_TYPES),
      text: z.string(),
      required: z.boolean(),
      options: z.array(z.object({ id: z.string(), text: z.string() })).nullable(),
    }),
  ),
});
export const answerBody = answerInput;
export const answerResponse = z.object({
  response_id: z.string(),
  survey_id: z.string(),
  version: z.number().int(),
  answered_at: z.string(),
});
