/**
 * ground-truth.json's `operations`: what the demo's retention operations planted, read from the generator's
 * walks (demo_cases, demo_spans) with the end of the window as "now", not from the case tables, so a test can
 * check the tables against it (operations.test.ts) and the operations metrics can be checked against both.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';

const OPS = DEMO_PARAMS.operations;
const H = HORIZON;
const DAY = 86_400;

/** Per case at the end of the window: its stage, when it was last closed, its SLA breaches, its compensation. */
const AT_END = sql`
  SELECT *,
    CASE WHEN close2_s < ${H} THEN 'closed' WHEN fu2_s < ${H} THEN 'following_up' WHEN impl2_s < ${H} THEN 'implementing'
      WHEN plan2_s < ${H} THEN 'planned' WHEN reopen_s < ${H} THEN 'diagnosed' WHEN close_s < ${H} THEN 'closed'
      WHEN cancel_s < ${H} THEN 'cancelled' WHEN fu_s < ${H} THEN 'following_up' WHEN impl_s < ${H} THEN 'implementing'
      WHEN plan_s < ${H} THEN 'planned' WHEN diag_s < ${H} THEN 'diagnosed' ELSE 'received' END AS stage,
    coalesce(fr < ${H} AND fr > fr_due_s, false) OR (coalesce(fr >= ${H}, true) AND fr_due_s < ${H}) AS fr_breached,
    reopen_s < ${H} AS reopened
  FROM demo_cases`;

const RESOLVED = sql`CASE WHEN reopened THEN CASE WHEN close2_s < ${H} THEN close2_s END
  WHEN close_s < ${H} THEN close_s END`;

const count = (cond: Sql) => sql`CAST(count(*) FILTER (WHERE ${cond}) AS BIGINT)`;
// Summed as cents (DECIMAL), so the figure is exact and the same however DuckDB splits the sum across threads.
const money = (v: Sql) => sql`CAST(coalesce(sum(CAST(${v} AS DECIMAL(18, 2))), 0) AS DOUBLE)`;

/** Rows of (a, b, n) as { a: { b: n } }. */
const nest = (rows: { a: string; b: string; n: number }[]) =>
  rows.reduce<Record<string, Record<string, number>>>((o, r) => {
    o[r.a] = { ...o[r.a], [r.b]: r.n };
    return o;
  }, {});

export async function operationsTruth(ctx: DemoContext, approvalLimit: number): Promise<Record<string, unknown>> {
  const { db } = ctx;
  const ends = sql`(SELECT *, ${RESOLVED} AS resolved_s FROM (${AT_END}))`;
  const stages = await db.all<{ a: string; b: string; n: number }>(
    sql`SELECT kind AS a, stage AS b, CAST(count(*) AS BIGINT) AS n FROM ${ends} GROUP BY ALL ORDER BY ALL`,
  );
  const sources = await db.all<{ a: string; b: string; n: number }>(
    sql`SELECT kind AS a, source AS b, CAST(count(*) AS BIGINT) AS n FROM demo_cases GROUP BY ALL ORDER BY ALL`,
  );
  const resBreached = sql`stage <> 'cancelled' AND coalesce(resolved_s > res_due_s, res_due_s < ${H})`;
  const sla = await db.all<{ kind: string; firstResponse: number; resolution: number; reopened: number }>(sql`
    SELECT kind, ${count(sql`fr_breached`)} AS "firstResponse", ${count(resBreached)} AS resolution,
      ${count(sql`reopened`)} AS reopened, ${count(sql`stage = 'cancelled'`)} AS cancelled
    FROM ${ends} GROUP BY kind ORDER BY kind`);
  // Compensation over every walk: a reopened case's first plan and grant stay in its log.
  const [comp] = await db.all(sql`
    SELECT ${count(sql`plan_s < ${H} AND compensation_amount > 0`)} AS planned,
      ${money(sql`CASE WHEN plan_s < ${H} THEN compensation_amount END`)} AS "plannedAmount",
      ${count(sql`plan_s < ${H} AND compensation_amount > ${approvalLimit}`)} AS "aboveLimit",
      ${count(sql`fu_s < ${H} AND compensation_granted > 0`)} AS granted,
      ${money(sql`CASE WHEN fu_s < ${H} THEN compensation_granted END`)} AS "grantedAmount"
    FROM demo_cases`);
  const outcomes = await db.all<{ a: string; b: string; n: number }>(sql`
    SELECT 'retention' AS a, coalesce(outcome, 'open') AS b, CAST(count(*) AS BIGINT) AS n
    FROM (SELECT CASE WHEN close_s < ${H} THEN outcome END AS outcome FROM demo_cases WHERE kind = 'retention')
    GROUP BY ALL ORDER BY ALL`);
  const days = OPS.retaliationWindowDays;
  const saveEffect = await db.all(sql`
    SELECT outcome, CAST(count(*) AS BIGINT) AS cases,
      ${count(sql`life_end_s < ${H} AND life_end_s <= close_s + ${days * DAY}`)} AS "churnedWithin",
      "churnedWithin" / count(*) AS rate
    FROM demo_cases WHERE kind = 'retention' AND close_s + ${days * DAY} < ${H}
    GROUP BY outcome ORDER BY outcome`);
  const planted = await db.all<{ customer_id: string }>(
    sql`SELECT customer_id FROM demo_spans WHERE retaliated ORDER BY customer_id`,
  );
  // The rule the metrics apply: a churn within the window after a complaint closed unsatisfied or the moment it
  // breached its first-response or resolution target.
  const [candidates] = await db.all<{ n: number }>(sql`
    WITH marks AS (
      SELECT customer_id, close_s AS t FROM ${ends} WHERE kind = 'complaint' AND close_s < ${H} AND satisfied = false
      UNION ALL SELECT customer_id, fr_due_s FROM ${ends} WHERE kind = 'complaint' AND fr_breached
      UNION ALL SELECT customer_id, res_due_s FROM ${ends} WHERE kind = 'complaint' AND ${resBreached}
    )
    SELECT CAST(count(DISTINCT e.customer_id || '|' || CAST(e.churned_at AS VARCHAR)) AS BIGINT) AS n
    FROM churn_events e JOIN marks m ON m.customer_id = e.customer_id
    WHERE epoch(e.churned_at) >= m.t AND epoch(e.churned_at) <= m.t + ${days * DAY}`);
  const [people] = await db.all(sql`SELECT CAST(count(*) AS BIGINT) AS agents FROM demo_agents`);
  const [customers] = await db.all<{ n: number }>(sql`SELECT CAST(count(*) AS BIGINT) AS n FROM customers`);
  const complaints = sources.filter((s) => s.a === 'complaint').reduce((s, r) => s + r.n, 0);
  return {
    asOf: 'the end of the window: a case is open, breached or reopened as it stood at the last moment of lastDay',
    teams: Object.keys(OPS.teams),
    agents: (people as { agents: number }).agents,
    lead: OPS.lead,
    slaPolicy: OPS.sla,
    casesByKindAndStage: nest(stages),
    casesByKindAndSource: nest(sources),
    complaintsPer1000Customers: (1000 * complaints) / (customers?.n || 1),
    breachedByKind: Object.fromEntries(sla.map(({ kind, ...b }) => [kind, b])),
    compensation: { approvalLimit, approver: OPS.lead, ...comp },
    retention: {
      playbook: OPS.playbook.id,
      outcomes: nest(outcomes).retention ?? {},
      savedHazardReduction: DEMO_PARAMS.churn.saved.hazardReduction,
      churnWithinWindowAfterClose: { days, byOutcome: saveEffect },
    },
    retaliatoryChurn: {
      rule:
        'planted: churn events drawn from the extra hazard churn.unsatisfiedComplaint.hazard in the months after a ' +
        'complaint case closed unsatisfied (kind involuntary, category retaliatory); candidates: churn events within ' +
        `${days} days after a complaint closed unsatisfied or breached its first-response or resolution target`,
      planted: planted.length,
      customers: planted.map((p) => p.customer_id),
      windowDays: days,
      candidates: candidates?.n ?? 0,
    },
  };
}
