/** The inbox's kept pages: served again while no case changed, read again after any change, whoever wrote it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { commentCase } from './comment.ts';
import { createCase } from './create.ts';
import { listCases } from './list.ts';
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
    expect(await ids('received')).toEqual(['BULK-1@1', `${b.case_id}@1`]);
  });
});
