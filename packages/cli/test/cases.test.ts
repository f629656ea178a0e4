/**
 * `tenure cases` end to end through the built CLI: a complaint walked through the five steps with --json, the
 * refusals with their codes and exit codes, the list and the case's history, in English and Chinese.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail, CaseRow, Page } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  const csv = join(tmp, 'customers.csv');
  writeFileSync(csv, 'customer_id,created_at\nC1,2024-01-05\nC2,2024-02-01\n');
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

const cases = async (args: string[]) => tenure(['cases', ...args, '-w', ws, '--json']);
const row = async (args: string[]) => {
  const r = await cases(args);
  expect(r.code, r.stdout).toBe(0);
  return json<CaseRow>(r);
};

describe('tenure cases', SLOW, () => {
  it('walks a complaint from received to closed, refusing a skipped step, a missing field and a stale version', async () => {
    const c = await row([
      'create',
      '--customer',
      'C1',
      '--kind',
      'complaint',
      '--subject',
      'Billed twice',
      '--as',
      'li.wei',
    ]);
    expect(c).toMatchObject({ stage: 'received', version: 1, customer_id: 'C1', priority: 'normal', source: 'manual' });
    const id = c.case_id;

    expectJsonError(await cases(['move', id, 'planned', '--set', 'action_plan=Refund']), 5, 'TEN_CASE_TRANSITION');
    const missing = expectJsonError(
      await cases(['move', id, 'diagnosed', '--set', 'root_cause=billing', '--set', 'severity=high']),
      3,
      'TEN_CASE_FIELD',
    );
    expect(missing.error.message).toContain('company_at_fault');

    const diagnosis = ['--set', 'root_cause=billing', '--set', 'severity=high', '--set', 'company_at_fault=yes'];
    expect(await row(['move', id, 'diagnosed', ...diagnosis, '--version', '1'])).toMatchObject({
      stage: 'diagnosed',
      company_at_fault: true,
      version: 2,
    });
    const stale = expectJsonError(await cases(['comment', id, 'Called back', '--version', '1']), 5, 'TEN_CASE_STALE');
    expect(stale.error.message).toContain('version 2');

    const plan = ['--set', 'action_plan=Refund the second charge', '--set', 'compensation_kind=refund'];
    expectJsonError(
      await cases(['move', id, 'planned', ...plan, '--set', 'compensation_amount=150']),
      3,
      'TEN_CASE_APPROVAL',
    );
    await row(['move', id, 'planned', ...plan, '--set', 'compensation_amount=150', '--set', 'approved_by=boss']);
    await row(['move', id, 'implementing', '--note', 'Refund sent to finance']);
    await row(['move', id, 'following_up', '--set', 'actions_done=Refunded', '--set', 'compensation_granted=150']);
    const closed = await row([
      'move',
      id,
      'closed',
      '--set',
      'contacted=yes',
      '--set',
      'satisfied=yes',
      '--set',
      'csat=5',
    ]);
    expect(closed).toMatchObject({ stage: 'closed', csat: 5, compensation_granted: 150, version: 6 });

    const r = await row(['reopen', id, '--to', 'diagnosed', '--note', 'Charged twice again']);
    expect(r).toMatchObject({ stage: 'diagnosed', reopen_count: 1, closed_at: null });

    const detail = json<CaseDetail>(await cases(['show', id]));
    expect(detail.events.map((e) => e.action)).toEqual([
      'reopened',
      'moved',
      'moved',
      'moved',
      'moved',
      'moved',
      'created',
    ]);
    expect(detail.events.at(-1)?.actor).toBe('li.wei');
  });

  it('lists, assigns, cancels and shows in Chinese; bad input is a clear error, never a crash', async () => {
    const c = await row([
      'create',
      '--customer',
      'C2',
      '--kind',
      'retention',
      '--subject',
      '想要离网',
      '--priority',
      'urgent',
    ]);
    expectJsonError(await cases(['assign', c.case_id, '--owner', 'ghost']), 3, 'TEN_CASE_UNKNOWN_OWNER');
    expectJsonError(await cases(['assign', c.case_id, '--team', 'save-desk']), 3, 'TEN_CASE_UNKNOWN_TEAM');
    for (const args of [
      ['teams', 'create', 'save-desk', '--en', 'Save desk', '--zh', '挽留组'],
      ['teams', 'add', 'save-desk', 'boss'],
    ])
      expect((await tenure([...args, '-w', ws])).code).toBe(0);
    expect(await row(['assign', c.case_id, '--owner', 'boss', '--team', 'save-desk'])).toMatchObject({ owner: 'boss' });
    expectJsonError(
      await cases(['create', '--customer', 'C9', '--kind', 'complaint', '--subject', 'x']),
      3,
      'TEN_CASE_UNKNOWN_CUSTOMER',
    );
    expectJsonError(await cases(['list', '--stage', 'lost']), 3, 'TEN_BAD_OPTION');
    expectJsonError(await cases(['show', 'CASE-999999']), 4, 'TEN_CASE_NOT_FOUND');

    const open = json<Page<CaseRow>>(await cases(['list', '--open', '--sort', 'priority']));
    expect(open.total).toBe(2);
    expect(open.rows[0]?.case_id).toBe(c.case_id);
    await row(['cancel', c.case_id, '--note', 'Customer changed their mind']);
    expect(json<Page<CaseRow>>(await cases(['list', '--closed'])).rows.map((x) => x.stage)).toEqual(['cancelled']);

    const zh = await tenure(['cases', 'show', c.case_id, '--lang', 'zh', '-w', ws]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('挽留 · 已取消 · 紧急');
    const refusal = await tenure(['cases', 'move', c.case_id, 'closed', '--lang', 'zh', '-w', ws]);
    expect(expectHumanError(refusal, 5, 'TEN_CASE_TRANSITION')[0]).toContain('已取消');
  });
});
