/**
 * The public side of a survey: a link's token opens its invitation (the token is the only key, so every
 * refusal is told before anything is read beyond that one row) and takes one answer. The answer is written in
 * one transaction: the invitation marked used (only if still open: of two answers racing on one link, the
 * second finds it used), one row in `surveys` (so NPS, CSAT, CES and eNPS read it at once) and one row per
 * answered question in `survey_answers`.
 */
import { randomUUID } from 'node:crypto';
import { isoOf } from '../cases/record.ts';
import { tenureError } from '../errors.ts';
import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { answerInput, MAIN_SCALE, mainQuestion, type Survey, type SurveyKind } from './definition.ts';
import { getSurvey } from './store.ts';
import { digestOf, TOKEN_SHAPE } from './token.ts';
import { answerRows } from './validate.ts';

interface Invitation {
  token_digest: string;
  survey_id: string;
  version: number;
  respondent_type: string;
  respondent_id: string;
  lang: Lang;
  expires_at: string;
  answered_at: string | null;
}

/** The open invitation of a token, or the refusal a respondent can act on. */
async function openInvitation(ws: Workspace, token: string, now: Date): Promise<Invitation> {
  if (!TOKEN_SHAPE.test(token)) throw tenureError('TEN_SURVEY_LINK_UNKNOWN', {});
  const [v] = await ws.db.all<Invitation & Record<string, unknown>>(sql`
    SELECT token_digest, survey_id, version, respondent_type, respondent_id, lang, ${isoOf(sql`expires_at`)} AS expires_at,
      ${isoOf(sql`answered_at`)} AS answered_at FROM survey_invitations WHERE token_digest = ${digestOf(token)}`);
  if (!v) throw tenureError('TEN_SURVEY_LINK_UNKNOWN', {});
  if (v.answered_at !== null) throw tenureError('TEN_SURVEY_LINK_USED', {});
  if (Date.parse(v.expires_at) <= now.getTime())
    throw tenureError('TEN_SURVEY_LINK_EXPIRED', { expired_at: v.expires_at });
  return v;
}

export interface PublicSurvey {
  survey_id: string;
  version: number;
  kind: SurveyKind;
  lang: Lang;
  title: string;
  intro: string | null;
  expires_at: string;
  questions: {
    id: string;
    type: Survey['questions'][number]['type'];
    text: string;
    required: boolean;
    options: { id: string; text: string }[] | null;
  }[];
}

/**
 * The survey a link opens, in the invitation's language: the version it was sent at, its texts only (no
 * respondent, no other language). TEN_SURVEY_LINK_UNKNOWN, _EXPIRED or _USED otherwise.
 * @example (await surveyOfLink(ws, token)).questions[0].text
 */
export async function surveyOfLink(ws: Workspace, token: string, o: { now?: Date } = {}): Promise<PublicSurvey> {
  const v = await openInvitation(ws, token, o.now ?? new Date());
  const s = await getSurvey(ws, v.survey_id, v.version);
  const main = mainQuestion(s.questions);
  return {
    survey_id: s.id,
    version: s.version,
    kind: s.kind,
    lang: v.lang,
    title: s.title[v.lang],
    intro: s.intro?.[v.lang] ?? null,
    expires_at: v.expires_at,
    questions: s.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text[v.lang],
      required: q.required || (q === main && MAIN_SCALE[s.kind] !== undefined),
      options: q.options?.map((x) => ({ id: x.id, text: x.text[v.lang] })) ?? null,
    })),
  };
}

/** The `surveys` kind an answer is scored as: the survey's, a custom survey's by its main scale, else none. */
function scoredKind(s: Survey): { kind: string; main: string } | null {
  const main = mainQuestion(s.questions);
  if (!main) return null;
  if (s.kind !== 'custom') return { kind: s.kind, main: main.id };
  return { kind: main.type === 'scale_0_10' ? 'nps' : 'csat', main: main.id };
}

export interface AnswerResult {
  response_id: string;
  survey_id: string;
  version: number;
  answered_at: string;
  respondent_type: string;
  /** The kind and score written to `surveys` (null: an unscored custom survey). */
  kind: string | null;
  score: number | null;
}

/**
 * Answer the survey of a link: checked against its version (TEN_SURVEY_ANSWER_INVALID naming the question),
 * refused for a link that is unknown, expired or used, and stored in one transaction.
 * @example await answerSurvey(ws, token, { answers: { nps: 3, why: '网络经常断' } })
 */
export async function answerSurvey(
  ws: Workspace,
  token: string,
  input: unknown,
  o: { now?: Date } = {},
): Promise<AnswerResult> {
  const now = o.now ?? new Date();
  const v = await openInvitation(ws, token, now);
  const parsed = answerInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const question = issue?.path[0] === 'answers' && issue.path[1] !== undefined ? String(issue.path[1]) : 'answers';
    throw tenureError(
      'TEN_SURVEY_ANSWER_INVALID',
      { question, problem: { en: issue?.message ?? 'not an answer', 'zh-CN': '回答格式不正确' } },
      { path: issue?.path.join('.') ?? 'answers' },
    );
  }
  const s = await getSurvey(ws, v.survey_id, v.version);
  const rows = answerRows(s, parsed.data.answers);
  const scored = scoredKind(s);
  const score = scored ? (rows.find((r) => r.question_id === scored.main)?.value_num ?? null) : null;
  const comment = rows.filter((r) => s.questions.find((q) => q.id === r.question_id)?.type === 'text');
  const responseId = `svy-${randomUUID()}`;
  const at = now.toISOString();
  await ws.db.transaction(async () => {
    const n = await ws.db.exec(sql`UPDATE survey_invitations SET answered_at = CAST(${at} AS TIMESTAMP),
      response_id = ${responseId} WHERE token_digest = ${v.token_digest} AND answered_at IS NULL`);
    if (n !== 1) throw tenureError('TEN_SURVEY_LINK_USED', {});
    if (scored)
      await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score, comment)
        VALUES (${responseId}, ${v.respondent_type}, ${v.respondent_id}, CAST(${at} AS TIMESTAMP), ${scored.kind}, ${score},
          ${comment.length ? comment.map((r) => r.value_text).join('\n') : null})`);
    if (rows.length)
      await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, dimension, value_num, value_text)
        SELECT ${responseId}, ${s.id}, ${s.version}, q, nullif(d, ''), CAST(nullif(n, '') AS DOUBLE), nullif(t, '')
        -- Lists bound as parameters hold no NULL among strings: '' stands for none (no answer is blank).
        FROM (SELECT unnest(${rows.map((r) => r.question_id)}) AS q, unnest(${rows.map((r) => r.dimension ?? '')}) AS d,
          unnest(${rows.map((r) => (r.value_num === null ? '' : String(r.value_num)))}) AS n,
          unnest(${rows.map((r) => r.value_text ?? '')}) AS t)`);
  });
  return {
    response_id: responseId,
    survey_id: s.id,
    version: s.version,
    answered_at: at,
    respondent_type: v.respondent_type,
    kind: scored?.kind ?? null,
    score,
  };
}
