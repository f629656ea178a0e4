/**
 * The public side of a survey: a link's token opens its invitation (the token is the only key, so every
 * refusal is told before anything is read beyond that one row) and takes one answer. The answer is written in
 * one transaction: the invitation marked used (only if still open: of two answers racing on one link, the
 * second finds it used), one row in `surveys` (so NPS, CSAT, CES and eNPS read it at once) and one row per
 * answered question in `survey_answers`.
 */
import { randomUUID } from 'node:crypto';
import { isoOf } from '../cases/record.ts';
import { TenureError, tenureError } from '../errors.ts';
import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { answerInput, MAIN_SCALE, mainQuestion, type Survey, type SurveyKind } from './definition.ts';
import { getSurvey } from './store.ts';
import { digestOf, TOKEN_SHAPE } from './token.ts';
import { type AnswerRow, answerRows } from './validate.ts';

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

const selectInvitation = sql`SELECT token_digest, survey_id, version, respondent_type, respondent_id, lang,
  ${isoOf(sql`expires_at`)} AS expires_at, ${isoOf(sql`answered_at`)} AS answered_at FROM survey_invitations`;

/** The refusal a respondent can act on, for a link that is not open; null when it is. */
function refusalOf(v: Invitation | undefined, now: Date): TenureError | null {
  if (!v) return tenureError('TEN_SURVEY_LINK_UNKNOWN', {});
  if (v.answered_at !== null) return tenureError('TEN_SURVEY_LINK_USED', {});
  if (Date.parse(v.expires_at) <= now.getTime())
    return tenureError('TEN_SURVEY_LINK_EXPIRED', { expired_at: v.expires_at });
  return null;
}

/** The open invitation of a token, or the refusal. */
async function openInvitation(ws: Workspace, token: string, now: Date): Promise<Invitation> {
  if (!TOKEN_SHAPE.test(token)) throw tenureError('TEN_SURVEY_LINK_UNKNOWN', {});
  const [v] = await ws.db.all<Invitation & Record<string, unknown>>(
    sql`${selectInvitation} WHERE token_digest = ${digestOf(token)}`,
  );
  const refused = refusalOf(v, now);
  if (refused) throw refused;
  return v as Invitation;
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

/** An answer checked and ready to write. */
interface Planned {
  at: number;
  v: Invitation;
  s: Survey;
  rows: AnswerRow[];
  scored: { kind: string; main: string } | null;
  score: number | null;
  comment: string | null;
  responseId: string;
}

/** An answer's input checked against its survey version, or the refusal naming the question. */
function plan(at: number, v: Invitation, s: Survey, input: unknown): Planned {
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
  const rows = answerRows(s, parsed.data.answers);
  const scored = scoredKind(s);
  const texts = rows.filter((r) => s.questions.find((q) => q.id === r.question_id)?.type === 'text');
  return {
    at,
    v,
    s,
    rows,
    scored,
    score: scored ? (rows.find((r) => r.question_id === scored.main)?.value_num ?? null) : null,
    comment: texts.length ? texts.map((r) => r.value_text).join('\n') : null,
    responseId: `svy-${randomUUID()}`,
  };
}

/** Lists bound as parameters hold no NULL among values: '' stands for none (no stored answer is blank). */
const orBlank = (v: string | number | null) => (v === null ? '' : String(v));

/**
 * Write checked answers in one transaction: each invitation marked used only if still open (RETURNING says
 * which were), then the `surveys` and `survey_answers` rows of those. The digests the update did not take
 * were answered meanwhile by another writer.
 */
async function write(ws: Workspace, plans: Planned[], at: string): Promise<Set<string>> {
  return ws.db.transaction(async () => {
    const taken = await ws.db.all<{ token_digest: string }>(sql`UPDATE survey_invitations
      SET answered_at = CAST(${at} AS TIMESTAMP), response_id = b.rid
      FROM (SELECT unnest(${plans.map((p) => p.v.token_digest)}) AS d, unnest(${plans.map((p) => p.responseId)}) AS rid) b
      WHERE survey_invitations.token_digest = b.d AND survey_invitations.answered_at IS NULL
      RETURNING survey_invitations.token_digest`);
    const took = new Set(taken.map((t) => t.token_digest));
    const kept = plans.filter((p) => took.has(p.v.token_digest));
    const scored = kept.filter((p) => p.scored);
    if (scored.length)
      await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score, comment)
        SELECT r, t, i, CAST(${at} AS TIMESTAMP), k, CAST(nullif(n, '') AS DOUBLE), nullif(c, '')
        FROM (SELECT unnest(${scored.map((p) => p.responseId)}) AS r, unnest(${scored.map((p) => p.v.respondent_type)}) AS t,
          unnest(${scored.map((p) => p.v.respondent_id)}) AS i, unnest(${scored.map((p) => p.scored?.kind ?? '')}) AS k,
          unnest(${scored.map((p) => orBlank(p.score))}) AS n, unnest(${scored.map((p) => orBlank(p.comment))}) AS c)`);
    const rows = kept.flatMap((p) => p.rows.map((r) => ({ p, r })));
    if (rows.length)
      await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, dimension, value_num, value_text)
        SELECT r, s, CAST(v AS INTEGER), q, nullif(d, ''), CAST(nullif(n, '') AS DOUBLE), nullif(t, '')
        FROM (SELECT unnest(${rows.map((x) => x.p.responseId)}) AS r, unnest(${rows.map((x) => x.p.s.id)}) AS s,
          unnest(${rows.map((x) => String(x.p.s.version))}) AS v, unnest(${rows.map((x) => x.r.question_id)}) AS q,
          unnest(${rows.map((x) => orBlank(x.r.dimension))}) AS d, unnest(${rows.map((x) => orBlank(x.r.value_num))}) AS n,
          unnest(${rows.map((x) => orBlank(x.r.value_text))}) AS t)`);
    return took;
  });
}

/**
 * Answer several links at once (the server gathers the answers that arrive while a write runs: one commit for
 * all, as each commit costs milliseconds): each answer is checked on its own and gets its result or its
 * refusal, and the accepted ones are written in one transaction. Nothing of a refused answer is stored.
 * @example const [r] = await answerSurveys(ws, [{ token, input: { answers: { nps: 9 } } }])
 */
export async function answerSurveys(
  ws: Workspace,
  items: readonly { token: string; input: unknown }[],
  o: { now?: Date } = {},
): Promise<(AnswerResult | TenureError)[]> {
  const now = o.now ?? new Date();
  const at = now.toISOString();
  const digests = items.map((i) => (TOKEN_SHAPE.test(i.token) ? digestOf(i.token) : ''));
  const found = await ws.db.all<Invitation & Record<string, unknown>>(
    sql`${selectInvitation} WHERE token_digest IN (SELECT unnest(${digests.filter(Boolean)}))`,
  );
  const byDigest = new Map(found.map((v) => [v.token_digest, v as Invitation]));
  const versions = new Map<string, Promise<Survey>>();
  const out: (AnswerResult | TenureError)[] = [];
  const plans: Planned[] = [];
  for (const [k, item] of items.entries()) {
    try {
      const v = byDigest.get(digests[k] as string);
      const refused = refusalOf(v, now);
      if (refused) throw refused;
      const inv = v as Invitation;
      // The same link twice in one batch: the first answer counts, as it would one after the other.
      if (plans.some((p) => p.v.token_digest === inv.token_digest)) throw tenureError('TEN_SURVEY_LINK_USED', {});
      const key = `${inv.survey_id}@${inv.version}`;
      if (!versions.has(key)) versions.set(key, getSurvey(ws, inv.survey_id, inv.version));
      plans.push(plan(k, inv, await (versions.get(key) as Promise<Survey>), item.input));
    } catch (e) {
      if (!(e instanceof TenureError)) throw e;
      out[k] = e;
    }
  }
  const took = plans.length ? await write(ws, plans, at) : new Set<string>();
  for (const p of plans)
    out[p.at] = took.has(p.v.token_digest)
      ? {
          response_id: p.responseId,
          survey_id: p.s.id,
          version: p.s.version,
          answered_at: at,
          respondent_type: p.v.respondent_type,
          kind: p.scored?.kind ?? null,
          score: p.score,
        }
      : tenureError('TEN_SURVEY_LINK_USED', {});
  return out;
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
  const [r] = await answerSurveys(ws, [{ token, input }], o);
  if (r instanceof TenureError) throw r;
  return r as AnswerResult;
}
