/** A case's history is read through the log's index by case, so opening a case costs the same at 2M events as at 20. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { commentCase } from './comment.ts';
import { createCase } from './create.ts';
import { eventsOf, getCase } from './get.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
});
afterAll(() => done());

describe("a case's history", () => {
  it('is its events newest first, looked up in the index by case', async () => {
    const a = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'One' });
    const b = await createCase(ws, agent, { customer_id: 'C2', kind: 'complaint', subject: 'Two' });
    await commentCase(ws, agent, a.case_id, { note: 'Called' });
    await commentCase(ws, agent, b.case_id, { note: 'Called too' });
    expect((await getCase(ws, a.case_id)).events.map((e) => [e.case_id, e.version])).toEqual([
      [a.case_id, 2],
      [a.case_id, 1],
    ]);
    // Another tool's history, 50,000 events: at that size a scan would read them all for one case's two.
    await ws.db.run(sql`INSERT INTO case_events (case_id, version, "at", actor, action, fields)
      SELECT 'OLD-' || (i // 10), i % 10 + 1, TIMESTAMP '2024-01-01', 'import', 'noted', '{}' FROM range(50000) t(i)`);
    const [plan] = await ws.db.all<{ explain_value: string }>(sql`EXPLAIN ANALYZE ${eventsOf(a.case_id)}`);
    expect(plan?.explain_value).toMatch(/Index Scan/);
  });
});
