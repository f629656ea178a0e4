/**
 * Surveys as the workspace keeps them: one row per version, never updated. A change names the version it was
 * based on and adds the next one; two editors at once collide on the key (survey_id, version), and the second
 * is refused with TEN_SURVEY_STALE, never applied over the first. Invitations and answers name their version,
 * so an old answer always reads the questions it answered.
 */
import { isoOf } from '../cases/record.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkSurvey } from './check.ts';
import type { Survey, SurveyDefinition } from './definition.ts';

export interface SurveyActor {
  name: string;
}

interface Row {
  definition: string;
  version: number;
  created_at: string;
  created_by: string;
}

const select = sql`SELECT definition, version, ${isoOf(sql`created_at`)} AS created_at, created_by FROM survey_definitions`;

const surveyOf = (r: Row): Survey => ({
  ...(JSON.parse(r.definition) as SurveyDefinition),
  version: r.version,
  created_at: r.created_at,
  created_by: r.created_by,
});

/**
 * A survey at a version (the latest when none is named), or TEN_SURVEY_NOT_FOUND.
 * @example (await getSurvey(ws, 'post-case')).questions
 */
export async function getSurvey(ws: Workspace, id: string, version?: number): Promise<Survey> {
  const [r] = await ws.db.all<Row & Record<string, unknown>>(
    version === undefined
      ? sql`${select} WHERE survey_id = ${id} ORDER BY version DESC LIMIT 1`
      : sql`${select} WHERE survey_id = ${id} AND version = ${version}`,
  );
  if (!r) throw tenureError('TEN_SURVEY_NOT_FOUND', version === undefined ? { id } : { id, version });
  return surveyOf(r);
}

/** Every version a survey has had, oldest first. */
export async function surveyVersions(ws: Workspace, id: string): Promise<number[]> {
  const rows = await ws.db.all<{ version: number }>(
    sql`SELECT version FROM survey_definitions WHERE survey_id = ${id} ORDER BY version`,
  );
  return rows.map((r) => r.version);
}

/**
 * The latest version of every survey, by id, with its count of versions, invitations and answers. Answers are
 * the responses stored, through a link or imported (answers collected elsewhere, the demo's), not only the
 * links used.
 */
export async function listSurveys(
  ws: Workspace,
): Promise<(Survey & { versions: number; invited: number; answered: number })[]> {
  const rows = await ws.db.all<
    Row & { versions: number; invited: number; answered: number } & Record<string, unknown>
  >(sql`
    WITH latest AS (SELECT survey_id, max(version) AS version, count(*)::INTEGER AS versions
                    FROM survey_definitions GROUP BY survey_id),
         inv AS (SELECT survey_id, count(*)::INTEGER AS invited FROM survey_invitations GROUP BY survey_id),
         ans AS (SELECT survey_id, count(DISTINCT response_id)::INTEGER AS answered FROM survey_answers GROUP BY survey_id)
    SELECT d.definition, d.version, ${isoOf(sql`d.created_at`)} AS created_at, d.created_by, l.versions,
      coalesce(i.invited, 0) AS invited, coalesce(a.answered, 0) AS answered
    FROM survey_definitions d JOIN latest l USING (survey_id, version) LEFT JOIN inv i USING (survey_id)
      LEFT JOIN ans a USING (survey_id)
    ORDER BY d.survey_id`);
  return rows.map((r) => ({ ...surveyOf(r), versions: r.versions, invited: r.invited, answered: r.answered }));
}

async function latestVersion(ws: Workspace, id: string): Promise<number | null> {
  const [r] = await ws.db.all<{ v: number | null }>(
    sql`SELECT max(version) AS v FROM survey_definitions WHERE survey_id = ${id}`,
  );
  return r?.v ?? null;
}

/**
 * Add a survey (no `version`) or change one (the `version` read): either way a new version row. The
 * definition is checked first (checkSurvey); nothing is written when it is refused.
 * @example await saveSurvey(ws, { name: 'li.wei' }, JSON.parse(readFileSync('nps.json', 'utf8')))
 */
export async function saveSurvey(ws: Workspace, actor: SurveyActor, input: unknown): Promise<Survey> {
  const { definition, version } = await checkSurvey(ws, input);
  const id = definition.id;
  const current = await latestVersion(ws, id);
  if (version === undefined && current !== null)
    throw tenureError('TEN_SURVEY_EXISTS', { id, current }, {}, { version: current });
  if (version !== undefined && current === null) throw tenureError('TEN_SURVEY_NOT_FOUND', { id });
  if (version !== undefined && current !== version)
    throw tenureError('TEN_SURVEY_STALE', { id, expected: version, current: current ?? 0 }, {}, { version: current });
  const next = (current ?? 0) + 1;
  try {
    await ws.db.run(sql`INSERT INTO survey_definitions
      (survey_id, version, kind, title_en, title_zh, questions, definition, created_at, created_by)
      VALUES (${id}, ${next}, ${definition.kind}, ${definition.title.en}, ${definition.title['zh-CN']},
        ${JSON.stringify(definition.questions)}, ${JSON.stringify(definition)}, ${new Date().toISOString()}, ${actor.name})`);
  } catch (e) {
    // Another editor added this version a moment ago: the key says so.
    const now = await latestVersion(ws, id);
    if (now !== null && now >= next)
      throw version === undefined
        ? tenureError('TEN_SURVEY_EXISTS', { id, current: now }, {}, { version: now })
        : tenureError('TEN_SURVEY_STALE', { id, expected: version, current: now }, {}, { version: now });
    throw e;
  }
  return getSurvey(ws, id, next);
}

/**
 * Remove a survey that nobody has answered (TEN_SURVEY_IN_USE otherwise: answers keep what they answered),
 * with its versions and open links.
 * @example await deleteSurvey(ws, 'draft-nps')
 */
export async function deleteSurvey(ws: Workspace, id: string): Promise<void> {
  await getSurvey(ws, id);
  const [r] = await ws.db.all<{ n: number }>(
    sql`SELECT count(*)::INTEGER AS n FROM survey_answers WHERE survey_id = ${id}`,
  );
  const answers = r?.n ?? 0;
  if (answers) throw tenureError('TEN_SURVEY_IN_USE', { id, answers });
  await ws.db.transaction(async () => {
    await ws.db.run(sql`DELETE FROM survey_invitations WHERE survey_id = ${id}`);
    await ws.db.run(sql`DELETE FROM survey_definitions WHERE survey_id = ${id}`);
  });
}
