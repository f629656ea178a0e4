/**
 * SLAs end to end on a real workspace with a fixed clock: due times set on opening (golden, by hand), the first
 * response, a priority change, the event log still rebuilding the table, breaches in SQL (open and closed
 * cases), the inbox filters and sort, and breach alerts raised once with their webhook deliveries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../../test/cases.ts';
import { predictionConfigSchema } from '../../predict/config.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { assignCase } from '../assign.ts';
import { cancelCase } from '../cancel.ts';
import { commentCase } from '../comment.ts';
import { defaultCasesConfig } from '../config.ts';
import { createCase } from '../create.ts';
import { editCase } from '../edit.ts';
import { getCase } from '../get.ts';
import { listCases } from '../list.ts';
import { caseSelect } from '../record.ts';
import { replayCases } from '../replay.ts';
import { caseListRowSchema } from '../schemas.ts';
import { checkSlaBreaches } from './alerts.ts';
import { slaConfigSchema } from './config.ts';

const sla = slaConfigSchema.parse({
  policies: [
    {
      name: 'complaint-urgent',
      kind: ['complaint'],
      priority: ['urgent'],
      first_response_hours: 1,
      resolution_hours: 8,
    },
    { name: 'complaint', kind: ['complaint'], first_response_hours: 4, resolution_hours: 16, calendar: 'shanghai' },
    { name: 'standard', first_response_hours: 24, resolution_hours: 72 },
  ],
  calendars: {
    shanghai: {
      time_zone: 'Asia/Shanghai',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-12:00', '13:00-18:00']])),
    },
  },
});

let ws: Workspace;
let done: () => Promise<void>;
const ids: Record<string, string> = {};
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace({
    cases: { ...defaultCasesConfig(), sla },
    prediction: predictionConfigSchema.parse({
      webhooks: [{ url: 'http://127.0.0.1:9/hook', secret_env: 'HOOK_SECRET' }],
    }),
  }));
  // A: urgent complaint, Monday 9 March 09:00 in Shanghai; nobody answers.
  const a = await createCase(ws, agent, {
    customer_id: 'C1',
    kind: 'complaint',
    priority: 'urgent',
    subject: 'A',
    owner: 'li.wei',
    team: 'retention',
    at: '2026-03-09T01:00:00.000Z',
  });
  // B: normal complaint, Friday 6 March 17:00 in Shanghai, business hours; answered Monday 11:00.
  const b = await createCase(ws, agent, {
    customer_id: 'C2',
    kind: 'complaint',
    subject: 'B',
    owner: 'wang.fang',
    team: 'billing',
    at: '2026-03-06T09:00:00.000Z',
  });
  await assignCase(ws, { name: 'boss' }, b.case_id, { owner: 'wang.fang', at: '2026-03-06T10:00:00.000Z' });
  await commentCase(ws, { name: 'wang.fang' }, b.case_id, { note: 'Called', at: '2026-03-09T03:00:00.000Z' });
  await commentCase(ws, { name: 'wang.fang' }, b.case_id, { note: 'Again', at: '2026-03-09T03:30:00.000Z' });
  // C: follow-up, answered in time, cancelled a day after its resolution was due.
  const c = await createCase(ws, agent, {
    customer_id: 'C3',
    kind: 'follow_up',
    subject: 'C',
    at: '2026-03-01T00:00:00.000Z',
  });
  await commentCase(ws, agent, c.case_id, { note: 'Rang', at: '2026-03-01T12:00:00.000Z' });
  await cancelCase(ws, agent, c.case_id, { at: '2026-03-05T00:00:00.000Z' });
  // D: service request opened an hour before the clock below.
  const d = await createCase(ws, agent, {
    customer_id: 'C3',
    kind: 'service_request',
    subject: 'D',
    at: '2026-03-09T05:00:00.000Z',
  });
  Object.assign(ids, { A: a.case_id, B: b.case_id, C: c.case_id, D: d.case_id });
});
afterAll(() => done());

const NOW = new Date('2026-03-09T06:00:00.000Z');
const row = async (k: string) => (await getCase(ws, ids[k] as string, NOW)).case;

describe('due times', () => {
  it('are set on opening by the first matching policy, around the clock or in business hours', async () => {
    expect(await row('A')).toMatchObject({
      sla_policy: 'complaint-urgent',
      first_response_due: '2026-03-09T02:00:00.000Z',
      resolution_due: '2026-03-09T09:00:00.000Z',
    });
    // Friday 17:00 + 4 business hours = Monday 12:00; + 16 = 1 (Fri) + 8 (Mon) + 7 (Tue) = Tuesday 17:00.
    expect(await row('B')).toMatchObject({
      sla_policy: 'complaint',
      first_response_due: '2026-03-09T04:00:00.000Z',
      resolution_due: '2026-03-10T09:00:00.000Z',
    });
    expect(await row('C')).toMatchObject({ sla_policy: 'standard', resolution_due: '2026-03-04T00:00:00.000Z' });
  });

  it('the first response is the first note or step, not an assignment, and is kept once set', async () => {
    expect(await row('B')).toMatchObject({ first_response_at: '2026-03-09T03:00:00.000Z' });
    expect(await row('A')).toMatchObject({ first_response_at: null });
    const events = (await getCase(ws, ids.B as string)).events;
    expect(events.find((e) => e.action === 'assigned')?.fields).not.toHaveProperty('first_response_at');
  });

  it('a new priority sets the due times again from the opening', async () => {
    const e = await createCase(ws, agent, {
      customer_id: 'C1',
      kind: 'complaint',
      subject: 'E',
      at: '2026-03-06T09:00:00.000Z',
    });
    const ed = await editCase(ws, agent, e.case_id, { fields: { priority: 'urgent' }, at: '2026-03-06T09:30:00.000Z' });
    expect(ed).toMatchObject({
      sla_policy: 'complaint-urgent',
      first_response_due: '2026-03-06T10:00:00.000Z',
      resolution_due: '2026-03-06T17:00:00.000Z',
    });
    await cancelCase(ws, agent, e.case_id, { at: '2026-03-06T09:45:00.000Z' });
  });

  it('the event log still rebuilds the table row for row, cases from before SLAs included', async () => {
    // A case opened before the SLA columns existed: its created event names none of them, its row holds nulls.
    const old = await createCase(ws, agent, {
      customer_id: 'C2',
      kind: 'follow_up',
      subject: 'Old',
      at: '2026-02-01T00:00:00.000Z',
    });
    const [e] = await ws.db.all<{ fields: string }>(sql`SELECT fields FROM case_events WHERE case_id = ${old.case_id}`);
    const fields = JSON.parse(e?.fields ?? '{}');
    for (const k of ['sla_policy', 'first_response_due', 'resolution_due', 'first_response_at', 'playbook_id'])
      delete fields[k];
    await ws.db.run(sql`UPDATE case_events SET fields = ${JSON.stringify(fields)} WHERE case_id = ${old.case_id}`);
    await ws.db.run(sql`UPDATE cases SET sla_policy = NULL, first_response_due = NULL, resolution_due = NULL
      WHERE case_id = ${old.case_id}`);
    await cancelCase(ws, agent, old.case_id, { at: '2026-02-02T00:00:00.000Z' });
    const table = await ws.db.all(sql`SELECT ${caseSelect()} FROM cases c ORDER BY c.case_id`);
    expect(await replayCases(ws)).toEqual(table);
  });
});

describe('breaches at a fixed time', () => {
  it('are computed for open and closed cases', async () => {
    const state = async (k: string) => {
      const r = await row(k);
      expect(caseListRowSchema.safeParse(r).error).toBeUndefined();
      return [r.first_response_breached, r.resolution_breached, r.overdue];
    };
    expect(await state('A')).toEqual([true, false, true]); // unanswered past 02:00
    expect(await state('B')).toEqual([false, false, false]); // answered at 03:00, due 04:00
    expect(await state('C')).toEqual([false, true, false]); // closed a day late: breached, not overdue
    expect(await state('D')).toEqual([false, false, false]);
  });

  it('the inbox filters overdue, mine and my team, and sorts by the next due time', async () => {
    const subjects = async (q: Parameters<typeof listCases>[1], user?: string) =>
      (await listCases(ws, q, { now: NOW, user: user ?? null })).rows.map((r) => r.subject);
    expect(await subjects({ overdue: true })).toEqual(['A']);
    // From a query string, a flag is text.
    expect(await subjects({ overdue: 'true' as never })).toEqual(['A']);
    expect(await subjects({ overdue: false, status: 'open', sort: 'case_id', order: 'asc' })).toEqual(['B', 'D']);
    const due = await listCases(ws, { sort: 'due', order: 'asc' }, { now: NOW });
    expect(due.rows.map((r) => [r.subject, r.next_due])).toEqual([
      ['C', '2026-03-04T00:00:00.000Z'],
      ['E', '2026-03-06T17:00:00.000Z'],
      ['A', '2026-03-09T02:00:00.000Z'],
      ['D', '2026-03-10T05:00:00.000Z'],
      ['B', '2026-03-10T09:00:00.000Z'],
      ['Old', null], // no due time: last
    ]);
    expect(await subjects({ mine: true }, 'li.wei')).toEqual(['A']);
    expect(await subjects({ my_team: true, sort: 'case_id', order: 'asc' }, 'wang.fang')).toEqual(['A', 'B']);
    expect(await subjects({ my_team: true }, 'li.wei')).toEqual(['A']);
    await expect(listCases(ws, { mine: true })).rejects.toMatchObject({ code: 'TEN_CASE_NEEDS_USER' });
    await expect(listCases(ws, { my_team: true }, { user: 'key:1' })).rejects.toMatchObject({
      code: 'TEN_CASE_NEEDS_USER',
    });
  });

  it('raise one alert per open case and target, with its webhook deliveries, never twice', async () => {
    const first = await checkSlaBreaches(ws, NOW);
    expect(first.breaches.map((b) => [b.case_id, b.target])).toEqual([[ids.A, 'first_response']]);
    expect(first.alerted).toBe(1);
    expect((await checkSlaBreaches(ws, NOW)).alerted).toBe(0);
    const later = await checkSlaBreaches(ws, new Date('2026-03-09T10:00:00.000Z'));
    expect(later.breaches.map((b) => [b.case_id, b.target])).toEqual([[ids.A, 'resolution']]);
    const alerts = await ws.db.all<{ rule: string; customer_id: string; severity: string; run_id: number }>(
      sql`SELECT rule, customer_id, severity, run_id FROM alerts ORDER BY alert_id`,
    );
    expect(alerts).toEqual([
      { rule: 'case_first_response_breach', customer_id: 'C1', severity: 'high', run_id: 0 },
      { rule: 'case_resolution_breach', customer_id: 'C1', severity: 'high', run_id: 0 },
    ]);
    const [o] = await ws.db.all<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM webhook_outbox`);
    expect(o?.n).toBe(2);
  });

  it('alert at most the cap of a check, the rest in one summary naming them, none of them alerted again', async () => {
    const cap = ws.config.prediction.alert_cap;
    ws.config.prediction.alert_cap = 2;
    try {
      const at = new Date('2026-06-01T00:00:00.000Z');
      const r = await checkSlaBreaches(ws, at);
      expect(r.breaches.length).toBeGreaterThanOrEqual(3);
      expect(r.alerted).toBe(2);
      const [summary] = await ws.db.all<{ detail: string }>(
        sql`SELECT detail FROM alerts WHERE rule = 'summary' AND run_id = 0`,
      );
      const named = JSON.parse(summary?.detail ?? '{}').breaches as string[];
      expect(named).toEqual(r.breaches.slice(1).map((b) => `${b.case_id}|${b.target}`));
      expect(await checkSlaBreaches(ws, at)).toMatchObject({ breaches: [], alerted: 0 });
    } finally {
      ws.config.prediction.alert_cap = cap;
    }
  });
});
