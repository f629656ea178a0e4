/**
 * The case metrics through `tenure metrics`, as every catalogue metric: broken down by a case column, and their
 * SQL printed with the same breakdown.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
const month = new Date().toISOString().slice(0, 7);
beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  const csv = join(tmp, 'customers.csv');
  writeFileSync(csv, 'customer_id,created_at\nC1,2024-01-05\nC2,2024-02-01\n');
  for (const args of [
    ['init'],
    ['import', 'customers', csv],
    ['users', 'add', 'li.wei', '--role', 'analyst', '--password', 'a long passphrase'],
    ['cases', 'create', '--customer', 'C1', '--kind', 'complaint', '--subject', 'Billed twice', '--owner', 'li.wei'],
    ['cases', 'create', '--customer', 'C2', '--kind', 'retention', '--subject', 'Wants to leave', '--owner', 'li.wei'],
    ['cases', 'create', '--customer', 'C2', '--kind', 'complaint', '--subject', 'Slow line'],
  ]) {
    const r = await tenure([...args, '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
  }
}, SLOW.timeout);
afterAll(() => cleanup(tmp));

const metrics = (args: string[]) =>
  tenure(['metrics', ...args, '--period', 'month', '--from', month, '--to', month, '-w', ws]);

describe('tenure metrics over cases', SLOW, () => {
  it('breaks cases opened down by owner and by kind', async () => {
    const r = await metrics(['cases_opened', '--by', 'owner', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<{ segment: { owner: string }; value: number }[]>(r);
    expect(rows.map((x) => [x.segment.owner, x.value])).toEqual([
      ['(none)', 1],
      ['li.wei', 2],
    ]);
    const kinds = json<{ segment: { kind: string }; value: number }[]>(
      await metrics(['cases_opened', '--by', 'kind', '--json']),
    );
    expect(kinds.map((x) => [x.segment.kind, x.value])).toEqual([
      ['complaint', 2],
      ['retention', 1],
    ]);
  });

  it('prints the SQL of a case metric broken down by a case column', async () => {
    const r = await metrics(['case_stage_time', '--by', 'team', '--sql']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('case_events');
  });
});
