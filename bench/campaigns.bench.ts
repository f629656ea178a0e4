/**
 * npm run bench:campaigns — measuring a campaign of MEMBERS=1000000 members (both arms, Kaplan–Meier per arm, the
 * bootstrap with 1,000 resamples of retained MRR and revenue, CUPED, SRM, money): a workspace of MEMBERS
 * subscribers is generated in SQL (one subscription each, a tenth ending inside the 90-day window, the treated a
 * little less often; some orders), the campaign imported as RET-B with a 50/50 split, then measureCampaign runs
 * RUNS=3 times. Prints the best and the median wall time. Target (issue 13): < 3 s.
 * MEMBERS=20000 npm run bench:campaigns for a quick check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCampaign } from '../packages/core/src/campaigns/measure.ts';
import { sql } from '../packages/core/src/sql/sql.ts';
import { initWorkspace } from '../packages/core/src/workspace/workspace.ts';

const MEMBERS = Number(process.env.MEMBERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'tenure-bench-campaigns-'));
const ws = await initWorkspace(dir);
try {
  const t0 = performance.now();
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at)
    SELECT 'C' || i, TIMESTAMP '2024-01-01' FROM range(${MEMBERS}) t(i)`);
  // Launch 2025-01-01; a member churns inside the window with probability 0.10 (control) or 0.08 (treatment).
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr)
    SELECT 'S' || i, 'C' || i, TIMESTAMP '2024-01-01',
      CASE WHEN hash(i, 1) % 1000 < (CASE WHEN i % 2 = 0 THEN 80 ELSE 100 END)
        THEN TIMESTAMP '2025-01-01' + INTERVAL (1 + hash(i, 2) % 89) DAY END,
      CAST(20 + hash(i, 3) % 200 AS DECIMAL(18, 4))
    FROM range(${MEMBERS}) t(i)`);
  await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount)
    SELECT 'O' || i, 'C' || i, TIMESTAMP '2024-11-01' + INTERVAL (hash(i, 4) % 150) DAY, CAST(5 + hash(i, 5) % 500 AS DECIMAL(18, 4))
    FROM range(${MEMBERS}) t(i) WHERE i % 3 = 0`);
  await ws.db.run(sql`INSERT INTO campaigns (campaign_id, name, started_at, cost)
    VALUES ('RET-B', 'Bench', TIMESTAMP '2025-01-01', 100000)`);
  await ws.db.run(sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')}, assigned_at)
    SELECT 'RET-B', 'C' || i, CASE WHEN i % 2 = 0 THEN 'treatment' ELSE 'control' END, TIMESTAMP '2025-01-01'
    FROM range(${MEMBERS}) t(i)`);
  console.log(`generated ${MEMBERS} members in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const times: number[] = [];
  let reduction = '';
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const m = await measureCampaign(ws, 'RET-B', { as_of: '2025-06-30' });
    times.push(performance.now() - start);
    const r = m.churn.absolute_reduction;
    reduction = `${r.estimate?.toFixed(4)} [${r.lower?.toFixed(4)}, ${r.upper?.toFixed(4)}]`;
  }
  times.sort((x, y) => x - y);
  console.log(
    `measure ${MEMBERS} members (KM per arm, bootstrap 1,000): best ${times[0]?.toFixed(0)} ms, median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms; reduction ${reduction} (planted 0.02)`,
  );
} finally {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
}
