/**
 * A survey's results: the response rate, the main question's figure with its 95 % interval, and every
 * question's distribution, aggregated in SQL over `survey_answers` (answers are matched to questions by id,
 * which an edit keeps, so all versions count together unless one is asked for).
 *
 * Intervals: the response rate and CSAT (share of 4–5) by Wilson; NPS by the normal approximation of the mean
 * of a score of +1 (promoter), 0, −1 (detractor) per answer, var = (p₊ + p₋ − (p₊ − p₋)²)/n (the usual NPS margin
 * of error, e.g. Rocks 2016); CES and other scales by mean ± z·s/√n.
 */
import type { z } from 'zod';
import { COMMENTS_SHOWN, type resultsResponse } from '../api/surveys.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { wilson, Z95 } from '../stats/wilson.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { isScale, mainQuestion, type Question, type Survey } from './definition.ts';
import { getSurvey } from './store.ts';

export type SurveyResults = z.output<typeof resultsResponse>;
type Main = NonNullable<SurveyResults['main']>;

interface Stats {
  n: number;
  mean: number | null;
  sd: number | null;
  top: number;
  promoters: number;
  detractors: number;
}

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The main question's figure, by the measure its survey's kind and scale call for. */
function mainFigure(s: Survey, q: Question, st: Stats): Main {
  const base = { question_id: q.id, n: st.n };
  const npsLike = q.type === 'scale_0_10' && s.kind !== 'exit';
  if (npsLike) {
    const pp = st.n ? st.promoters / st.n : 0;
    const pd = st.n ? st.detractors / st.n : 0;
    const value = st.n ? 100 * (pp - pd) : null;
    const half = st.n ? 100 * Z95 * Math.sqrt((pp + pd - (pp - pd) ** 2) / st.n) : null;
    return {
      ...base,
      measure: s.kind === 'employee' ? 'enps' : 'nps',
      value,
      low: value === null || half === null ? null : clip(value - half, -100, 100),
      high: value === null || half === null ? null : clip(value + half, -100, 100),
      parts: { promoters: st.promoters, passives: st.n - st.promoters - st.detractors, detractors: st.detractors },
    };
  }
  if (q.type === 'scale_1_5' && (s.kind === 'csat' || s.kind === 'custom')) {
    const w = wilson(st.top, st.n);
    return { ...base, measure: 'csat', value: st.n ? st.top / st.n : null, ...w, parts: { satisfied: st.top } };
  }
  const half = st.sd !== null && st.n > 1 ? (Z95 * st.sd) / Math.sqrt(st.n) : null;
  return {
    ...base,
    measure: s.kind === 'ces' ? 'ces' : 'mean',
    value: st.mean,
    low: st.mean === null || half === null ? null : st.mean - half,
    high: st.mean === null || half === null ? null : st.mean + half,
    parts: {},
  };
}

/**
 * Results of a survey over every version, or of one.
 * @example const r = await surveyResults(ws, 'post-case'); r.main?.value // 42 (NPS points)
 */
export async function surveyResults(ws: Workspace, id: string, o: { version?: number } = {}): Promise<SurveyResults> {
  const s = await getSurvey(ws, id, o.version);
  const ofVersion = (col: Sql) => (o.version === undefined ? sql`` : sql` AND ${col} = ${o.version}`);
  const answers = sql`SELECT * FROM survey_answers WHERE survey_id = ${id}${ofVersion(sql`version`)}`;
  const [inv] = await ws.db.all<{ invited: number; used: number; answered: number }>(sql`
    SELECT count(*)::INTEGER AS invited, count(answered_at)::INTEGER AS used,
      (SELECT count(DISTINCT response_id)::INTEGER FROM (${answers}) a) AS answered
    FROM survey_invitations WHERE survey_id = ${id}${ofVersion(sql`version`)}`);
  const invited = inv?.invited ?? 0;
  const used = inv?.used ?? 0;
  const answered = inv?.answered ?? 0;
  const stats = await ws.db.all<Stats & { question_id: string } & Record<string, unknown>>(sql`
    SELECT question_id, count(*)::INTEGER AS n, avg(value_num) AS mean, stddev_samp(value_num) AS sd,
      count(*) FILTER (WHERE value_num >= 4 AND value_num <= 5)::INTEGER AS top,
      count(*) FILTER (WHERE value_num >= 9)::INTEGER AS promoters,
      count(*) FILTER (WHERE value_num <= 6)::INTEGER AS detractors
    FROM (${answers}) a GROUP BY question_id`);
  const choices = s.questions.filter((q) => q.type === 'single' || q.type === 'multiple').map((q) => q.id);
  const dist = await ws.db.all<{ question_id: string; value: string; count: number }>(sql`
    SELECT question_id, value, count(*)::INTEGER AS count FROM (
      SELECT question_id, CAST(CAST(value_num AS INTEGER) AS VARCHAR) AS value FROM (${answers}) a WHERE value_num IS NOT NULL
      UNION ALL
      SELECT question_id, unnest(string_split(value_text, '|')) AS value FROM (${answers}) a
      WHERE question_id IN (SELECT unnest(${choices}))) d
    GROUP BY question_id, value ORDER BY question_id, value`);
  const statsOf = (q: Question): Stats =>
    stats.find((r) => r.question_id === q.id) ?? { n: 0, mean: null, sd: null, top: 0, promoters: 0, detractors: 0 };
  const main = mainQuestion(s.questions);
  const comments = await freeText(ws, s, answers);
  const rate = invited ? { value: used / invited, ...wilson(used, invited) } : null;
  return {
    survey_id: s.id,
    kind: s.kind,
    version: o.version ?? null,
    invited,
    answered,
    response_rate: rate,
    main: main ? mainFigure(s, main, statsOf(main)) : null,
    questions: s.questions.map((q) => {
      const st = statsOf(q);
      const order = q.options?.map((x) => x.id) ?? [];
      const values = dist.filter((d) => d.question_id === q.id);
      // Scale values in numeric order, options in the survey's order.
      values.sort((a, b) =>
        isScale(q.type) ? Number(a.value) - Number(b.value) : order.indexOf(a.value) - order.indexOf(b.value),
      );
      return {
        id: q.id,
        type: q.type,
        text: q.text,
        dimension: q.dimension ?? null,
        n: st.n,
        mean: isScale(q.type) ? st.mean : null,
        distribution: values.map((d) => ({ value: d.value, count: d.count })),
      };
    }),
    comments,
  };
}

/**
 * The free-text answers, newest first, with the answer's score (surveys.score holds the main question's) and
 * the analysis's topic and sentiment of the answer's comment (voice_documents keys it by response).
 */
async function freeText(ws: Workspace, s: Survey, answers: Sql): Promise<SurveyResults['comments']> {
  const texts = s.questions.filter((q) => q.type === 'text').map((q) => q.id);
  if (!texts.length) return { total: 0, items: [] };
  const written = sql`SELECT * FROM (${answers}) a
    WHERE question_id IN (SELECT unnest(${texts})) AND value_text IS NOT NULL AND length(trim(value_text)) > 0`;
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM (${written}) w`);
  const items = await ws.db.all<SurveyResults['comments']['items'][number]>(sql`
    SELECT w.response_id, w.question_id, strftime(r.answered_at, '%Y-%m-%dT%H:%M:%S') AS answered_at,
      CAST(r.score AS DOUBLE) AS score, w.value_text AS text, t.label AS topic, d.sentiment
    FROM (${written}) w JOIN surveys r ON r.response_id = w.response_id
      LEFT JOIN voice_documents d ON d.source = 'survey' AND d.doc_id = w.response_id
      LEFT JOIN voice_topics t ON t.topic_id = d.topic_id
    ORDER BY r.answered_at DESC, w.response_id, w.question_id LIMIT ${COMMENTS_SHOWN}`);
  return { total: count?.n ?? 0, items };
}
