/**
 * `tenure playbooks` end to end through the built CLI: a playbook saved from a file, listed, run by hand with
 * its counts, switched off, refused by code (an unknown field, a stale version) and deleted, in both languages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook, PlaybookRunResult } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
const file = (name: string, body: unknown) => {
  const f = join(tmp, name);
  writeFileSync(f, JSON.stringify(body));
  return f;
};
const definition = {
  id: 'north',
  name: { en: 'North follow-up', 'zh-CN': '北区回访' },
  trigger: { kind: 'filter', filter: ['region=north'] },
  template: {
    kind: 'follow_up',
    subject: { en: 'Check in', 'zh-CN': '回访' },
    checklist: [{ en: 'Call', 'zh-CN': '致电' }],
  },
  owner_rule: { owner: 'boss' },
};

beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  const csv = join(tmp, 'customers.csv');
  writeFileSync(csv, 'customer_id,created_at,region\nC1,2024-01-05,north\nC2,2024-02-01,south\nC3,2024-02-01,north\n');
  for (const args of [
    ['init'],
    ['import', 'customers', csv],
    ['users', 'add', 'boss', '--role', 'admin', '--password', 'a long passphrase'],
  ]) {
    const r = await tenure([...args, '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
  }
}, SLOW.timeout);
afterAll(() => cleanup(tmp));

const pb = (args: string[]) => tenure(['playbooks', ...args, '-w', ws, '--json']);

describe('tenure playbooks', SLOW, () => {
  it('saves, lists, runs (twice: no second open case), switches off and deletes, each with --json', async () => {
    const saved = json<Playbook>(await pb(['save', file('north.json', definition), '--as', 'boss']));
    expect(saved).toMatchObject({ id: 'north', version: 1, enabled: true, updated_by: 'boss' });
    expect(json<Playbook[]>(await pb(['list'])).map((p) => p.id)).toEqual(['north']);
    const dry = json<PlaybookRunResult>(await pb(['run', 'north', '--dry-run']));
    expect(dry).toMatchObject({ dry_run: true, matched: 2, created: 2, case_ids: [] });
    const run = json<PlaybookRunResult>(await pb(['run', 'north']));
    expect(run).toMatchObject({ matched: 2, created: 2, skipped: { open_case: 0 } });
    expect(run.case_ids).toHaveLength(2);
    const again = await tenure(['playbooks', 'run', 'north', '-w', ws, '--lang', 'zh']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('新建 0 个案例');
    const off = json<Playbook>(await pb(['disable', 'north', '--version', '1']));
    expect(off).toMatchObject({ enabled: false, version: 2 });
    const shown = await tenure(['playbooks', 'show', 'north', '-w', ws]);
    expect(shown.stdout).toContain('customers where region=north');
    expect(json(await pb(['delete', 'north', '--version', '2']))).toEqual({ deleted: 'north' });
  });

  it('refuses by code and exit code: an unknown field (3), a stale version (5), a missing playbook (4)', async () => {
    const bad = file('bad.json', { ...definition, id: 'bad', trigger: { kind: 'filter', filter: ['shoe_size=42'] } });
    expectJsonError(await pb(['save', bad]), 3, 'TEN_PLAYBOOK_UNKNOWN_FIELD');
    expectHumanError(await tenure(['playbooks', 'save', bad, '-w', ws]), 3, 'TEN_PLAYBOOK_UNKNOWN_FIELD');
    await pb(['save', file('v.json', { ...definition, id: 'v' })]);
    expectJsonError(
      await pb(['save', file('v2.json', { ...definition, id: 'v' }), '--version', '7']),
      5,
      'TEN_PLAYBOOK_STALE',
    );
    expectJsonError(await pb(['run', 'nobody']), 4, 'TEN_PLAYBOOK_NOT_FOUND');
  });
});
