/**
 * Scoring runs the triggers: a real demo scored with a real model opens a case per customer who entered the
 * playbook's tier, recorded as the scoring's run; the next scoring opens no second case for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../test/playbooks.ts';
import { addUser } from '../access/users.ts';
import { scoreChurn } from '../predict/score.ts';
import { trainChurnModel } from '../predict/train.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { savePlaybook } from './store.ts';

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-playbook-score-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await generateDemo(ws, { customers: 800, months: 24, seed: 5 });
  await addUser(ws, { username: 'li.wei', role: 'analyst', password: 'a long passphrase' });
  await trainChurnModel(ws);
}, 180_000);
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The runs of the test's playbook (the demo's own, switched on, runs after each scoring too). */
const runs = () =>
  ws.db.all<{ cause: string; cause_ref: string; matched: number; created: number; skipped: number; error: null }>(
    sql`SELECT cause, cause_ref, matched, created,
      skipped_open_case + skipped_malicious + skipped_credit_risk AS skipped, error FROM playbook_runs
      WHERE playbook_id = 'save-high' ORDER BY run_id`,
  );

describe('a scoring runs the playbooks switched on', () => {
  it('opens a case for each customer who entered the tier, sourced to the scoring', async () => {
    await savePlaybook(ws, { name: 'boss' }, definition({ trigger: { kind: 'risk_tier', tier: 'medium' } }));
    await savePlaybook(ws, { name: 'boss' }, definition({ id: 'off', enabled: false }));
    const scored = await scoreChurn(ws);
    const [run, ...others] = await runs();
    expect(others).toEqual([]);
    expect(run).toMatchObject({ cause: 'score', cause_ref: String(scored.runId), error: null });
    const atTier = scored.result.tiers.medium + scored.result.tiers.high + scored.result.tiers.critical;
    // The first scoring: every customer at the tier or above entered it.
    expect(run?.matched).toBe(atTier);
    expect(run!.created + Number(run!.skipped)).toBe(atTier);
    const [cases] = await ws.db.all<{ n: number; refs: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n,
      CAST(count(DISTINCT source_ref) AS INTEGER) AS refs FROM cases WHERE playbook_id = 'save-high' AND source = 'score'`);
    expect(cases).toEqual({ n: run?.created, refs: 1 });
  }, 120_000);

  it('the next scoring opens no second case for a customer whose case is open', async () => {
    await scoreChurn(ws);
    const [, second] = await runs();
    expect(second?.created).toBe(0);
    const [dupes] = await ws.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM (
      SELECT customer_id FROM cases WHERE playbook_id = 'save-high' GROUP BY customer_id HAVING count(*) > 1)`);
    expect(dupes?.n).toBe(0);
  }, 120_000);
});
