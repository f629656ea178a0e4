/** The inbox's kept pages: served again while no case changed, read again after any change, whoever wrote it. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agent, caseWorkspace } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { commentCase } from './comment.ts';
import { createCase } from './create.ts';
import { listCases } from './list.ts';
import { freshToken, TOKEN_TTL_MS } from './list-cache.ts';
import { moveCase } from './move.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
});
afterAll(() => done());

const ids = async (stage: 'received' | 'diagnosed') =>
  (await listCases(ws, { stage, sort: 'case_id', order: 'asc' })).rows.map((r) => `${r.case_id}@${r.version}`);

describe('kept inbox pages', () => {
  it('the same page while nothing changed; a new one after a move, a note, a new case or a write outside core', async () => {
    const a = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'One' });
    expect(await ids('received')).toEqual([`${a.case_id}@1`]);
    expect(await listCases(ws, { stage: 'received', sort: 'case_id', order: 'asc' })).toBe(
      await listCases(ws, { stage: 'received', sort: 'case_id', order: 'asc' }),
    );
    await commentCase(ws, agent, a.case_id, { note: 'Called' });
    expect(await ids('received')).toEqual([`${a.case_id}@2`]);
    await moveCase(ws, agent, a.case_id, {
      to: 'diagnosed',
      fields: { root_cause: 'price', severity: 'low', company_at_fault: false },
    });
    expect(await ids('received')).toEqual([]);
    expect(await ids('diagnosed')).toEqual([`${a.case_id}@3`]);
    const b = await createCase(ws, agent, { customer_id: 'C2', kind: 'complaint', subject: 'Two' });
    expect(await ids('received')).toEqual([`${b.case_id}@1`]);
    await ws.db.run(
      sql`INSERT INTO cases SELECT * REPLACE ('BULK-1' AS case_id) FROM cases WHERE case_id = ${b.case_id}`,
    );
    // A statement outside core is seen once the store's token is read again (TOKEN_TTL_MS), not at once.
    await expect.poll(() => ids('received'), { timeout: 4 * TOKEN_TTL_MS }).toEqual(['BULK-1@1', `${b.case_id}@1`]);
  });

  it('a page kept across minutes still words its breaches as of the minute asked, and the overdue filter moves', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C3', kind: 'complaint', subject: 'Due soon' });
    await ws.db.run(
      sql`UPDATE cases SET resolution_due = TIMESTAMP '2030-01-01 10:00:00' WHERE case_id = ${c.case_id}`,
    );
    const at = (t: string) => ({ now: new Date(t) });
    const q = { customer_id: 'C3', sort: 'case_id', order: 'asc' } as const;
    const before = await listCases(ws, q, at('2030-01-01T09:59:00Z'));
    const after = await listCases(ws, q, at('2030-01-01T10:01:00Z'));
    expect(before.rows.map((r) => [r.case_id, r.overdue, r.resolution_breached])).toEqual([[c.case_id, false, false]]);
    expect(after.rows.map((r) => [r.case_id, r.overdue, r.resolution_breached])).toEqual([[c.case_id, true, true]]);
    expect((await listCases(ws, { ...q, overdue: true }, at('2030-01-01T09:59:00Z'))).total).toBe(0);
    expect((await listCases(ws, { ...q, overdue: true }, at('2030-01-01T10:01:00Z'))).total).toBe(1);
  });

  it('an asker who comes after a write sees it, even while a read of the token began before it', async () => {
    const before = freshToken(ws);
    const c = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Raced' });
    const after = await freshToken(ws);
    const shared = await Promise.all([freshToken(ws), freshToken(ws), freshToken(ws)]);
    expect(after).not.toBe(await before);
    expect(new Set(shared)).toEqual(new Set([after]));
    expect((await listCases(ws, { customer_id: 'C1', stage: 'received' })).rows.map((r) => r.case_id)).toContain(
      c.case_id,
    );
  });

  it('when the minute turns, serves the rows of the last minute while one read brings every page in use up to the minute', async () => {
    // A workspace of its own: the store's token is read once, before the clock turns, and does not change.
    const own = await caseWorkspace();
    const ws = own.ws;
    await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Turns' });
    const minute = Date.UTC(2031, 0, 1, 8, 0);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(minute + 5_000);
      const a = { stage: 'received', sort: 'case_id', order: 'asc' } as const;
      const b = { customer_id: 'C1', sort: 'case_id', order: 'asc' } as const;
      const [a0, b0] = [await listCases(ws, a), await listCases(ws, b)];
      vi.setSystemTime(minute + 65_000);
      expect(await listCases(ws, a)).toBe(a0); // the turn's read runs behind this answer
      await expect.poll(async () => (await listCases(ws, a)) !== a0).toBe(true);
      const b1 = await listCases(ws, b);
      expect(b1).not.toBe(b0); // brought up to the minute by the same read, not asked meanwhile
      expect(b1.rows.map((r) => r.case_id)).toEqual(b0.rows.map((r) => r.case_id));
    } finally {
      vi.useRealTimers();
      await own.done();
    }
  });
});
