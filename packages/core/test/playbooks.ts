/** Shared by the playbook tests: a workspace with customers, scorings, alerts and a definition to vary. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaybookInput } from '../src/playbooks/definition.ts';
import { sql } from '../src/sql/sql.ts';
import type { Workspace } from '../src/workspace/workspace.ts';
import { caseWorkspace } from './cases.ts';

export const admin = { name: 'boss' };

/**
 * C1–C6 (C1–C3 from caseWorkspace): C4 churned maliciously once, C5 carries the credit-risk attribute, C1, C3
 * and C6 are in the north. Two scorings: run 1 (C1 medium, C2 high) and run 2 (C1, C2, C4, C5 critical, C3
 * high, C6 low), so C1 and C3 entered the high tier or above at run 2, C2 was there already.
 */
export async function playbookWorkspace(): Promise<{ ws: Workspace; dir: string; done: () => Promise<void> }> {
  const { ws, done } = await caseWorkspace();
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES
    ('C4', DATE '2024-01-05'), ('C5', DATE '2024-01-05'), ('C6', DATE '2024-01-05')`);
  await ws.db.run(sql`ALTER TABLE customers ADD COLUMN credit_risk VARCHAR`);
  await ws.db.run(sql`UPDATE customers SET credit_risk = 'yes' WHERE customer_id = 'C5'`);
  await ws.db.run(
    sql`UPDATE customers SET region = CASE WHEN customer_id IN ('C1', 'C3', 'C6') THEN 'north' ELSE 'south' END`,
  );
  await ws.db.run(sql`INSERT INTO churn_events (customer_id, churned_at, kind, category)
    VALUES ('C4', TIMESTAMP '2024-06-01', 'voluntary', 'malicious')`);
  const score = (run: number, rows: [string, string][]) =>
    ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, retain)
      SELECT ${run}, unnest(${rows.map((r) => r[0])}), DATE '2025-01-01', 0.5, 0, unnest(${rows.map((r) => r[1])}), true`);
  await score(1, [
    ['C1', 'medium'],
    ['C2', 'high'],
  ]);
  await score(2, [
    ['C1', 'critical'],
    ['C2', 'critical'],
    ['C3', 'high'],
    ['C4', 'critical'],
    ['C5', 'critical'],
    ['C6', 'low'],
  ]);
  return { ws, dir: ws.dir, done };
}

/** A valid playbook definition, changed by `over`. */
export const definition = (over: Partial<PlaybookInput> & Record<string, unknown> = {}): PlaybookInput => ({
  id: 'save-high',
  name: { en: 'Save high risk', 'zh-CN': '挽留高风险客户' },
  trigger: { kind: 'risk_tier', tier: 'high' },
  template: {
    kind: 'retention',
    priority: 'high',
    subject: { en: 'Save attempt', 'zh-CN': '挽留尝试' },
    description: { en: 'Risk rose.', 'zh-CN': '风险上升。' },
    checklist: [
      { en: 'Call the customer', 'zh-CN': '致电客户' },
      { en: 'Offer a plan', 'zh-CN': '提供方案' },
    ],
    due_in_days: 7,
  },
  owner_rule: { owner: 'li.wei' },
  ...over,
});

/** A CSV file in `dir` with these lines. */
export function csv(dir: string, name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
