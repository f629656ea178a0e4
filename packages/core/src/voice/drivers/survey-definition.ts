/**
 * A survey's questions as the surveys slice stores them (`survey_definitions.questions`, JSON), read at their
 * latest version: question ids are kept across versions, so answers of every version line up with them.
 */
import type { Connection } from '../../engine/engine.ts';
import { tenureError } from '../../errors.ts';
import type { Text } from '../../present/text.ts';
import { sql } from '../../sql/sql.ts';

export interface SurveyQuestion {
  id: string;
  type: 'scale_0_10' | 'scale_1_5' | 'single' | 'multiple' | 'text';
  text: Text;
  options?: { id: string; text: Text }[];
  dimension?: string;
  required?: boolean;
  main?: boolean;
}

export interface SurveyDefinition {
  surveyId: string;
  version: number;
  kind: string;
  questions: SurveyQuestion[];
}

export const isScale = (q: SurveyQuestion) => q.type === 'scale_0_10' || q.type === 'scale_1_5';

/** The latest version of every survey (several surveys at once: one statement). */
export async function surveyDefinitions(conn: Connection, kind?: string): Promise<SurveyDefinition[]> {
  const rows = await conn.all<{ survey_id: string; version: number; kind: string; questions: string }>(sql`
    SELECT d.survey_id, d.version, d.kind, d.questions FROM survey_definitions d
    JOIN (SELECT survey_id, max(version) AS version FROM survey_definitions GROUP BY survey_id) l
      ON l.survey_id = d.survey_id AND l.version = d.version
    ${kind === undefined ? sql`` : sql`WHERE d.kind = ${kind}`}
    ORDER BY d.created_at DESC, d.survey_id`);
  return rows.map((r) => ({
    surveyId: r.survey_id,
    version: Number(r.version),
    kind: r.kind,
    questions: JSON.parse(r.questions) as SurveyQuestion[],
  }));
}

/** One survey's latest definition; TEN_VOICE_NO_SURVEY when there is none. */
export async function surveyDefinition(conn: Connection, surveyId: string): Promise<SurveyDefinition> {
  const found = (await surveyDefinitions(conn)).find((d) => d.surveyId === surveyId);
  if (!found) throw tenureError('TEN_VOICE_NO_SURVEY', { survey: surveyId });
  return found;
}
