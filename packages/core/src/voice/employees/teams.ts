/**
 * Employee satisfaction by dimension (work environment, content of work, pay, training and development, and any
 * custom dimension a survey names) and by team (an employee's answers count for each team they belong to:
 * `team_members`; once in the overall means), beside the cases each team handled: their mean CSAT and the save rate of retention cases
 * (saved ÷ decided, as the retention_save_rate metric counts). Aggregated in SQL; each team's satisfaction is
 * the mean of its members' scale answers rescaled to 0–1, so 1–5 and 0–10 questions weigh alike.
 */
import type { Connection } from '../../engine/engine.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { surveyDefinitions } from '../drivers/survey-definition.ts';
import { type TeamCorrelation, teamCorrelation } from './correlation.ts';

export interface EmployeeOptions {
  surveyId?: string;
  /** YYYY-MM-DD: cases closed from this day on count. */
  since?: string;
}

export interface DimensionMean {
  dimension: string;
  answers: number;
  mean: number;
}

export interface TeamSatisfaction {
  team: string;
  respondents: number;
  dimensions: DimensionMean[];
  satisfaction: number | null;
  casesClosed: number;
  caseCsat: number | null;
  retentionDecided: number;
  saveRate: number | null;
}

export interface EmployeeSatisfaction {
  dimensions: string[];
  overall: DimensionMean[];
  teams: TeamSatisfaction[];
  csat: TeamCorrelation;
  saveRate: TeamCorrelation;
}

const DECIDED = ['saved', 'lost', 'no_contact', 'not_worth_retaining'];

/**
 * @example
 * await employeeSatisfaction(ws.db); // { teams: [{ team: 'care', satisfaction: 0.68, caseCsat: 3.9, saveRate: 0.41, … }], csat: { teams: 3, lower: null, … } }
 */
export async function employeeSatisfaction(
  conn: Connection,
  opts: EmployeeOptions = {},
): Promise<EmployeeSatisfaction> {
  const defs = (await surveyDefinitions(conn, 'employee')).filter(
    (d) => !opts.surveyId || d.surveyId === opts.surveyId,
  );
  const scales = defs.flatMap((d) =>
    d.questions.flatMap((q) =>
      q.type === 'scale_0_10' || q.type === 'scale_1_5'
        ? [
            sql`(${d.surveyId}, ${q.id}, ${q.type === 'scale_0_10' ? 0 : 1}, ${q.type === 'scale_0_10' ? 10 : 5}, ${q.main ? 1 : 0})`,
          ]
        : [],
    ),
  );
  const answers: Sql = scales.length
    ? sql`SELECT s.respondent_id AS username, coalesce(a.dimension, CASE WHEN q.main = 1 THEN 'enps' ELSE a.question_id END) AS dimension,
        a.value_num AS value, (a.value_num - q.lo) / (q.hi - q.lo) AS unit
      FROM survey_answers a JOIN surveys s ON s.response_id = a.response_id AND s.respondent_type = 'employee'
        JOIN (VALUES ${sql.join(scales)}) AS q(survey_id, question_id, lo, hi, main)
          ON q.survey_id = a.survey_id AND q.question_id = a.question_id
      WHERE a.value_num IS NOT NULL`
    : sql`SELECT CAST(NULL AS VARCHAR) AS username, CAST(NULL AS VARCHAR) AS dimension, CAST(NULL AS DOUBLE) AS value,
        CAST(NULL AS DOUBLE) AS unit WHERE FALSE`;
  const byDimension = await conn.all<{ team: string | null; dimension: string; answers: number; mean: number }>(sql`
    WITH e AS (${answers})
    SELECT m.team, e.dimension, count(*) AS answers, avg(e.value) AS mean
    FROM e JOIN team_members m ON m.username = e.username GROUP BY m.team, e.dimension
    UNION ALL
    SELECT NULL, e.dimension, count(*), avg(e.value) FROM e GROUP BY e.dimension
    ORDER BY 1 NULLS FIRST, 2`);
  const closedFrom = opts.since ? sql`AND c.closed_at >= CAST(${opts.since} AS TIMESTAMP)` : sql``;
  const teams = await conn.all<{
    team: string;
    respondents: number;
    satisfaction: number | null;
    cases_closed: number;
    case_csat: number | null;
    decided: number;
    saved: number;
  }>(sql`
    WITH e AS (${answers}),
    sat AS (SELECT m.team, count(DISTINCT e.username) AS respondents, avg(e.unit) AS satisfaction
      FROM e JOIN team_members m ON m.username = e.username GROUP BY m.team),
    cs AS (SELECT c.team, count(*) AS cases_closed, avg(c.csat) AS case_csat,
        count(*) FILTER (WHERE c.kind = 'retention' AND c.outcome IN (${sql.join(DECIDED.map((d) => sql`${d}`))})) AS decided,
        count(*) FILTER (WHERE c.kind = 'retention' AND c.outcome = 'saved') AS saved
      FROM cases c WHERE c.team IS NOT NULL AND c.closed_at IS NOT NULL AND c.stage = 'closed' ${closedFrom} GROUP BY c.team)
    SELECT t.team, coalesce(sat.respondents, 0) AS respondents, sat.satisfaction,
      coalesce(cs.cases_closed, 0) AS cases_closed, cs.case_csat, coalesce(cs.decided, 0) AS decided, coalesce(cs.saved, 0) AS saved
    FROM (SELECT team FROM teams UNION SELECT team FROM sat UNION SELECT team FROM cs) t
      LEFT JOIN sat ON sat.team = t.team LEFT JOIN cs ON cs.team = t.team
    ORDER BY t.team`);
  const rows: TeamSatisfaction[] = teams.map((t) => ({
    team: t.team,
    respondents: Number(t.respondents),
    dimensions: byDimension.filter((d) => d.team === t.team).map(dimensionMean),
    satisfaction: t.satisfaction === null ? null : Number(t.satisfaction),
    casesClosed: Number(t.cases_closed),
    caseCsat: t.case_csat === null ? null : Number(t.case_csat),
    retentionDecided: Number(t.decided),
    saveRate: Number(t.decided) > 0 ? Number(t.saved) / Number(t.decided) : null,
  }));
  const overall = byDimension.filter((d) => d.team === null).map(dimensionMean);
  const pairs = (figure: (t: TeamSatisfaction) => number | null) => {
    const both = rows.filter((t) => t.satisfaction !== null && figure(t) !== null);
    return teamCorrelation(
      both.map((t) => t.satisfaction!),
      both.map((t) => figure(t)!),
    );
  };
  return {
    dimensions: overall.map((d) => d.dimension),
    overall,
    teams: rows,
    csat: pairs((t) => t.caseCsat),
    saveRate: pairs((t) => t.saveRate),
  };
}

const dimensionMean = (d: { dimension: string; answers: number; mean: number }): DimensionMean => ({
  dimension: d.dimension,
  answers: Number(d.answers),
  mean: Number(d.mean),
});
