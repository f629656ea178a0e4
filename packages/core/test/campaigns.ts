/**
 * Shared by the campaign tests: a workspace of twenty subscribers C01–C20 (C01–C10 in the north), each paying 10
 * a month since 2024-01-01, so the campaign clock (the day after the latest dated row, C20's second subscription
 * started 2024-06-30) is 2024-07-01. C01–C03 churn on 2024-08-01 (inside a 90-day window from the clock), C04 on
 * 2024-12-01 (after it); C05 ordered 50 on 2024-06-20 (the pre-period).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../src/sql/sql.ts';
import type { TenureConfig } from '../src/workspace/config.ts';
import { initWorkspace, type Workspace } from '../src/workspace/workspace.ts';

export const CLOCK = '2024-07-01';
export const CHURNED = ['C01', 'C02', 'C03'];

export async function campaignWorkspace(
  config: Partial<TenureConfig> = {},
): Promise<{ ws: Workspace; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-campaigns-'));
  const ws = await initWorkspace(dir, { config });
  const ids = Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at, region)
    SELECT id, DATE '2024-01-01', CASE WHEN id <= 'C10' THEN 'north' ELSE 'south' END FROM (SELECT unnest(${ids}) AS id)`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr)
    SELECT 'S' || id, id, TIMESTAMP '2024-01-01',
      CASE WHEN id IN ('C01', 'C02', 'C03') THEN TIMESTAMP '2024-08-01' WHEN id = 'C04' THEN TIMESTAMP '2024-12-01' END,
      CASE WHEN id = 'C20' THEN 5 ELSE 10 END
    FROM (SELECT unnest(${ids}) AS id)`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, mrr)
    VALUES ('S20b', 'C20', TIMESTAMP '2024-06-30', 5)`);
  await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount)
    VALUES ('O1', 'C05', TIMESTAMP '2024-06-20', 50)`);
  return {
    ws,
    done: async () => {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
