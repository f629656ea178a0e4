/**
 * Teams and who may own a team's case, and the assignment rules with their round-robin, on a real workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace, refused } from '../../test/cases.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { assignCase } from './assign.ts';
import { defaultCasesConfig } from './config.ts';
import { createCase } from './create.ts';
import { nextMember, pickAssignee } from './routing.ts';
import { addTeamMember, createTeam, deleteTeam, listTeams, relabelTeam, removeTeamMember } from './teams.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
});
afterAll(() => done());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string }) => e.code,
  );

describe('teams', () => {
  it('are created with labels in both languages, relabelled, and listed with their members', async () => {
    const t = await createTeam(ws, { team: 'vip', label_en: 'VIP desk', label_zh: '贵宾组' });
    expect(t).toMatchObject({ team: 'vip', label: { en: 'VIP desk', 'zh-CN': '贵宾组' }, members: [] });
    await addTeamMember(ws, 'vip', 'wang.fang');
    await addTeamMember(ws, 'vip', 'li.wei');
    await addTeamMember(ws, 'vip', 'li.wei'); // again: nothing changes
    expect((await relabelTeam(ws, 'vip', { label_zh: '大客户组' })).label).toEqual({
      en: 'VIP desk',
      'zh-CN': '大客户组',
    });
    const all = await listTeams(ws);
    expect(all.map((x) => x.team)).toEqual(['billing', 'retention', 'vip']);
    expect(all.find((x) => x.team === 'vip')?.members).toEqual(['li.wei', 'wang.fang']);
    expect((await removeTeamMember(ws, 'vip', 'li.wei')).members).toEqual(['wang.fang']);
    await deleteTeam(ws, 'vip');
    expect((await listTeams(ws)).map((x) => x.team)).toEqual(['billing', 'retention']);
  });

  it('refuse a taken id, a bad id, an unknown team or user, and deleting a team with open cases', async () => {
    expect(await codeOf(createTeam(ws, { team: 'billing', label_en: 'B', label_zh: 'B' }))).toBe('TEN_TEAM_EXISTS');
    expect(await codeOf(createTeam(ws, { team: 'a b', label_en: 'B', label_zh: 'B' }))).toBe('TEN_BAD_OPTION');
    expect(await codeOf(createTeam(ws, { team: 'x', label_en: 'X' } as never))).toBe('TEN_BAD_OPTION');
    expect(await codeOf(addTeamMember(ws, 'nowhere', 'li.wei'))).toBe('TEN_TEAM_NOT_FOUND');
    expect(await codeOf(addTeamMember(ws, 'billing', 'ghost'))).toBe('TEN_TEAM_UNKNOWN_USER');
    expect(await codeOf(deleteTeam(ws, 'nowhere'))).toBe('TEN_TEAM_NOT_FOUND');
    await createTeam(ws, { team: 'busy', label_en: 'Busy', label_zh: '忙' });
    await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Busy team', team: 'busy' });
    expect(await codeOf(deleteTeam(ws, 'busy'))).toBe('TEN_TEAM_IN_USE');
    expect((await listTeams(ws)).map((x) => x.team)).toContain('busy');
  });
});

describe('a case’s owner and team', () => {
  it('a case’s team must be a team, and an owner given with it its member; nothing is written otherwise', async () => {
    const before = (await ws.db.all(sql`SELECT count(*) AS n FROM cases`))[0];
    const open = (team: string, owner?: string) =>
      codeOf(
        createCase(ws, agent, {
          customer_id: 'C1',
          kind: 'complaint',
          subject: 'X',
          team,
          ...(owner ? { owner } : {}),
        }),
      );
    expect(await open('support')).toBe('TEN_CASE_UNKNOWN_TEAM');
    expect(await open('billing', 'li.wei')).toBe('TEN_CASE_OWNER_NOT_IN_TEAM');
    expect(await open('billing', 'ghost')).toBe('TEN_CASE_UNKNOWN_OWNER');
    expect((await ws.db.all(sql`SELECT count(*) AS n FROM cases`))[0]).toEqual(before);
    const c = await createCase(ws, agent, {
      customer_id: 'C1',
      kind: 'complaint',
      subject: 'Y',
      team: 'billing',
      owner: 'wang.fang',
    });
    expect(c).toMatchObject({ team: 'billing', owner: 'wang.fang' });
  });

  it('an assignment keeps the pair consistent: an owner alone must be in the case’s team', async () => {
    const c = await createCase(ws, agent, { customer_id: 'C2', kind: 'complaint', subject: 'Z', team: 'billing' });
    await refused(ws, c.case_id, 'TEN_CASE_OWNER_NOT_IN_TEAM', () =>
      assignCase(ws, agent, c.case_id, { owner: 'li.wei' }),
    );
    await refused(ws, c.case_id, 'TEN_CASE_UNKNOWN_TEAM', () => assignCase(ws, agent, c.case_id, { team: 'nowhere' }));
    expect(await assignCase(ws, agent, c.case_id, { owner: 'li.wei', team: 'retention' })).toMatchObject({
      owner: 'li.wei',
      team: 'retention',
    });
    // A team alone whose members do not include the owner kept is refused too; taking the owner away is not.
    await refused(ws, c.case_id, 'TEN_CASE_OWNER_NOT_IN_TEAM', () =>
      assignCase(ws, agent, c.case_id, { team: 'billing' }),
    );
    expect(await assignCase(ws, agent, c.case_id, { owner: null, team: 'billing' })).toMatchObject({ owner: null });
  });
});

describe('assignment rules and round-robin', () => {
  let r: Workspace;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ws: r, done: close } = await caseWorkspace({
      cases: {
        ...defaultCasesConfig(),
        assignment: [
          { kind: ['complaint'], priority: [], customer: { region: ['north'] }, team: 'billing' },
          { kind: ['complaint', 'retention'], priority: [], customer: {}, team: 'retention' },
        ],
      },
    }));
    await r.db.run(sql`UPDATE customers SET region = CASE customer_id WHEN 'C1' THEN 'north' ELSE 'south' END`);
    await createTeam(r, { team: 'empty', label_en: 'Empty', label_zh: '空' });
  });
  afterAll(() => close());

  it('the first matching rule gives the team, its members taken in turn (oldest last case first, ties by name)', async () => {
    const opened: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await createCase(r, agent, {
        customer_id: 'C2',
        kind: 'complaint',
        subject: `Turn ${i}`,
        at: '2026-03-01T00:00:00.000Z',
      });
      expect(c.team).toBe('retention');
      opened.push(c.owner);
    }
    // Same opening time for all: the turn still alternates (the newer case id breaks the tie).
    expect(opened).toEqual(['li.wei', 'wang.fang', 'li.wei', 'wang.fang']);
    // A customer of the north region matches the first rule; a follow-up matches none.
    expect(await pickAssignee(r, { customer_id: 'C1', kind: 'complaint', priority: 'normal' })).toEqual({
      team: 'billing',
      owner: 'wang.fang',
      rule: 0,
    });
    const f = await createCase(r, agent, { customer_id: 'C1', kind: 'follow_up', subject: 'Check in' });
    expect(f).toMatchObject({ team: null, owner: null });
    // Given a team, only its next member is picked; a team without members has none.
    expect(
      await pickAssignee(r, { customer_id: 'C1', kind: 'follow_up', priority: 'low', team: 'retention' }),
    ).toMatchObject({
      team: 'retention',
      owner: 'li.wei',
    });
    expect(await nextMember(r, 'empty')).toBeNull();
    // An owner or team given by the caller wins over the rules.
    const g = await createCase(r, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Mine', owner: 'boss' });
    expect(g).toMatchObject({ owner: 'boss', team: null });
  });

  it('a rule naming a customer field or a team the workspace lacks is a config problem', async () => {
    const bad = (rule: Record<string, unknown>) =>
      ({
        ...r,
        config: {
          ...r.config,
          cases: { ...r.config.cases, assignment: [{ kind: [], priority: [], customer: {}, ...rule }] },
        },
      }) as unknown as Workspace;
    await expect(
      pickAssignee(bad({ customer: { tier: ['gold'] }, team: 'billing' }), {
        customer_id: 'C1',
        kind: 'complaint',
        priority: 'low',
      }),
    ).rejects.toMatchObject({ code: 'TEN_CONFIG_INVALID' });
    await expect(
      pickAssignee(bad({ team: 'gone' }), { customer_id: 'C1', kind: 'complaint', priority: 'low' }),
    ).rejects.toMatchObject({ code: 'TEN_CONFIG_INVALID' });
  });
});
