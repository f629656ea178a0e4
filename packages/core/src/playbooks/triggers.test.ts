/**
 * Each kind of trigger on a tiny fixture, run the way it runs in use: a scoring's hook, an import's hook, or by
 * hand. Cases are checked as stored (source, source_ref, playbook, template) and against their event log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, csv, definition, playbookWorkspace } from '../../test/playbooks.ts';
import { createCase } from '../cases/create.ts';
import { caseSelect } from '../cases/record.ts';
import { replayCases } from '../cases/replay.ts';
import { importFile } from '../ingest/import.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { runPlaybook, runPlaybooksOn } from './run.ts';
import { savePlaybook } from './store.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await playbookWorkspace());
});
afterAll(() => done());

type Row = Record<string, unknown>;
const casesOf = (playbook: string) =>
  ws.db.all<Row>(sql`SELECT ${caseSelect()} FROM cases c WHERE c.playbook_id = ${playbook} ORDER BY c.customer_id`);
const customers = async (playbook: string) => (await casesOf(playbook)).map((c) => c.customer_id);

describe('a risk tier entered, after a scoring', () => {
  it('opens a case per customer who entered the tier, skipping and counting malicious churners and credit risks', async () => {
    await savePlaybook(ws, admin, definition());
    const [r] = await runPlaybooksOn(ws, { kind: 'score', ref: '2' });
    // C1 (medium → critical) and C3 (new, high) entered; C2 was high already; C4 and C5 are not worth retaining.
    expect(r).toMatchObject({ matched: 4, created: 2, skipped: { open_case: 0, malicious: 1, credit_risk: 1 } });
    expect(await customers('save-high')).toEqual(['C1', 'C3']);
    const [c] = await casesOf('save-high');
    expect(c).toMatchObject({
      kind: 'retention',
      priority: 'high',
      source: 'score',
      source_ref: '2',
      stage: 'received',
      owner: 'li.wei',
      subject: 'Save attempt',
      description: 'Risk rose.\n\nChecklist:\n1. Call the customer\n2. Offer a plan',
      version: 1,
    });
    expect(Date.parse(c?.resolution_due as string) - Date.parse(c?.opened_at as string)).toBe(7 * 86_400_000);
    expect(c?.case_id).toMatch(/^CASE-\d{6}$/);
  });

  it('never opens a second case while the first is open: the next run counts them as skipped', async () => {
    const [r] = await runPlaybooksOn(ws, { kind: 'score', ref: '2' });
    expect(r).toMatchObject({ matched: 4, created: 0, skipped: { open_case: 2, malicious: 1, credit_risk: 1 } });
    expect(await customers('save-high')).toEqual(['C1', 'C3']);
    const runs = await ws.db.all(sql`SELECT cause, matched, created, skipped_open_case FROM playbook_runs
      WHERE playbook_id = 'save-high' ORDER BY run_id`);
    expect(runs).toEqual([
      { cause: 'score', matched: 4, created: 2, skipped_open_case: 0 },
      { cause: 'score', matched: 4, created: 0, skipped_open_case: 2 },
    ]);
  });

  it('a closed case frees the customer for the next run', async () => {
    await ws.db.run(sql`UPDATE cases SET stage = 'cancelled' WHERE playbook_id = 'save-high' AND customer_id = 'C1'`);
    const r = await runPlaybook(ws, admin, 'save-high', { dry_run: true });
    expect(r).toMatchObject({ dry_run: true, created: 1, skipped: { open_case: 1 }, case_ids: [] });
    await ws.db.run(sql`UPDATE cases SET stage = 'received' WHERE playbook_id = 'save-high' AND customer_id = 'C1'`);
  });

  it('by hand over the current at-risk list: every customer at the tier or above, the same skips', async () => {
    await savePlaybook(ws, admin, definition({ id: 'at-risk', trigger: { kind: 'risk_tier', tier: 'critical' } }));
    const r = await runPlaybook(ws, admin, 'at-risk', { at_risk: true });
    expect(r).toMatchObject({ at_risk: true, matched: 4, created: 2, skipped: { malicious: 1, credit_risk: 1 } });
    expect(await customers('at-risk')).toEqual(['C1', 'C2']);
  });
});

describe('an alert rule fired', () => {
  it('opens a case for the customers of the scoring’s unacknowledged alerts naming the rule', async () => {
    await ws.db.run(sql`INSERT INTO alerts (alert_id, run_id, customer_id, rule, severity, as_of, created_at,
        message_en, message_zh, detail) VALUES
      (41, 2, 'C2', 'critical_risk', 'high', DATE '2025-01-01', now()::TIMESTAMP, 'm', 'm', '{"rules":["critical_risk","usage_drop"]}'),
      (42, 2, 'C3', 'critical_risk', 'high', DATE '2025-01-01', now()::TIMESTAMP, 'm', 'm', '{"rules":["critical_risk"]}'),
      (43, 1, 'C6', 'usage_drop', 'high', DATE '2025-01-01', now()::TIMESTAMP, 'm', 'm', '{"rules":["usage_drop"]}')`);
    await savePlaybook(
      ws,
      admin,
      definition({ id: 'usage', trigger: { kind: 'alert_rule', rule: 'usage_drop' }, owner_rule: {} }),
    );
    const r = (await runPlaybooksOn(ws, { kind: 'score', ref: '2' })).find((x) => x.playbook_id === 'usage');
    expect(r).toMatchObject({ matched: 1, created: 1 });
    expect(await casesOf('usage')).toEqual([
      expect.objectContaining({ customer_id: 'C2', source: 'alert', source_ref: '41', owner: null }),
    ]);
    // By hand: every unacknowledged alert naming it, of any scoring.
    expect(await runPlaybook(ws, admin, 'usage')).toMatchObject({ matched: 2, created: 1, skipped: { open_case: 1 } });
  });
});

describe('an NPS detractor and a failed payment, after an import', () => {
  it('an imported NPS answer of 0–6 opens a case whose source is the answer', async () => {
    await savePlaybook(
      ws,
      admin,
      definition({ id: 'detractors', trigger: { kind: 'nps_detractor', within_days: 30 }, language: 'zh-CN' }),
    );
    await importFile(
      ws,
      'surveys',
      csv(ws.dir, 'nps.csv', [
        'response_id,respondent_type,respondent_id,answered_at,kind,score',
        'R1,customer,C1,2025-01-10,nps,3',
        'R2,customer,C2,2025-01-11,nps,9',
        'R3,customer,C3,2025-01-12,nps,6',
        'R4,customer,C6,2024-10-01,nps,0',
        'R5,customer,C4,2025-01-12,nps,1',
      ]),
    );
    // C6's answer is older than 30 days before the latest; C4 churned maliciously.
    const stored = await casesOf('detractors');
    expect(stored.map((c) => [c.customer_id, c.source, c.source_ref])).toEqual([
      ['C1', 'survey', 'R1'],
      ['C3', 'survey', 'R3'],
    ]);
    expect(stored[0]).toMatchObject({
      subject: '挽留尝试',
      description: '风险上升。\n\n步骤：\n1. 致电客户\n2. 提供方案',
    });
    const [run] = await ws.db.all(
      sql`SELECT cause, skipped_malicious FROM playbook_runs WHERE playbook_id = 'detractors'`,
    );
    expect(run).toEqual({ cause: 'import', skipped_malicious: 1 });
  });

  it('an imported payment failure opens a case whose source is the import', async () => {
    await savePlaybook(ws, admin, definition({ id: 'dunning', trigger: { kind: 'failed_payment', within_days: 30 } }));
    const summary = await importFile(
      ws,
      'activity',
      csv(ws.dir, 'payments.csv', [
        'customer_id,at,kind',
        'C2,2025-01-20,payment_failed',
        'C3,2025-01-20,login',
        'C5,2025-01-21,payment_failed',
      ]),
    );
    const stored = await casesOf('dunning');
    expect(stored.map((c) => [c.customer_id, c.source, c.source_ref])).toEqual([
      ['C2', 'import', String(summary.batchId)],
    ]);
  });
});

describe('a complaint past its SLA, and a filter on customers', () => {
  it('an open complaint whose resolution was due before now opens a follow-up on its customer', async () => {
    const late = await createCase(
      ws,
      { name: 'li.wei' },
      { customer_id: 'C6', kind: 'complaint', subject: 'No signal' },
    );
    const onTime = await createCase(ws, { name: 'li.wei' }, { customer_id: 'C2', kind: 'complaint', subject: 'Slow' });
    await ws.db.run(
      sql`UPDATE cases SET resolution_due = now()::TIMESTAMP - INTERVAL 1 DAY WHERE case_id = ${late.case_id}`,
    );
    await ws.db.run(
      sql`UPDATE cases SET resolution_due = now()::TIMESTAMP + INTERVAL 1 DAY WHERE case_id = ${onTime.case_id}`,
    );
    await savePlaybook(
      ws,
      admin,
      definition({
        id: 'late-complaints',
        trigger: { kind: 'complaint_past_sla' },
        template: { kind: 'follow_up', subject: { en: 'Complaint overdue', 'zh-CN': '投诉超时' } },
      }),
    );
    const r = await runPlaybook(ws, admin, 'late-complaints');
    expect(r).toMatchObject({ matched: 1, created: 1 });
    expect(await casesOf('late-complaints')).toEqual([
      expect.objectContaining({ customer_id: 'C6', kind: 'follow_up', source: 'manual', source_ref: late.case_id }),
    ]);
  });

  it('customers matching name=value filters (values of one name or-ed)', async () => {
    await savePlaybook(
      ws,
      admin,
      definition({ id: 'north', trigger: { kind: 'filter', filter: ['region=north', 'region=east'] } }),
    );
    const r = await runPlaybook(ws, admin, 'north');
    expect(r).toMatchObject({ matched: 3, created: 3 });
    expect(await customers('north')).toEqual(['C1', 'C3', 'C6']);
  });

  it('every case a playbook opened is the fold of its event log', async () => {
    // The complaints' due times above were set in the table alone, standing in for the SLA policies.
    const table = await ws.db.all(
      sql`SELECT ${caseSelect()} FROM cases c WHERE c.playbook_id IS NOT NULL ORDER BY c.case_id`,
    );
    expect(table.length).toBeGreaterThan(10);
    expect((await replayCases(ws)).filter((c) => c.playbook_id !== null)).toEqual(table);
  });
});
