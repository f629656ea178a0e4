/**
 * `tenure teams` and the inbox flags of `tenure cases list` through the built CLI: teams kept with their labels
 * and members, refusals by code and exit code, "mine" and "my team" for the user given with --as, and an SLA
 * check at a given time raising its alert once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseListRow, CaseRow, Page, SlaCheck, Team } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  const csv = join(tmp, 'customers.csv');
  writeFileSync(csv, 'customer_id,created_at\nC1,2024-01-05\n');
  expect((await tenure(['init', '-w', ws])).code).toBe(0);
  // An SLA policy for every case: answered within an hour, resolved within a day, around the clock.
  const file = join(ws, 'tenure.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.cases.sla = { policies: [{ name: 'all', first_response_hours: 1, resolution_hours: 24 }] };
  writeFileSync(file, JSON.stringify(config, null, 2));
  for (const args of [
    ['import', 'customers', csv],
    ...['li.wei', 'wang.fang'].map((u) => ['users', 'add', u, '--role', 'analyst', '--password', 'a long passphrase']),
  ]) {
    const r = await tenure([...args, '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
  }
}, SLOW.timeout);
afterAll(() => cleanup(tmp));

const run = (args: string[]) => tenure([...args, '-w', ws, '--json']);

describe('tenure teams', SLOW, () => {
  it('creates, staffs, lists and deletes teams, refusing unknown users and taken ids', async () => {
    const made = json<Team>(await run(['teams', 'create', 'billing', '--en', 'Billing', '--zh', '账务']));
    expect(made).toMatchObject({ team: 'billing', label: { en: 'Billing', 'zh-CN': '账务' }, members: [] });
    expectJsonError(await run(['teams', 'create', 'billing', '--en', 'B', '--zh', 'B']), 5, 'TEN_TEAM_EXISTS');
    expectJsonError(await run(['teams', 'add', 'billing', 'ghost']), 3, 'TEN_TEAM_UNKNOWN_USER');
    expect(json<Team>(await run(['teams', 'add', 'billing', 'li.wei', 'wang.fang'])).members).toEqual([
      'li.wei',
      'wang.fang',
    ]);
    expect(json<Team>(await run(['teams', 'remove', 'billing', 'wang.fang'])).members).toEqual(['li.wei']);
    const zh = await tenure(['teams', 'list', '--lang', 'zh', '-w', ws]);
    expect(zh.stdout).toContain('账务');
    expect((await run(['teams', 'create', 'temp', '--en', 'Temp', '--zh', '临时'])).code).toBe(0);
    expect((await run(['teams', 'delete', 'temp'])).code).toBe(0);
    expect(json<{ teams: Team[] }>(await run(['teams', 'list'])).teams.map((t) => t.team)).toEqual(['billing']);
  });

  it('lists mine, my team and overdue cases, and alerts a breach once', async () => {
    const c = json<CaseRow>(
      await run([
        'cases',
        'create',
        '--customer',
        'C1',
        '--kind',
        'complaint',
        '--subject',
        'Slow',
        '--team',
        'billing',
        '--owner',
        'li.wei',
      ]),
    );
    expect(c).toMatchObject({ sla_policy: 'all', first_response_at: null });
    const mine = json<Page<CaseListRow>>(await run(['cases', 'list', '--mine', '--as', 'li.wei']));
    expect(mine.rows.map((r) => r.case_id)).toEqual([c.case_id]);
    const other = json<Page<CaseListRow>>(await run(['cases', 'list', '--my-team', '--as', 'wang.fang']));
    expect(other.total).toBe(0);
    expectJsonError(await run(['cases', 'list', '--mine']), 3, 'TEN_CASE_NEEDS_USER');
    const later = new Date(Date.parse(c.opened_at) + 2 * 3_600_000).toISOString();
    const check = json<SlaCheck>(await run(['cases', 'sla-check', '--at', later]));
    expect(check.breaches.map((b) => [b.case_id, b.target])).toEqual([[c.case_id, 'first_response']]);
    expect(check.alerted).toBe(1);
    expect(json<SlaCheck>(await run(['cases', 'sla-check', '--at', later])).alerted).toBe(0);
    expectJsonError(await run(['teams', 'delete', 'billing']), 5, 'TEN_TEAM_IN_USE');
  });
});
