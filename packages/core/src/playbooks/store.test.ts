/**
 * Saving playbooks: a definition that does not fit, or names a tier, rule, customer field, owner or team the
 * workspace lacks, is refused by code with nothing written; two admins changing one playbook: the second gets
 * TEN_PLAYBOOK_STALE with the current version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, definition, playbookWorkspace } from '../../test/playbooks.ts';
import { replayCases } from '../cases/replay.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { runPlaybook } from './run.ts';
import { deletePlaybook, getPlaybook, listPlaybooks, savePlaybook, setPlaybookEnabled } from './store.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await playbookWorkspace());
});
afterAll(() => done());

const stored = async () => ({
  playbooks: await ws.db.all(sql`SELECT * FROM playbooks ORDER BY playbook_id`),
  cases: await ws.db.all(sql`SELECT count(*) AS n FROM cases`),
});

/** `input` is refused with `code` and nothing is written. */
async function refused(input: unknown, code: string): Promise<Record<string, unknown>> {
  const before = await stored();
  const e = await savePlaybook(ws, admin, input).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, `expected ${code}`).toMatchObject({ code });
  expect(await stored()).toEqual(before);
  return e as Record<string, unknown>;
}

describe('a definition that does not fit', () => {
  it('names every bad part at once (TEN_PLAYBOOK_INVALID)', async () => {
    const e = await refused(
      {
        ...definition(),
        name: { en: 'Only English' },
        template: { kind: 'lawsuit', subject: { en: 'x', 'zh-CN': 'x' } },
        colour: 'red',
      },
      'TEN_PLAYBOOK_INVALID',
    );
    const paths = (e.args as { playbookProblems: { path: string }[] }).playbookProblems.map((p) => p.path);
    expect(paths.sort()).toEqual(['colour', 'name.zh-CN', 'template.kind']);
    expect(e.status).toBe(422);
  });

  it('refuses an unknown trigger kind and a filter item without name=value', async () => {
    await refused(definition({ trigger: { kind: 'weather' } as never }), 'TEN_PLAYBOOK_INVALID');
    await refused(definition({ trigger: { kind: 'filter', filter: ['north'] } }), 'TEN_PLAYBOOK_INVALID');
  });
});

describe('a definition naming what the workspace lacks', () => {
  it('a risk tier, an alert rule, a customer field', async () => {
    const tier = await refused(
      definition({ trigger: { kind: 'risk_tier', tier: 'extreme' } }),
      'TEN_PLAYBOOK_UNKNOWN_TIER',
    );
    expect(tier.args).toMatchObject({ known: ['low', 'medium', 'high', 'critical'] });
    await refused(definition({ trigger: { kind: 'alert_rule', rule: 'moon_phase' } }), 'TEN_PLAYBOOK_UNKNOWN_RULE');
    const field = await refused(
      definition({ trigger: { kind: 'filter', filter: ['region=north', 'shoe_size=42'] } }),
      'TEN_PLAYBOOK_UNKNOWN_FIELD',
    );
    expect(field.args).toMatchObject({ field: 'shoe_size' });
    // A name of Object.prototype is a field like any other: refused, not looked up.
    await refused(definition({ trigger: { kind: 'filter', filter: ['constructor=x'] } }), 'TEN_PLAYBOOK_UNKNOWN_FIELD');
  });

  it('a derived dimension (value tier, RFM, lifecycle stage) is known to every workspace', async () => {
    const id = 'save-top-at-risk';
    const filter = ['value_tier=top', 'lifecycle_stage=at_risk', 'rfm_segment=champions'];
    await savePlaybook(ws, admin, definition({ id, trigger: { kind: 'filter', filter } }));
    expect((await getPlaybook(ws, id)).trigger).toEqual({ kind: 'filter', filter });
    await deletePlaybook(ws, id);
  });

  it('an owner who is no user, a team that does not exist', async () => {
    await refused(definition({ owner_rule: { owner: 'ghost' } }), 'TEN_CASE_UNKNOWN_OWNER');
    await refused(definition({ owner_rule: { team: 'nowhere' } }), 'TEN_PLAYBOOK_UNKNOWN_TEAM');
    await ws.db.run(sql`INSERT INTO teams VALUES ('save-desk', 'Save desk', '挽留组', now()::TIMESTAMP)`);
    const p = await savePlaybook(ws, admin, definition({ id: 'team-only', owner_rule: { team: 'save-desk' } }));
    expect(p.owner_rule).toEqual({ team: 'save-desk' });
    // A team without members: the cases wait in the team's queue.
    const r = await runPlaybook(ws, admin, 'team-only', { at_risk: true });
    const cases = await ws.db.all(sql`SELECT DISTINCT owner, team FROM cases WHERE playbook_id = 'team-only'`);
    expect(r.created).toBeGreaterThan(0);
    expect(cases).toEqual([{ owner: null, team: 'save-desk' }]);
  });

  it('a team alone deals the cases out to its members in turn, as cases opened one by one would be', async () => {
    // retention: li.wei and wang.fang, neither owning a case yet, so li.wei (by name) first.
    await savePlaybook(ws, admin, definition({ id: 'dealt', owner_rule: { team: 'retention' } }));
    const r = await runPlaybook(ws, admin, 'dealt', { at_risk: true });
    const owners = await ws.db.all<{ owner: string }>(
      sql`SELECT owner FROM cases WHERE playbook_id = 'dealt' ORDER BY case_id`,
    );
    expect(r.created).toBeGreaterThan(1);
    expect(owners.map((o) => o.owner)).toEqual(owners.map((_, i) => (i % 2 ? 'wang.fang' : 'li.wei')));
    const replayed = await replayCases(ws);
    expect(replayed.filter((c) => c.playbook_id === 'dealt').map((c) => c.owner)).toEqual(owners.map((o) => o.owner));
  });
});

describe('versions', () => {
  it('a new playbook is version 1; saving it again without the version is refused with the current one', async () => {
    const p = await savePlaybook(ws, admin, definition({ id: 'v' }));
    expect(p).toMatchObject({ id: 'v', version: 1, enabled: true, updated_by: 'boss', last_run_at: null });
    const e = await refused(definition({ id: 'v' }), 'TEN_PLAYBOOK_EXISTS');
    expect(e).toMatchObject({ status: 409, details: { version: 1 } });
  });

  it('two admins based on one version: the first wins, the second gets TEN_PLAYBOOK_STALE with the current version', async () => {
    const a = savePlaybook(
      ws,
      admin,
      definition({ id: 'v', version: 1, template: { ...definition().template, priority: 'urgent' } }),
    );
    const b = savePlaybook(ws, { name: 'other' }, definition({ id: 'v', version: 1 }));
    const results = await Promise.allSettled([a, b]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'TEN_PLAYBOOK_STALE', status: 409, args: { expected: 1, current: 2 } });
    expect((await getPlaybook(ws, 'v')).version).toBe(2);
  });

  it('enable, disable and delete take the version too; a missing playbook is TEN_PLAYBOOK_NOT_FOUND', async () => {
    await expect(setPlaybookEnabled(ws, admin, 'v', false, 1)).rejects.toMatchObject({ code: 'TEN_PLAYBOOK_STALE' });
    const off = await setPlaybookEnabled(ws, admin, 'v', false, 2);
    expect(off).toMatchObject({ enabled: false, version: 3 });
    // The definition is kept as it was: switching is no edit of it.
    expect(off.template.priority).toBe((await getPlaybook(ws, 'v')).template.priority);
    await expect(deletePlaybook(ws, 'v', 2)).rejects.toMatchObject({ code: 'TEN_PLAYBOOK_STALE' });
    await deletePlaybook(ws, 'v', 3);
    await expect(getPlaybook(ws, 'v')).rejects.toMatchObject({ code: 'TEN_PLAYBOOK_NOT_FOUND', status: 404 });
    await expect(runPlaybook(ws, admin, 'v')).rejects.toMatchObject({ code: 'TEN_PLAYBOOK_NOT_FOUND' });
    expect((await listPlaybooks(ws)).map((p) => p.id)).not.toContain('v');
  });
});
