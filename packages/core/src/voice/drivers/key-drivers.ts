/**
 * Key drivers of a survey's main score (NPS, CSAT…) on its other scale questions (the answer dimensions):
 * the correlations are aggregated in SQL over the answers — one row of sums per survey, Σxᵢ and Σxᵢxⱼ over the
 * respondents who answered every question (listwise) — and the weights computed from them in
 * relative-weights.ts.
 */
import type { Connection } from '../../engine/engine.ts';
import { tenureError } from '../../errors.ts';
import type { Text } from '../../present/text.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { mainQuestion } from '../../surveys/definition.ts';
import { keyDriverWeights } from './relative-weights.ts';
import { isScale, type SurveyDefinition, surveyDefinition, surveyDefinitions } from './survey-definition.ts';

export interface KeyDriverOptions {
  /** The survey; default the latest survey of `kind` that has answers. */
  surveyId?: string;
  kind?: 'nps' | 'csat' | 'ces' | 'employee' | 'custom';
}

export interface KeyDriver {
  questionId: string;
  dimension: string | null;
  label: Text;
  correlation: number;
  beta: number;
  relativeWeight: number;
  shapley: number | null;
  share: number;
}

export interface KeyDrivers {
  surveyId: string;
  outcome: string;
  outcomeLabel: Text;
  respondents: number;
  rSquared: number | null;
  drivers: KeyDriver[];
  note: Text | null;
}

/** Fewer complete answers than drivers + 2 leave no residual degree of freedom: nothing to say. */
const tooFew: Text = {
  en: 'Too few complete answers to weigh the drivers: at least two more than the number of questions are needed.',
  'zh-CN': '完整答卷太少，无法计算驱动因素权重：答卷数至少要比题目数多两份。',
};

/**
 * @example
 * await keyDrivers(ws.db, { kind: 'nps' }); // { outcome: 'nps', rSquared: 0.72, drivers: [{ questionId: 'network', relativeWeight: 0.41, … }] }
 */
export async function keyDrivers(conn: Connection, opts: KeyDriverOptions = {}): Promise<KeyDrivers> {
  const def = opts.surveyId ? await surveyDefinition(conn, opts.surveyId) : await latestAnswered(conn, opts.kind);
  const outcome = mainQuestion(def.questions);
  if (!outcome || !isScale(outcome)) throw tenureError('TEN_VOICE_NO_MAIN_QUESTION', { survey: def.surveyId });
  const drivers = def.questions.filter((q) => q !== outcome && isScale(q));
  const columns = [...drivers, outcome];
  const sums = await answerSums(
    conn,
    def.surveyId,
    columns.map((q) => q.id),
  );
  const p = drivers.length;
  const base = { surveyId: def.surveyId, outcome: outcome.id, outcomeLabel: outcome.text, respondents: sums.n };
  if (p === 0 || sums.n < p + 2) return { ...base, rSquared: null, drivers: [], note: tooFew };
  const corr = correlations(sums, p + 1);
  const rxx = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) rxx[i * p + j] = corr[i * (p + 1) + j]!;
  const rxy = Float64Array.from({ length: p }, (_, i) => corr[i * (p + 1) + p]!);
  const w = keyDriverWeights(rxx, rxy, p);
  return {
    ...base,
    rSquared: w.rSquared,
    note: null,
    drivers: drivers.map((q, j) => ({
      questionId: q.id,
      dimension: q.dimension ?? null,
      label: q.text,
      correlation: rxy[j]!,
      beta: w.beta[j]!,
      relativeWeight: w.relativeWeights[j]!,
      shapley: w.shapley ? w.shapley[j]! : null,
      share: w.rSquared > 0 ? w.relativeWeights[j]! / w.rSquared : 0,
    })),
  };
}

async function latestAnswered(conn: Connection, kind: KeyDriverOptions['kind'] = 'nps'): Promise<SurveyDefinition> {
  const answered = new Set(
    (await conn.all<{ survey_id: string }>(sql`SELECT DISTINCT survey_id FROM survey_answers`)).map((r) => r.survey_id),
  );
  const found = (await surveyDefinitions(conn, kind)).find((d) => answered.has(d.surveyId));
  if (!found) throw tenureError('TEN_VOICE_NO_SURVEY', { survey: kind });
  return found;
}

interface Sums {
  n: number;
  /** Σxᵢ */
  s: Float64Array;
  /** Σxᵢxⱼ, row-major */
  ss: Float64Array;
}

/** One row: the count of complete respondents, Σxᵢ and Σxᵢxⱼ (i ≤ j) over them. */
async function answerSums(conn: Connection, surveyId: string, questions: string[]): Promise<Sums> {
  const m = questions.length;
  const col = (i: number) => sql.id(`c${i}`);
  const pivot = sql.join(
    questions.map((q, i) => sql`max(CASE WHEN question_id = ${q} THEN value_num END) AS ${col(i)}`),
  );
  const aggregates: Sql[] = [sql`count(*) AS n`];
  for (let i = 0; i < m; i++) aggregates.push(sql`sum(${col(i)}) AS ${sql.id(`s${i}`)}`);
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) aggregates.push(sql`sum(${col(i)} * ${col(j)}) AS ${sql.id(`p${i}_${j}`)}`);
  const complete = sql.join(
    questions.map((_, i) => sql`${col(i)} IS NOT NULL`),
    sql` AND `,
  );
  const [row] = await conn.all(sql`SELECT ${sql.join(aggregates)} FROM (
      SELECT response_id, ${pivot} FROM survey_answers WHERE survey_id = ${surveyId} GROUP BY response_id) r
    WHERE ${complete}`);
  const num = (k: string) => Number(row?.[k] ?? 0);
  const s = Float64Array.from({ length: m }, (_, i) => num(`s${i}`));
  const ss = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) ss[i * m + j] = ss[j * m + i] = num(`p${i}_${j}`);
  return { n: num('n'), s, ss };
}

/** Pearson correlations from the sums (row-major m × m); a question everyone answered alike correlates 0. */
function correlations({ n, s, ss }: Sums, m: number): Float64Array {
  const cov = (i: number, j: number) => ss[i * m + j]! - (s[i]! * s[j]!) / n;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const d = Math.sqrt(cov(i, i) * cov(j, j));
      out[i * m + j] = i === j ? 1 : d > 0 ? cov(i, j) / d : 0;
    }
  return out;
}
