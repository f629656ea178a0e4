/**
 * What a customer "has" before a date, per kind of driver, as rows (customer_id, source, key, at): a topic of a
 * text they wrote (voice_documents), an answer they gave (an option chosen, or the band of a scale score), a
 * ticket category, a case root cause. Each row is dated, so the lift counts only what came before the churn.
 */
import type { DriverSource } from '../../api/voice-drivers.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { SurveyDefinition } from './survey-definition.ts';

/** Score bands of the two scales: NPS's detractor / passive / promoter, and low / neutral / high on 1–5. */
export const BANDS = {
  scale_0_10: [
    ['detractor', 0, 6],
    ['passive', 7, 8],
    ['promoter', 9, 10],
  ],
  scale_1_5: [
    ['low', 1, 2],
    ['neutral', 3, 3],
    ['high', 4, 5],
  ],
} as const;

/** Each scale question of the definitions with its scale, as a VALUES list (survey_id, question_id, scale). */
function scaleQuestions(defs: SurveyDefinition[]): Sql | null {
  const rows = defs.flatMap((d) =>
    d.questions
      .filter((q) => q.type === 'scale_0_10' || q.type === 'scale_1_5')
      .map((q) => sql`(${d.surveyId}, ${q.id}, ${q.type})`),
  );
  return rows.length ? sql`(VALUES ${sql.join(rows)}) AS sq(survey_id, question_id, scale)` : null;
}

function band(): Sql {
  const whens = Object.entries(BANDS).flatMap(([scale, bands]) =>
    bands.map(([name, lo, hi]) => sql`WHEN sq.scale = ${scale} AND a.value_num BETWEEN ${lo} AND ${hi} THEN ${name}`),
  );
  return sql`CASE ${sql.join(whens, sql` `)} END`;
}

/** The mention rows of `source` (customer answers only: an employee's survey is not a customer's). */
export function mentions(source: DriverSource, defs: SurveyDefinition[]): Sql | null {
  switch (source) {
    case 'topic':
      return sql`SELECT customer_id, 'topic' AS source, topic_id AS key, "at" FROM voice_documents
        WHERE topic_id IS NOT NULL AND customer_id IS NOT NULL`;
    case 'ticket_category':
      return sql`SELECT customer_id, 'ticket_category' AS source, trim(category) AS key, opened_at AS "at" FROM tickets
        WHERE category IS NOT NULL AND trim(category) <> ''`;
    case 'root_cause':
      return sql`SELECT customer_id, 'root_cause' AS source, trim(root_cause) AS key, opened_at AS "at" FROM cases
        WHERE root_cause IS NOT NULL AND trim(root_cause) <> ''`;
    case 'survey_answer': {
      const scales = scaleQuestions(defs);
      const answered = sql`survey_answers a JOIN surveys s ON s.response_id = a.response_id
        AND coalesce(s.respondent_type, 'customer') = 'customer'`;
      const choices = sql`SELECT s.respondent_id AS customer_id, 'survey_answer' AS source,
          a.survey_id || ':' || a.question_id || '=' || unnest(string_split(a.value_text, '|')) AS key, s.answered_at AS "at"
        FROM ${answered} WHERE a.value_num IS NULL AND a.value_text IS NOT NULL AND a.value_text <> ''
          AND a.question_id IN (${choiceIds(defs)})`;
      if (!scales) return choices;
      return sql`${choices} UNION ALL
        SELECT s.respondent_id, 'survey_answer', a.survey_id || ':' || a.question_id || '=' || ${band()}, s.answered_at
        FROM ${answered} JOIN ${scales} ON sq.survey_id = a.survey_id AND sq.question_id = a.question_id
        WHERE a.value_num IS NOT NULL`;
    }
    default:
      return null;
  }
}

/** The ids of choice questions (text answers are free text, read by the text analysis instead). */
function choiceIds(defs: SurveyDefinition[]): Sql {
  const ids = [
    ...new Set(
      defs.flatMap((d) => d.questions.filter((q) => q.type === 'single' || q.type === 'multiple').map((q) => q.id)),
    ),
  ];
  return ids.length ? sql.join(ids.map((id) => sql`${id}`)) : sql`NULL`;
}
