/**
 * The demo's cases as walks through the five steps: demo_cases holds one row per case with the moment it
 * entered each stage (null when it never did), its findings and its owner. Cases come from
 * - tickets: every complaint never resolved (it stays open, `stuck`), every complaint closed unsatisfied (the
 *   retaliatory-churn driver, `unsatisfied`), a share of the other tickets by priority (complaints, `worked`),
 *   and a share of product and service tickets (service requests, `worked`);
 * - the at-risk playbook: the retention case drawn with its outcome in lives.ts (`retention`);
 * - compensation granted: a follow-up case after some of those complaints (`follow_up`).
 * Steps take exponential times, shrunk so a case closes within `maxDays` (the drivers' lag relies on it); a
 * ticket's case opens with its ticket and answers when it does. Events are written from these rows (case-log.ts).
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { choose, lookup, pick } from './random.ts';

const OPS = DEMO_PARAMS.operations;
const DAY = 86_400;
const ck = sql`ck`;

export interface WalkOptions {
  /** Compensation above this needs the lead's approval (the workspace's `cases.approval_limit`). */
  approvalLimit: number;
  /** A demo text in the demo's language. */
  say: (en: string) => string;
}

/** Mean hours of `step` for the row's kind. */
const meanHours = (step: keyof (typeof OPS.stageHours)['complaint']) =>
  lookup(sql`kind`, Object.fromEntries(Object.entries(OPS.stageHours).map(([k, h]) => [k, h[step]])));

/** The SLA target (hours) of the row's kind and priority: 0 = first response, 1 = resolution. */
const target = (i: 0 | 1): Sql => {
  const whens = Object.entries(OPS.sla.targets).map(
    ([kind, byPriority]) =>
      sql`WHEN ${kind} THEN ${lookup(sql`priority`, Object.fromEntries(Object.entries(byPriority).map(([p, t]) => [p, t[i]])))}`,
  );
  return sql`(CASE kind ${sql.join(whens, sql` `)} END)`;
};

const texts = (o: WalkOptions, m: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, o.say(v)]));

/** Build demo_cases. */
export async function writeWalks(ctx: DemoContext, o: WalkOptions): Promise<void> {
  await ctx.db.run(
    sql`CREATE OR REPLACE TEMP TABLE demo_case_walks AS ${walked(ctx, o, sql`${ticketCases(ctx)} UNION ALL BY NAME ${retentionCases(ctx, o)}`)}`,
  );
  await ctx.db.run(sql`INSERT INTO demo_case_walks BY NAME ${walked(ctx, o, followUps(ctx, o))}`);
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_cases AS
    SELECT w.* EXCLUDE (turn), printf('CASE-%06d', row_number() OVER (ORDER BY w.opened_s, w.ck)) AS case_id,
      a.username AS owner
    FROM (SELECT *, row_number() OVER (PARTITION BY team ORDER BY opened_s, ck) - 1 AS turn FROM demo_case_walks) w
    JOIN demo_agents a ON a.team = w.team AND a.i = w.turn % a.size`);
  await ctx.db.run(sql`
    UPDATE demo_cases f SET source_ref = p.case_id FROM demo_cases p WHERE f.parent_ck = p.ck`);
}

/**
 * Cases from tickets; a ticket's number (its id) keys the draws, its source (id mod 4, tickets.ts) its kind (the
 * case's, drawn here: the ticket's own `kind` column is left out, so it cannot stand in for it).
 */
function ticketCases(ctx: DemoContext): Sql {
  const { r } = ctx;
  const num = sql`num`;
  return sql`
    SELECT num * 8 + CASE kind WHEN 'complaint' THEN 0 ELSE 1 END AS ck, CAST(NULL AS BIGINT) AS parent_ck,
      customer_id, kind, CASE src WHEN 1 THEN 'stuck' WHEN 3 THEN 'unsatisfied' ELSE 'worked' END AS variant,
      'ticket' AS source, ticket_id AS source_ref, priority, text AS subject,
      ${lookup(sql`category`, OPS.rootCauseOfCategory)} AS root_cause,
      CAST(epoch(opened_at) AS BIGINT) AS opened_s, CAST(epoch(first_response_at) AS BIGINT) AS ticket_fr_s,
      CAST(NULL AS VARCHAR) AS drawn_outcome, CAST(NULL AS BIGINT) AS life_end_s
    FROM (
      SELECT *, CASE WHEN src IN (1, 3) OR ${r.u('caseEscalate', num)} < ${lookup(sql`priority`, OPS.escalation)}
          THEN 'complaint'
        WHEN category IN ('product', 'service') AND ${r.u('caseServiceRequest', num)} < ${OPS.serviceRequestShare}
          THEN 'service_request' END AS kind
      FROM (SELECT *, num % 4 AS src FROM (SELECT * EXCLUDE (kind), CAST(substr(ticket_id, 2) AS BIGINT) AS num FROM tickets))
      WHERE src <> 2
    )
    WHERE kind IS NOT NULL`;
}

/** The playbook's retention cases: opened in the month drawn in lives.ts while the customer is still there. */
function retentionCases(ctx: DemoContext, o: WalkOptions): Sql {
  const { r } = ctx;
  return sql`
    SELECT ck, CAST(NULL AS BIGINT) AS parent_ck, customer_id, 'retention' AS kind, 'retention' AS variant,
      'score' AS source, CAST(NULL AS VARCHAR) AS source_ref, ${OPS.playbook.priority} AS priority,
      ${o.say(OPS.texts.retentionSubject)} AS subject,
      ${pick(r.u('caseRootCause', ck), OPS.retentionRootCauses)} AS root_cause,
      ${r.within(sql`ms_s`, sql`least(me_s, end_s)`, 'caseOpenAt', ck)} AS opened_s,
      CAST(NULL AS BIGINT) AS ticket_fr_s, rt_outcome AS drawn_outcome, end_s AS life_end_s
    FROM (
      SELECT (sp.n * 4 + sp.life) * 8 + 2 AS ck, sp.customer_id, sp.rt_outcome, sp.end_s, mo.ms_s, mo.me_s
      FROM demo_spans sp JOIN demo_months mo ON mo.m = sp.rt_m
      WHERE sp.rt_m <= sp.end_m
    )`;
}

/** Follow-ups of complaints that granted compensation, opened some days after the complaint first closed. */
function followUps(ctx: DemoContext, o: WalkOptions): Sql {
  const { r } = ctx;
  const f = OPS.followUp;
  return sql`
    SELECT * FROM (
      SELECT ck * 8 + 3 AS ck, ck AS parent_ck, customer_id, 'follow_up' AS kind, 'follow_up' AS variant,
        'manual' AS source, CAST(NULL AS VARCHAR) AS source_ref, 'low' AS priority,
        ${o.say(OPS.texts.followUpSubject)} AS subject, root_cause,
        close_s + ${r.within(sql`${3 * DAY}`, sql`${f.maxDays * DAY}`, 'caseFollowUpAt', ck)} AS opened_s,
        CAST(NULL AS BIGINT) AS ticket_fr_s, CAST(NULL AS VARCHAR) AS drawn_outcome, CAST(NULL AS BIGINT) AS life_end_s
      FROM demo_case_walks
      WHERE kind = 'complaint' AND variant = 'worked' AND compensation_granted > 0 AND close_s IS NOT NULL
        AND ${r.u('caseFollowUp', ck)} < ${f.share}
    ) WHERE opened_s < ${HORIZON}`;
}

/** Base rows with their stage times and findings, built up one layer of columns at a time (innermost first). */
function walked(ctx: DemoContext, o: WalkOptions, base: Sql): Sql {
  const { r } = ctx;
  const gap = (step: Parameters<typeof meanHours>[0], k: number) =>
    sql`(-ln(${r.u('caseStage', ck, sql`${k}`)}) * ${meanHours(step)} * 3600)`;
  const at = (t: Sql) => sql`CAST(round(${t}) AS BIGINT)`;
  const c = OPS.compensation;
  const pb = OPS.playbook;
  const half = (r1: Sql) => sql`(${r1} < 0.5)::INTEGER`;
  // Each step's time, then only up to the stage a case stops at (stuck or cancelled): null after it.
  const steps = ['diag', 'plan', 'impl', 'fu', 'close'];
  const gs = ['g1', 'g2', 'g3', 'g4', 'g5'].map((g) => sql.id(g));
  const raw = steps.map(
    (s, i) => sql`${at(sql`fr + scale * (${sql.join(gs.slice(0, i + 1), sql` + `)})`)} AS ${sql.id(`${s}_t`)}`,
  );
  const upTo = steps.map((s, i) => sql`CASE WHEN keep >= ${i + 1} THEN ${sql.id(`${s}_t`)} END AS ${sql.id(`${s}_s`)}`);
  // The second walk of a reopened case: planned, started, carried out and followed up again from the reopening.
  const second = ['plan', 'start', 'implement', 'followUp'] as const;
  const again = ['plan2_s', 'impl2_s', 'fu2_s', 'close2_s'].map(
    (name, i) =>
      sql`reopen_s + ${at(
        sql.join(
          second.slice(0, i + 1).map((x, j) => gap(x, 6 + j)),
          sql` + `,
        ),
      )} AS ${sql.id(name)}`,
  );
  const l0 = sql`
    SELECT b.*,
      CASE WHEN source = 'ticket' THEN ticket_fr_s ELSE opened_s + ${at(gap('response', 0))} END AS fr,
      ${gap('diagnose', 1)} AS g1, ${gap('plan', 2)} AS g2, ${gap('start', 3)} AS g3,
      ${gap('implement', 4)} AS g4, ${gap('followUp', 5)} AS g5,
      ${lookup(sql`priority`, OPS.severityOfPriority)} AS severity,
      ${r.u('caseFault', ck)} < ${lookup(sql`root_cause`, OPS.faultShare)} AS company_at_fault,
      CASE WHEN kind IN ('retention', 'follow_up') THEN 'retention' WHEN root_cause = 'billing' THEN 'billing'
        ELSE 'care' END AS team,
      CASE WHEN kind = 'follow_up' THEN ${o.say(OPS.texts.actionPlan.followUp)}
        ELSE ${lookup(sql`root_cause`, texts(o, OPS.texts.actionPlan))} END AS action_plan,
      CASE WHEN kind = 'follow_up' THEN ${o.say(OPS.texts.actionsDone.followUp)}
        ELSE ${lookup(sql`root_cause`, texts(o, OPS.texts.actionsDone))} END AS actions_done,
      opened_s + ${target(0)} * 3600 AS fr_due_s, opened_s + ${target(1)} * 3600 AS res_due_s
    FROM (${base}) b`;
  const l1 = sql`
    SELECT *, least(1, greatest(0, ${OPS.maxDays * DAY} - (fr - opened_s)) / (g1 + g2 + g3 + g4 + g5)) AS scale,
      CASE WHEN variant <> 'stuck' THEN NULL WHEN fr IS NULL THEN 'received'
        ELSE ${pick(r.u('caseStuck', ck), OPS.stuckStages)} END AS stuck_at,
      CASE WHEN variant = 'worked' AND ${r.u('caseCancel', ck)} < ${OPS.cancelShare}
        THEN ${choose(r.u('caseCancelAt', ck), ['diagnosed', 'planned', 'implementing'])} END AS cancel_at
    FROM (${l0})`;
  const l2 = sql`
    SELECT *, ${sql.join(raw)},
      CASE coalesce(stuck_at, cancel_at) WHEN 'received' THEN 0 WHEN 'diagnosed' THEN 1 WHEN 'planned' THEN 2
        WHEN 'implementing' THEN 3 ELSE 5 END AS keep
    FROM (${l1})`;
  const l3 = sql`
    SELECT * EXCLUDE (g1, g2, g3, g4, g5, scale, diag_t, plan_t, impl_t, fu_t, close_t), ${sql.join(upTo)},
      CASE cancel_at WHEN 'diagnosed' THEN (diag_t + plan_t) // 2 WHEN 'planned' THEN (plan_t + impl_t) // 2
        WHEN 'implementing' THEN (impl_t + fu_t) // 2 END AS cancel_s,
      kind = 'complaint' AND company_at_fault AND ${r.u('caseCompensation', ck)} < ${c.share} AS comp
    FROM (${l2})`;
  const l4 = sql`
    SELECT *,
      CASE WHEN kind = 'retention' AND drawn_outcome = 'saved' AND life_end_s <= close_s THEN 'lost'
        WHEN kind = 'retention' THEN drawn_outcome END AS outcome,
      CASE WHEN variant = 'worked' AND kind = 'complaint' AND close_s IS NOT NULL
          AND ${r.u('caseReopen', ck)} < ${OPS.reopen.share}
        THEN close_s + ${at(sql`-ln(${r.u('caseReopenAt', ck)}) * ${OPS.reopen.meanDays * DAY}`)} END AS reopen_s,
      CASE WHEN kind = 'retention' THEN round(${r.logNormal(pb.discountMean, pb.discountSigma, 'caseAmount', ck)}, 2)
        WHEN comp THEN round(${r.logNormal(c.amountMean, c.amountSigma, 'caseAmount', ck)}, 2) END
        AS compensation_amount
    FROM (${l3})`;
  const l5 = sql`
    SELECT *, ${sql.join(again)},
      CASE variant WHEN 'unsatisfied' THEN true WHEN 'retention' THEN outcome <> 'no_contact'
        ELSE ${r.u('caseContact', ck)} < ${OPS.contactShare} END AS contacted,
      CASE WHEN kind = 'retention' THEN 'discount' WHEN comp THEN ${lookup(sql`root_cause`, c.kindOfRootCause)} END
        AS compensation_kind,
      CASE WHEN compensation_amount > ${o.approvalLimit} THEN ${OPS.lead} END AS approved_by,
      CASE WHEN kind = 'retention' THEN CASE WHEN outcome = 'saved' THEN compensation_amount ELSE 0 END
        WHEN comp THEN CASE WHEN ${r.u('caseGranted', ck)} < ${c.fullShare} THEN compensation_amount
          ELSE round(compensation_amount / 2, 2) END
      END AS compensation_granted,
      4 + ${half(r.u('caseCsat', ck, sql`2`))} AS csat2
    FROM (${l4})`;
  const l6 = sql`
    SELECT *, CASE WHEN NOT contacted THEN NULL WHEN variant = 'unsatisfied' THEN false
        WHEN kind = 'retention' THEN outcome = 'saved' ELSE true END AS satisfied
    FROM (${l5})`;
  return sql`
    SELECT * EXCLUDE (comp),
      CASE WHEN satisfied THEN 4 WHEN kind = 'retention' THEN 2 WHEN satisfied = false THEN 1 END
        + ${half(r.u('caseCsat', ck, sql`1`))} AS csat
    FROM (${l6})`;
}
