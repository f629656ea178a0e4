/**
 * How cases are written: optimistic versions under real concurrency (two writers of one version, one wins),
 * the event log rebuilding the table row for row, and the inbox list (filters, sort, pages) in SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace, stored } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { assignCase } from './assign.ts';
import { cancelCase } from './cancel.ts';
import { commentCase } from './comment.ts';
import { createCase } from './create.ts';
import { editCase } from './edit.ts';
import { getCase } from './get.ts';
import { listCases } from './list.ts';
import { moveCase } from './move.ts';
import { caseSelect } from './record.ts';
import { reopenCase } from './reopen.ts';
import { replayCases } from './replay.ts';
import { caseEventSchema, caseRowSchema } from './schemas.ts';
import { writeChange } from './write.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
});
afterAll(() => done());

const diagnosis = { root_cause: 'network_quality', severity: 'medium', company_at_fault: true };

describe('two writers of one case', () => {
  it('based on the same version: exactly one wins, the other gets TEN_CASE_STALE with the current version', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'No signal at home' });
    const results = await Promise.allSettled([
      moveCase(ws, { name: 'li.wei' }, c.case_id, { to: 'diagnosed', fields: diagnosis, version: 1 }),
      assignCase(ws, { name: 'wang.fang' }, c.case_id, { owner: 'wang.fang', version: 1 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({
      code: 'TEN_CASE_STALE',
      status: 409,
      args: { expected: 1, current: 2 },
      details: { version: 2 },
    });
    const { row, events } = await stored(ws, c.case_id);
    expect(row).toHaveLength(1);
    expect(events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('eight at once on one version: one event at version 2, seven refusals, none lost or doubled', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C2', kind: 'follow_up', subject: 'Check in' });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => commentCase(ws, agent, c.case_id, { note: `note ${i}`, version: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: 'TEN_CASE_STALE', args: { current: 2 } });
    const { events } = await getCase(ws, c.case_id);
    expect(events.map((e) => e.version)).toEqual([2, 1]);
  });

  it('a change based on an old version is refused with the current one, nothing written', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Dropped calls' });
    await commentCase(ws, agent, c.case_id, { note: 'Called back' });
    const before = await stored(ws, c.case_id);
    await expect(
      moveCase(ws, agent, c.case_id, { to: 'diagnosed', fields: diagnosis, version: 1 }),
    ).rejects.toMatchObject({ code: 'TEN_CASE_STALE', args: { expected: 1, current: 2 } });
    expect(await stored(ws, c.case_id)).toEqual(before);
  });

  it('a write whose read was overtaken (checked, then another committed) is refused in its transaction', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Overtaken' });
    await commentCase(ws, agent, c.case_id, { note: 'First' });
    const before = await stored(ws, c.case_id);
    const change = {
      at: new Date().toISOString(),
      actor: 'late',
      action: 'edited' as const,
      from_stage: null,
      to_stage: null,
      fields: { subject: 'Lost update' },
      note: null,
    };
    await expect(writeChange(ws, c.case_id, 1, change)).rejects.toMatchObject({
      code: 'TEN_CASE_STALE',
      args: { expected: 1, current: 2 },
    });
    expect(await stored(ws, c.case_id)).toEqual(before);
  });

  it('an unknown case is TEN_CASE_NOT_FOUND', async () => {
    await expect(getCase(ws, 'CASE-999999')).rejects.toMatchObject({ code: 'TEN_CASE_NOT_FOUND', status: 404 });
    await expect(commentCase(ws, agent, 'nope', { note: 'x' })).rejects.toMatchObject({ code: 'TEN_CASE_NOT_FOUND' });
  });
});

describe('the event log', () => {
  it('alone rebuilds the cases table, row for row', async () => {
    // A history with every action: walked, reopened, cancelled, reassigned, edited, commented.
    const a = await createCase(ws, agent, {
      customer_id: 'C3',
      kind: 'retention',
      subject: 'Wants to leave',
      priority: 'urgent',
    });
    await moveCase(ws, agent, a.case_id, { to: 'diagnosed', fields: { ...diagnosis, root_cause: 'competitor' } });
    await moveCase(ws, agent, a.case_id, {
      to: 'planned',
      fields: { action_plan: 'Offer a discount', compensation_kind: 'discount', compensation_amount: 30.25 },
    });
    await editCase(ws, agent, a.case_id, { fields: { description: '<b>not html</b>', priority: 'high' } });
    await moveCase(ws, agent, a.case_id, { to: 'implementing' });
    await moveCase(ws, agent, a.case_id, {
      to: 'following_up',
      fields: { actions_done: 'Offered', compensation_granted: 30.25 },
    });
    await moveCase(ws, agent, a.case_id, {
      to: 'closed',
      fields: { contacted: true, satisfied: false, csat: 2, outcome: 'lost' },
    });
    await reopenCase(ws, agent, a.case_id, { to: 'diagnosed' });
    await assignCase(ws, agent, a.case_id, { owner: 'li.wei', team: 'retention' });
    const b = await createCase(ws, agent, { customer_id: 'C2', kind: 'service_request', subject: 'Move address' });
    await cancelCase(ws, agent, b.case_id, { note: 'Done by the shop' });

    const table = await ws.db.all(sql`SELECT ${caseSelect()} FROM cases c ORDER BY c.case_id`);
    const rebuilt = await replayCases(ws);
    expect(table.length).toBeGreaterThan(2);
    expect(rebuilt).toEqual(table);
    // The response schemas the API will serve describe what is stored.
    for (const r of table) expect(caseRowSchema.safeParse(r).error).toBeUndefined();
    for (const e of (await getCase(ws, a.case_id)).events) expect(caseEventSchema.safeParse(e).error).toBeUndefined();
    // Case text is stored as given: rendering it safely is the surface's work.
    expect(table.find((r) => r.case_id === a.case_id)).toMatchObject({ description: '<b>not html</b>' });
  });
});

describe('the case list', () => {
  let l: Workspace;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ws: l, done: close } = await caseWorkspace());
    const make = (
      customer_id: string,
      kind: 'complaint' | 'retention',
      subject: string,
      priority: string,
      owner?: string,
    ) =>
      createCase(l, agent, { customer_id, kind, subject, priority: priority as 'normal', ...(owner ? { owner } : {}) });
    await make('C1', 'complaint', 'Invoice 100% wrong', 'low', 'li.wei');
    await make('C1', 'retention', 'Save attempt', 'urgent');
    await make('C2', 'complaint', 'Slow internet', 'high', 'wang.fang');
    const d = await make('C3', 'complaint', 'Slow INTERNET again', 'normal', 'li.wei');
    await moveCase(l, agent, d.case_id, { to: 'diagnosed', fields: diagnosis });
    const e = await make('C3', 'complaint', 'Duplicate', 'normal');
    await cancelCase(l, agent, e.case_id);
  });
  afterAll(() => close());

  const subjects = async (q: Parameters<typeof listCases>[1]) => (await listCases(l, q)).rows.map((r) => r.subject);

  it('filters by stage, kind, owner, customer, priority, open or closed and words of the subject', async () => {
    expect(await subjects({ stage: 'diagnosed' })).toEqual(['Slow INTERNET again']);
    expect(await subjects({ kind: 'retention' })).toEqual(['Save attempt']);
    expect(await subjects({ owner: 'li.wei', sort: 'case_id', order: 'asc' })).toEqual([
      'Invoice 100% wrong',
      'Slow INTERNET again',
    ]);
    expect((await subjects({ customer_id: 'C3', status: 'closed' })).length).toBe(1);
    expect((await subjects({ status: 'open' })).length).toBe(4);
    expect(await subjects({ priority: ['urgent', 'high'], sort: 'priority' })).toEqual([
      'Save attempt',
      'Slow internet',
    ]);
    expect(await subjects({ q: 'slow internet', sort: 'case_id', order: 'asc' })).toEqual([
      'Slow internet',
      'Slow INTERNET again',
    ]);
    // Words are taken literally: % is a character, not a wildcard.
    expect(await subjects({ q: '100%' })).toEqual(['Invoice 100% wrong']);
    expect(await subjects({ q: "'; DROP TABLE cases; --" })).toEqual([]);
  });

  it('sorts by the workflow’s order and pages with the total', async () => {
    expect(await subjects({ sort: 'stage', order: 'asc', page_size: 5 })).toEqual(
      expect.arrayContaining(['Slow INTERNET again']),
    );
    const byStage = (await listCases(l, { sort: 'stage', order: 'desc' })).rows.map((r) => r.stage);
    expect(byStage.slice(0, 2)).toEqual(['cancelled', 'diagnosed']);
    const p2 = await listCases(l, { sort: 'case_id', order: 'asc', page: 2, page_size: 2 });
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.rows.map((r) => r.subject)).toEqual(['Slow internet', 'Slow INTERNET again']);
    expect(await listCases(l, { page: 9, page_size: 2 })).toMatchObject({ total: 5, rows: [] });
  });

  it('refuses a bad filter with TEN_BAD_OPTION', async () => {
    await expect(listCases(l, { stage: 'lost' as 'closed' })).rejects.toMatchObject({ code: 'TEN_BAD_OPTION' });
    await expect(listCases(l, { sort: 'subject; DROP' as 'stage' })).rejects.toMatchObject({ code: 'TEN_BAD_OPTION' });
  });
});
