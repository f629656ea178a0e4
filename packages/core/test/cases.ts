/** Shared by the case tests: a real workspace with customers and users, and what a case holds on disk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { addUser } from '../src/access/users.ts';
import { addTeamMember, createTeam } from '../src/cases/teams.ts';
import { sql } from '../src/sql/sql.ts';
import type { TenureConfig } from '../src/workspace/config.ts';
import { initWorkspace, type Workspace } from '../src/workspace/workspace.ts';

export const agent = { name: 'li.wei' };

/**
 * A workspace with customers C1–C3, an analyst li.wei, an analyst wang.fang and an admin boss, and the teams
 * retention (li.wei, wang.fang) and billing (wang.fang); `config` is laid over the default one.
 */
export async function caseWorkspace(
  config: Partial<TenureConfig> = {},
): Promise<{ ws: Workspace; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-cases-'));
  const ws = await initWorkspace(dir, { config });
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES
    ('C1', DATE '2024-01-05'), ('C2', DATE '2024-02-01'), ('C3', DATE '2024-03-01')`);
  for (const [username, role] of [
    ['li.wei', 'analyst'],
    ['wang.fang', 'analyst'],
    ['boss', 'admin'],
  ] as const)
    await addUser(ws, { username, role, password: 'a long passphrase' });
  await createTeam(ws, { team: 'retention', label_en: 'Retention', label_zh: '挽留' });
  await createTeam(ws, { team: 'billing', label_en: 'Billing', label_zh: '账务' });
  for (const [team, user] of [
    ['retention', 'li.wei'],
    ['retention', 'wang.fang'],
    ['billing', 'wang.fang'],
  ] as const)
    await addTeamMember(ws, team, user);
  return {
    ws,
    done: async () => {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything stored about one case: its row and its events, to show that a refusal wrote nothing. */
export const stored = async (ws: Workspace, id: string) => ({
  row: await ws.db.all(sql`SELECT * FROM cases WHERE case_id = ${id}`),
  events: await ws.db.all(sql`SELECT * FROM case_events WHERE case_id = ${id} ORDER BY version`),
});

/** `fn` is refused with `code`, and the case is stored exactly as before. */
export async function refused(
  ws: Workspace,
  id: string,
  code: string,
  fn: () => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const before = await stored(ws, id);
  const e = await fn().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, `expected ${code}`).toMatchObject({ code });
  expect(await stored(ws, id)).toEqual(before);
  return e as Record<string, unknown>;
}

/** The names of the fields a TEN_CASE_FIELD refusal names. */
export const fieldsOf = (e: Record<string, unknown>) =>
  ((e.details as { fields: { field: string }[] }).fields ?? []).map((f) => f.field);
