/**
 * What a leaving customer said about one churn event: their exit survey answers (the comment and the options
 * chosen, by their text) answered from a week before the churn to half a year after, and the churn note; each
 * with the topic the text analysis gave it, whose label and terms the rules read too.
 */
import type { Connection } from '../../engine/engine.ts';
import { sql } from '../../sql/sql.ts';
import { surveyDefinitions } from '../drivers/survey-definition.ts';

/** An exit survey belongs to a churn event when answered in [churned_at − 7 days, churned_at + 180 days). */
export const EXIT_WINDOW = { beforeDays: 7, afterDays: 180 } as const;

export interface ExitText {
  source: 'exit_survey' | 'churn_note';
  text: string;
  topicId: string | null;
}

export interface ExitEventKey {
  customerId: string;
  churnedAt: string;
}

const keyOf = (customer: string, at: string) => `${customer}\u0000${at}`;

/** Exit survey rows joined to their churn event: (customer_id, churned_at, response_id, comment). */
export const exitSurveys = sql`SELECT e.customer_id, CAST(e.churned_at AS VARCHAR) AS churned_at, s.response_id, s.comment
  FROM churn_events e JOIN surveys s ON s.respondent_id = e.customer_id AND s.kind = 'exit'
    AND s.answered_at >= e.churned_at - INTERVAL (${EXIT_WINDOW.beforeDays}) DAY
    AND s.answered_at < e.churned_at + INTERVAL (${EXIT_WINDOW.afterDays}) DAY`;

/** The texts of each event, keyed `customer \0 churned_at`, and the topic texts the rules read as well. */
export async function exitTexts(
  conn: Connection,
  events: readonly ExitEventKey[],
): Promise<{ texts: Map<string, ExitText[]>; topicTerms: Map<string, string> }> {
  const texts = new Map<string, ExitText[]>();
  const topicTerms = new Map<string, string>();
  if (!events.length) return { texts, topicTerms };
  const wanted = sql.join(events.map((e) => sql`(${e.customerId}, ${e.churnedAt})`));
  const rows = await conn.all<{
    customer_id: string;
    churned_at: string;
    source: ExitText['source'];
    response_id: string | null;
    text: string | null;
    topic_id: string | null;
  }>(sql`
    WITH w AS (SELECT * FROM (VALUES ${wanted}) AS w(customer_id, churned_at)),
    sv AS (SELECT x.* FROM (${exitSurveys}) x JOIN w ON w.customer_id = x.customer_id AND w.churned_at = x.churned_at)
    SELECT sv.customer_id, sv.churned_at, 'exit_survey' AS source, sv.response_id, sv.comment AS text, d.topic_id
    FROM sv LEFT JOIN voice_documents d ON d.source = 'survey' AND d.doc_id = sv.response_id
    UNION ALL
    SELECT e.customer_id, CAST(e.churned_at AS VARCHAR), 'churn_note', NULL, e.note, d.topic_id
    FROM churn_events e JOIN w ON w.customer_id = e.customer_id AND w.churned_at = CAST(e.churned_at AS VARCHAR)
      LEFT JOIN voice_documents d ON d.source = 'churn_note' AND d.customer_id = e.customer_id AND d."at" = e.churned_at
    WHERE e.note IS NOT NULL AND trim(e.note) <> ''
    ORDER BY 1, 2, 3, 4`);
  const options = await chosenOptions(
    conn,
    rows.flatMap((r) => (r.response_id ? [r.response_id] : [])),
  );
  for (const r of rows) {
    const said = [r.text ?? '', ...(r.response_id ? (options.get(r.response_id) ?? []) : [])].filter((t) => t.trim());
    const list = texts.get(keyOf(r.customer_id, r.churned_at)) ?? [];
    for (const text of said) list.push({ source: r.source, text, topicId: r.topic_id });
    texts.set(keyOf(r.customer_id, r.churned_at), list);
  }
  const topics = [...new Set(rows.flatMap((r) => (r.topic_id ? [r.topic_id] : [])))];
  if (topics.length) {
    const found = await conn.all<{ topic_id: string; label: string; terms: string | null }>(sql`
      SELECT topic_id, label, terms FROM voice_topics WHERE topic_id IN (${sql.join(topics.map((t) => sql`${t}`))})`);
    for (const t of found) topicTerms.set(t.topic_id, [t.label, ...termsOf(t.terms)].join(' '));
  }
  return { texts, topicTerms };
}

export const exitKey = keyOf;

function termsOf(json: string | null): string[] {
  try {
    const parsed = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** The options chosen in each response, by their text in both languages (an option id says little). */
async function chosenOptions(conn: Connection, responses: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!responses.length) return out;
  const rows = await conn.all<{ response_id: string; survey_id: string; question_id: string; value_text: string }>(sql`
    SELECT response_id, survey_id, question_id, value_text FROM survey_answers
    WHERE response_id IN (${sql.join(responses.map((r) => sql`${r}`))}) AND value_num IS NULL AND value_text IS NOT NULL`);
  if (!rows.length) return out;
  const defs = await surveyDefinitions(conn);
  for (const r of rows) {
    const q = defs.find((d) => d.surveyId === r.survey_id)?.questions.find((x) => x.id === r.question_id);
    if (!q?.options) continue;
    const picked = r.value_text.split('|').flatMap((id) => {
      const o = q.options?.find((x) => x.id === id);
      return o ? [`${o.text.en} ${o.text['zh-CN']}`] : [];
    });
    out.set(r.response_id, [...(out.get(r.response_id) ?? []), ...picked]);
  }
  return out;
}
