/**
 * An answer checked against the survey version it answers: every answered id is a question, a scale answer a
 * whole number on its scale, a choice among the question's options, required questions (and the main one of a
 * scored kind) answered. The first problem is refused with TEN_SURVEY_ANSWER_INVALID naming the question, as a
 * respondent fixes one answer at a time; nothing is stored.
 */
import { tenureError } from '../errors.ts';
import type { Text } from '../present/text.ts';
import { isScale, MAIN_SCALE, mainQuestion, type Question, SCALES, type Survey } from './definition.ts';

/** One answered question as stored in survey_answers. */
export interface AnswerRow {
  question_id: string;
  dimension: string | null;
  value_num: number | null;
  value_text: string | null;
}

const refuse = (question: string, problem: Text): never => {
  throw tenureError('TEN_SURVEY_ANSWER_INVALID', { question, problem }, { path: `answers.${question}` });
};

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);

/** One question's answer as its row, or a refusal. */
function rowOf(q: Question, v: unknown): AnswerRow {
  const row = { question_id: q.id, dimension: q.dimension ?? null, value_num: null, value_text: null };
  if (isScale(q.type)) {
    const [lo, hi] = SCALES[q.type];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
      refuse(q.id, { en: `a whole number from ${lo} to ${hi}`, 'zh-CN': `应为 ${lo} 到 ${hi} 的整数` });
    return { ...row, value_num: v as number };
  }
  const ids = new Set(q.options?.map((o) => o.id));
  const options = { en: `one of ${[...ids].join(', ')}`, 'zh-CN': `应为以下选项之一：${[...ids].join('、')}` };
  if (q.type === 'single') {
    if (typeof v !== 'string' || !ids.has(v)) refuse(q.id, options);
    return { ...row, value_text: v as string };
  }
  if (q.type === 'multiple') {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !ids.has(x)) || new Set(v).size < v.length)
      refuse(q.id, options);
    return { ...row, value_text: (v as string[]).join('|') };
  }
  if (typeof v !== 'string') refuse(q.id, { en: 'a text', 'zh-CN': '应为文字' });
  return { ...row, value_text: (v as string).trim() };
}

/**
 * The rows of an answer, one per answered question, in the survey's order.
 * @example answerRows(survey, { nps: 9, why: '服务很好' })
 */
export function answerRows(s: Pick<Survey, 'kind' | 'questions'>, answers: Record<string, unknown>): AnswerRow[] {
  const byId = new Map(s.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) refuse(id, { en: 'no such question in this survey', 'zh-CN': '本问卷没有这道题' });
  const main = MAIN_SCALE[s.kind] ? mainQuestion(s.questions) : null;
  const rows: AnswerRow[] = [];
  for (const q of s.questions) {
    const v = answers[q.id];
    if (isBlank(v)) {
      if (q.required || q === main) refuse(q.id, { en: 'an answer is required', 'zh-CN': '此题必答' });
      continue;
    }
    rows.push(rowOf(q, v));
  }
  return rows;
}
