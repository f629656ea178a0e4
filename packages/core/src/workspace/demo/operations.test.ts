/**
 * The demo's retention operations: the case tables hold what ground-truth.json says was planted (read from the
 * tables here, independently of the generator's own walks), the log rebuilds the table, every case obeys the
 * workflow's rules as a write through cases/ would have, and the retaliatory churn planted follows a complaint
 * closed unsatisfied.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, checkLogin, hasSignInAdmin, removeUser, updateUser } from '../../access/users.ts';
import { createCase } from '../../cases/create.ts';
import { type CaseRow, caseSelect } from '../../cases/record.ts';
import { replayCases } from '../../cases/replay.ts';
import { checkSteps } from '../../cases/rules.ts';
import { moveKind, reachedSteps } from '../../cases/workflow.ts';
import { getPlaybook } from '../../playbooks/store.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace.ts';
import { generateDemo } from './index.ts';
import { DEMO_PARAMS } from './params.ts';

const OPS = DEMO_PARAMS.operations;
const PASSWORD = 'a long passphrase';
/** The end of the window of a demo ending on 2025-12-31: "now" for its open cases and SLA clocks. */
const END = sql`TIMESTAMP '2026-01-01'`;

let root: string;
let ws: Workspace;
// biome-ignore lint/suspicious/noExplicitAny: the JSON document as written
let truth: any;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-demo-ops-'));
  ws = await initWorkspace(join(root, 'ws'));
  const s = await generateDemo(ws, { customers: 2000, months: 24, seed: 7 });
  truth = JSON.parse(readFileSync(s.groundTruthFile, 'utf8')).operations;
});
afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

const rows = (q: Sql) => ws.db.all(q);
const one = async (q: Sql) => Number(Object.values((await ws.db.all(q))[0]!)[0]);
const nested = (rs: Record<string, unknown>[]) =>
  rs.reduce<Record<string, Record<string, number>>>((o, r) => {
    o[r.a as string] = { ...o[r.a as string], [r.b as string]: Number(r.n) };
    return o;
  }, {});

describe('the demo cases', () => {
  it('are the fold of their event log, row for row', async () => {
    const table = await rows(sql`SELECT ${caseSelect()} FROM cases c ORDER BY c.case_id`);
    expect(table.length).toBeGreaterThan(200);
    expect(await replayCases(ws)).toEqual(table);
  });

  it('hold the counts ground-truth.json planted: by kind and stage, source, breaches, reopenings', async () => {
    expect(nested(await rows(sql`SELECT kind AS a, stage AS b, count(*) AS n FROM cases GROUP BY ALL`))).toEqual(
      truth.casesByKindAndStage,
    );
    expect(nested(await rows(sql`SELECT kind AS a, source AS b, count(*) AS n FROM cases GROUP BY ALL`))).toEqual(
      truth.casesByKindAndSource,
    );
    for (const kind of ['complaint', 'service_request', 'retention', 'follow_up'] as const)
      expect(truth.casesByKindAndStage[kind], kind).toBeDefined();
    for (const stage of ['received', 'diagnosed', 'planned', 'implementing', 'closed', 'cancelled'])
      expect(truth.casesByKindAndStage.complaint[stage], stage).toBeGreaterThan(0);
    const breached = await rows(sql`
      SELECT kind,
        count(*) FILTER (WHERE first_response_at > first_response_due
          OR (first_response_at IS NULL AND first_response_due < ${END})) AS "firstResponse",
        count(*) FILTER (WHERE stage <> 'cancelled' AND (closed_at > resolution_due
          OR (closed_at IS NULL AND resolution_due < ${END}))) AS resolution,
        count(*) FILTER (WHERE reopen_count > 0) AS reopened, count(*) FILTER (WHERE stage = 'cancelled') AS cancelled
      FROM cases GROUP BY kind`);
    for (const { kind, ...b } of breached)
      expect(Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Number(v)])), kind as string).toEqual(
        truth.breachedByKind[kind as string],
      );
    expect(truth.breachedByKind.complaint).toMatchObject({
      firstResponse: expect.any(Number),
      reopened: expect.any(Number),
    });
    expect(truth.breachedByKind.complaint.firstResponse).toBeGreaterThan(0);
    expect(truth.breachedByKind.complaint.resolution).toBeGreaterThan(0);
    expect(truth.breachedByKind.complaint.reopened).toBeGreaterThan(0);
  });

  it('hold the compensation planted, over every walk of a reopened case, approved by an admin above the limit', async () => {
    const amount = (f: string) => sql`CAST(json_extract_string(fields, ${`$.${f}`}) AS DECIMAL(18, 2))`;
    const [c] = await rows(sql`
      SELECT count(*) FILTER (WHERE to_stage = 'planned' AND ${amount('compensation_amount')} > 0) AS planned,
        CAST(coalesce(sum(${amount('compensation_amount')}) FILTER (WHERE to_stage = 'planned'), 0) AS DOUBLE)
          AS "plannedAmount",
        count(*) FILTER (WHERE to_stage = 'planned' AND ${amount('compensation_amount')} > ${truth.compensation.approvalLimit})
          AS "aboveLimit",
        count(*) FILTER (WHERE to_stage = 'following_up' AND ${amount('compensation_granted')} > 0) AS granted,
        CAST(coalesce(sum(${amount('compensation_granted')}) FILTER (WHERE to_stage = 'following_up'), 0) AS DOUBLE)
          AS "grantedAmount"
      FROM case_events WHERE action = 'moved'`);
    expect(Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, Number(v)]))).toEqual({
      planned: truth.compensation.planned,
      plannedAmount: truth.compensation.plannedAmount,
      aboveLimit: truth.compensation.aboveLimit,
      granted: truth.compensation.granted,
      grantedAmount: truth.compensation.grantedAmount,
    });
    expect(truth.compensation.aboveLimit).toBeGreaterThan(0);
    const approvers = await rows(sql`
      SELECT DISTINCT u.username, u.role FROM cases c JOIN users u ON u.username = c.approved_by`);
    expect(approvers).toEqual([{ username: OPS.lead, role: 'admin' }]);
  });

  it("hold the playbook's retention cases with their outcomes", async () => {
    const outcomes = await rows(sql`
      SELECT 'retention' AS a, CASE WHEN stage = 'closed' THEN outcome ELSE 'open' END AS b, count(*) AS n
      FROM cases WHERE kind = 'retention' GROUP BY ALL`);
    expect(nested(outcomes).retention).toEqual(truth.retention.outcomes);
    expect(Object.keys(truth.retention.outcomes)).toEqual(expect.arrayContaining(['saved', 'lost', 'no_contact']));
    const retention = sql`FROM cases WHERE kind = 'retention'`;
    expect(
      await one(sql`SELECT count(*) ${retention} AND (playbook_id <> ${OPS.playbook.id} OR source <> 'score')`),
    ).toBe(0);
    expect(await one(sql`SELECT count(*) FROM cases WHERE kind <> 'retention' AND playbook_id IS NOT NULL`)).toBe(0);
    // A customer never has two open cases from one playbook.
    expect(
      await one(sql`SELECT count(*) FROM (SELECT customer_id ${retention}
        AND stage NOT IN ('closed', 'cancelled') GROUP BY customer_id HAVING count(*) > 1)`),
    ).toBe(0);
  });

  it('obey the workflow: allowed moves, every step recorded, owners in their teams, sources that exist', async () => {
    const moves = await rows(sql`
      SELECT DISTINCT action, from_stage, to_stage FROM case_events WHERE action IN ('moved', 'cancelled', 'reopened')`);
    for (const m of moves)
      expect(moveKind(m.from_stage as never, m.to_stage as never), `${m.from_stage} → ${m.to_stage}`).toBe(m.action);
    // Versions run 1, 2, … without gaps, times never go back.
    expect(
      await one(sql`SELECT count(*) FROM (SELECT case_id, version, "at",
        row_number() OVER w AS v, lag("at") OVER w AS before FROM case_events WINDOW w AS (PARTITION BY case_id ORDER BY version))
        WHERE version <> v OR "at" < before`),
    ).toBe(0);
    const cases = (await rows(sql`SELECT ${caseSelect()} FROM cases c`)) as unknown as CaseRow[];
    for (const c of cases) await checkSteps(ws, c, reachedSteps(c.stage), c.stage, []);
    expect(
      await one(sql`SELECT count(*) FROM cases c WHERE NOT EXISTS (
        SELECT 1 FROM team_members m JOIN users u USING (username) WHERE m.team = c.team AND m.username = c.owner)`),
    ).toBe(0);
    expect(
      await one(sql`SELECT count(*) FROM cases c WHERE source = 'ticket' AND NOT EXISTS (
        SELECT 1 FROM tickets t WHERE t.ticket_id = c.source_ref AND t.customer_id = c.customer_id)`),
    ).toBe(0);
    expect(
      await one(sql`SELECT count(*) FROM cases f WHERE kind = 'follow_up' AND NOT EXISTS (
        SELECT 1 FROM cases p WHERE p.case_id = f.source_ref AND p.kind = 'complaint' AND p.opened_at < f.opened_at)`),
    ).toBe(0);
    const labels = await rows(sql`SELECT team, label_en, label_zh FROM teams ORDER BY team`);
    expect(labels.map((t) => t.team)).toEqual(Object.keys(OPS.teams).sort());
  });

  it('plant retaliatory churn only after a complaint closed unsatisfied, inside the rule window', async () => {
    const { retaliatoryChurn: r } = truth;
    expect(r.planted).toBe(r.customers.length);
    expect(r.planted).toBeGreaterThan(0);
    const followed = await rows(sql`
      SELECT DISTINCT e.customer_id FROM churn_events e JOIN cases c USING (customer_id)
      WHERE e.kind = 'involuntary' AND e.category = 'retaliatory' AND c.kind = 'complaint' AND c.satisfied = false
        AND e.churned_at BETWEEN c.closed_at AND c.closed_at + to_days(${r.windowDays})`);
    expect(followed.map((x) => x.customer_id)).toEqual(expect.arrayContaining(r.customers));
    expect(r.candidates).toBeGreaterThanOrEqual(r.planted);
  });

  it('add locked users: no admin who can sign in, and none that keeps a real admin from being the last', async () => {
    expect(await one(sql`SELECT count(*) FROM users WHERE password_hash LIKE 'scrypt$%'`)).toBe(0);
    expect(await hasSignInAdmin(ws)).toBe(false);
    await expect(checkLogin(ws, OPS.lead, 'locked')).rejects.toMatchObject({ code: 'TEN_LOGIN_FAILED' });
    await addUser(ws, { username: 'boss', password: PASSWORD, role: 'admin' });
    expect(await hasSignInAdmin(ws)).toBe(true);
    await expect(removeUser(ws, 'boss')).rejects.toMatchObject({ code: 'TEN_USER_LAST_ADMIN' });
  });

  it('are the same on a second run, which keeps a demo user an admin gave a password', async () => {
    const agent = OPS.teams.care.agents[0];
    await updateUser(ws, agent, { password: PASSWORD });
    const before = await rows(sql`SELECT count(*) AS n, sum(hash(case_id, version, stage)) AS h FROM cases`);
    await generateDemo(ws, { customers: 2000, months: 24, seed: 7 });
    expect(await rows(sql`SELECT count(*) AS n, sum(hash(case_id, version, stage)) AS h FROM cases`)).toEqual(before);
    expect((await checkLogin(ws, agent, PASSWORD)).username).toBe(agent);
    // New cases number on from the demo's.
    const [seq] = await rows(sql`SELECT nextval('case_seq') AS n`);
    expect(Number(seq?.n)).toBe(Number(before[0]?.n) + 1);
  });

  it('come with their SLA policy in the config and their playbook stored, so new cases are opened the same way', async () => {
    const p = await getPlaybook(ws, OPS.playbook.id);
    expect(p).toMatchObject({
      enabled: true,
      trigger: { kind: 'risk_tier', tier: 'high' },
      owner_rule: { team: 'retention' },
    });
    const c = await createCase(
      ws,
      { name: OPS.lead },
      {
        customer_id: String((await ws.db.all<{ c: string }>(sql`SELECT min(customer_id) AS c FROM customers`))[0]?.c),
        kind: 'complaint',
        priority: 'high',
        subject: 'Billed twice',
      },
    );
    const [hours] = OPS.sla.targets.complaint.high;
    expect(c.sla_policy).toBe(OPS.sla.name);
    expect(Date.parse(c.first_response_due ?? '') - Date.parse(c.opened_at)).toBe(hours * 3_600_000);
  });
});
