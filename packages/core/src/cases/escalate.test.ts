/** A ticket escalated into a complaint case: once per ticket, even when two escalate it at the same moment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { escalateTicket } from './escalate.ts';
import { replayCases } from './replay.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
  await ws.db.run(sql`INSERT INTO tickets (ticket_id, customer_id, opened_at, category, priority, text) VALUES
    ('T-1', 'C1', TIMESTAMP '2024-06-01 09:00:00', 'billing', 'urgent', 'Charged twice for May\nPlease refund'),
    ('T-2', 'C2', TIMESTAMP '2024-06-02 09:00:00', 'network', NULL, NULL)`);
});
afterAll(() => done());

describe('escalateTicket', () => {
  it('opens a complaint case from the ticket: its customer, priority, subject and text', async () => {
    const e = await escalateTicket(ws, agent, { ticket_id: 'T-1', owner: 'wang.fang' });
    expect(e.created).toBe(true);
    expect(e.case).toMatchObject({
      customer_id: 'C1',
      kind: 'complaint',
      source: 'ticket',
      source_ref: 'T-1',
      priority: 'urgent',
      subject: 'Charged twice for May',
      description: 'Charged twice for May\nPlease refund',
      owner: 'wang.fang',
      stage: 'received',
    });
  });

  it('a second escalation returns the case the first opened, and writes nothing', async () => {
    const before = await ws.db.all(sql`SELECT * FROM case_events ORDER BY case_id, version`);
    const again = await escalateTicket(ws, agent, { ticket_id: 'T-1' });
    expect(again.created).toBe(false);
    expect(again.case.source_ref).toBe('T-1');
    expect(await ws.db.all(sql`SELECT * FROM case_events ORDER BY case_id, version`)).toEqual(before);
  });

  it('two escalations of one ticket at once open one case', async () => {
    const [a, b] = await Promise.all([
      escalateTicket(ws, agent, { ticket_id: 'T-2' }),
      escalateTicket(ws, agent, { ticket_id: 'T-2' }),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.case.case_id).toBe(b.case.case_id);
    expect(a.case).toMatchObject({ subject: 'network T-2', priority: 'normal' });
    const n = await ws.db.all(sql`SELECT count(*) AS n FROM cases WHERE source_ref = 'T-2'`);
    expect(Number(n[0]?.n)).toBe(1);
    expect((await replayCases(ws)).length).toBe(2);
  });

  it('an unknown ticket is TEN_TICKET_NOT_FOUND, an unknown owner TEN_CASE_UNKNOWN_OWNER, nothing written', async () => {
    await expect(escalateTicket(ws, agent, { ticket_id: 'T-404' })).rejects.toMatchObject({
      code: 'TEN_TICKET_NOT_FOUND',
      status: 404,
    });
    await ws.db.run(
      sql`INSERT INTO tickets (ticket_id, customer_id, opened_at) VALUES ('T-3', 'C3', TIMESTAMP '2024-06-03 09:00:00')`,
    );
    await expect(escalateTicket(ws, agent, { ticket_id: 'T-3', owner: 'nobody' })).rejects.toMatchObject({
      code: 'TEN_CASE_UNKNOWN_OWNER',
    });
    expect(await ws.db.all(sql`SELECT 1 FROM cases WHERE source_ref = 'T-3'`)).toEqual([]);
  });
});
