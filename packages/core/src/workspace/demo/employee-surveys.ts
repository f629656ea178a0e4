/**
 * The demo's employee pulse survey: the staff users (agents and their lead) answer a quarterly survey whose
 * main question is eNPS (0–10) and whose other questions score four dimensions on 1–5 (work environment,
 * content of work, pay, training and development), stored as the surveys slice stores answers (one `surveys`
 * row per answer, one `survey_answers` row per question), so the employee view has teams to compare. Each
 * team has a planted lift of its own on every dimension (TEAM_LIFT), so the teams differ; with three teams
 * the demo shows the "too few teams to say anything" statement of the correlation with case outcomes.
 */
import { sql } from '../../sql/sql.ts';
import { surveyInput } from '../../surveys/definition.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { scaled, toTs } from './random.ts';
import { demoUsers } from './staff.ts';

export const EMPLOYEE_SURVEY = 'employee-pulse';
const SAT = DEMO_PARAMS.satisfaction;
const DIMENSIONS = [
  ['environment', 'The place I work in helps me do my job well', '工作环境有助于我做好工作'],
  ['work_content', 'My work is interesting and meaningful', '我的工作内容有意义、有兴趣'],
  ['pay', 'I am paid fairly for what I do', '我的薪酬与付出相符'],
  ['training', 'I get the training and development I need', '我得到了所需的培训与发展机会'],
] as const;
/** Satisfaction added to every answer of a team's members (on the 0–1 scale before scoring). */
const TEAM_LIFT: Record<string, number> = { care: 0, billing: -0.12, retention: 0.1 };

const questions = [
  {
    id: 'enps',
    type: 'scale_0_10',
    main: true,
    required: true,
    text: {
      en: 'How likely are you to recommend us as a place to work?',
      'zh-CN': '您有多大可能推荐朋友来我们这里工作？',
    },
  },
  ...DIMENSIONS.map(([id, en, zh]) => ({
    id,
    type: 'scale_1_5',
    dimension: id,
    required: true,
    text: { en, 'zh-CN': zh },
  })),
];

/** Write the definition, the answers and their `surveys` rows, beside the other surveys (before the ground truth counts rows). */
export async function writeEmployeeSurveys(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const title = { en: 'Employee pulse', 'zh-CN': '员工满意度调查' };
  // Through the surveys' own schema, so the stored definition has every default a saved one has (its triggers,
  // how long its links last): the survey list and results read it as any other.
  const { version: _, ...definition } = surveyInput.parse({ id: EMPLOYEE_SURVEY, kind: 'employee', title, questions });
  await ctx.db.run(sql`DELETE FROM survey_answers WHERE survey_id = ${EMPLOYEE_SURVEY}`);
  await ctx.db.run(sql`DELETE FROM survey_definitions WHERE survey_id = ${EMPLOYEE_SURVEY}`);
  await ctx.db.run(sql`INSERT INTO survey_definitions
      (survey_id, version, kind, title_en, title_zh, questions, definition, created_at, created_by)
    SELECT ${EMPLOYEE_SURVEY}, 1, 'employee', ${title.en}, ${title['zh-CN']}, ${JSON.stringify(questions)},
      ${JSON.stringify(definition)}, ${toTs(sql`min(ms_s)`)}, 'demo'
    FROM demo_months`);
  const lift = sql`CASE u.team ${sql.join(
    Object.entries(TEAM_LIFT).map(([team, v]) => sql`WHEN ${team} THEN ${v}`),
    sql` `,
  )} ELSE 0 END`;
  // The staff as params.ts names them (written as users by writeOperations, later): one team per agent, the lead
  // in none (no team lift). A user's random key: a BIGINT (hash is UINT64).
  const teamOf = new Map<string, string>(
    Object.entries(DEMO_PARAMS.operations.teams).flatMap(([team, t]) => t.agents.map((u) => [u, team] as const)),
  );
  const staff = demoUsers().map((u) => sql`(${u.username}, ${teamOf.get(u.username) ?? null})`);
  const userKey = sql`CAST(hash(u.username) % 1000003 AS BIGINT)`;
  await ctx.db.run(sql`CREATE OR REPLACE TEMP TABLE demo_pulse AS
    SELECT 'PULSE-' || u.username || '-' || strftime(${toTs(sql`m.ms_s`)}, '%Y%m') AS response_id, u.username,
      ${toTs(r.within(sql`m.ms_s`, sql`m.me_s`, 'employeeAt', userKey, sql`m.m`))} AS answered_at,
      coalesce(${lift}, 0) AS lift, ${userKey} AS h, m.m
    FROM (VALUES ${sql.join(staff)}) AS u(username, team)
      CROSS JOIN demo_months m
    WHERE m.moy IN (3, 6, 9, 12) AND ${r.u('employee', userKey, sql`m.m`)} < ${DEMO_PARAMS.surveys.employeeResponse}`);
  const score = (i: number) =>
    sql`${SAT.employeeMean} + lift + ${SAT.sigma} * ${r.normal('employeeScore', sql`h`, sql`m`, sql`${i}`)}`;
  await ctx.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, dimension, value_num)
    SELECT response_id, ${EMPLOYEE_SURVEY}, 1, 'enps', NULL, ${scaled(score(0), 0, 10)} FROM demo_pulse
    ${sql.join(
      DIMENSIONS.map(
        ([id], i) =>
          sql`UNION ALL SELECT response_id, ${EMPLOYEE_SURVEY}, 1, ${id}, ${id}, ${scaled(score(i + 1), 1, 5)} FROM demo_pulse`,
      ),
      sql` `,
    )}`);
  await ctx.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score)
    SELECT p.response_id, 'employee', p.username, p.answered_at, 'employee', a.value_num
    FROM demo_pulse p JOIN survey_answers a ON a.response_id = p.response_id AND a.question_id = 'enps'`);
  await ctx.db.run(sql`DROP TABLE demo_pulse`);
}
