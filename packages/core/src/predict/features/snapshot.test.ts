/**
 * No feature reads data at or after the snapshot: on a demo workspace, every table is changed from the
 * snapshot on (rows deleted, added, ends moved, tickets resolved differently, statuses rewritten) and the
 * features at the snapshot must not move; the same change one day earlier must move them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../sql/sql.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { type LabelledFrame, readFrame } from '../frame.ts';
import { snapshotFeatures } from './snapshot.ts';

const T = '2025-03-01';
let ws: Workspace;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-features-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await generateDemo(ws, { customers: 1500, months: 36, seed: 3 });
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const features = async () => {
  const q = await snapshotFeatures(ws, [T], null);
  return readFrame(ws.db, q.query, q.features);
};

/** Rewrite every table from `from` on; returns how many rows each statement touched. */
async function mutateFrom(from: string): Promise<number[]> {
  const t = sql`CAST(${from} AS TIMESTAMP)`;
  const statements = [
    sql`DELETE FROM activity WHERE "at" >= ${t}`,
    sql`INSERT INTO activity (customer_id, "at", kind, quantity)
      SELECT customer_id, ${t} + INTERVAL 3 HOUR, unnest(['usage', 'login', 'payment_failed']), 1e6 FROM customers`,
    sql`UPDATE subscriptions SET ended_at = ended_at + INTERVAL 17 DAY,
      cancel_requested_at = CASE WHEN cancel_requested_at < ${t} THEN cancel_requested_at ELSE ${t} + INTERVAL 1 DAY END
      WHERE ended_at >= ${t}`,
    sql`INSERT INTO subscriptions (subscription_id, customer_id, plan, started_at, mrr, billing_period)
      SELECT 'X' || customer_id, customer_id, 'platinum', ${t}, 999, 'year' FROM customers`,
    // Tickets still open at the snapshot: their answer, resolution and rating come later (or never).
    sql`UPDATE tickets SET resolved_at = NULL, csat = 1,
      first_response_at = CASE WHEN first_response_at < ${t} THEN first_response_at END
      WHERE resolved_at >= ${t}`,
    sql`UPDATE tickets SET category = 'changed', priority = 'low' WHERE opened_at >= ${t}`,
    sql`UPDATE tickets SET status = 'closed'`,
    sql`INSERT INTO tickets (ticket_id, customer_id, opened_at, category, priority, status)
      SELECT 'X' || customer_id, customer_id, ${t}, 'new', 'urgent', 'open' FROM customers`,
    sql`DELETE FROM orders WHERE ordered_at >= ${t}`,
    sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount)
      SELECT 'X' || customer_id, customer_id, ${t} + INTERVAL 1 HOUR, 5000 FROM customers`,
    sql`UPDATE surveys SET score = 0 WHERE answered_at >= ${t}`,
    sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score)
      SELECT 'X' || customer_id, 'customer', customer_id, ${t}, 'nps', 0 FROM customers`,
    sql`DELETE FROM churn_events WHERE churned_at >= ${t}`,
    sql`INSERT INTO churn_events (customer_id, churned_at, kind, category)
      SELECT customer_id, ${t}, 'involuntary', 'malicious' FROM customers`,
    sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')}, assigned_at)
      SELECT (SELECT min(campaign_id) FROM campaigns), customer_id, 'treatment', ${t} FROM customers`,
  ];
  const counts: number[] = [];
  for (const s of statements) counts.push(await ws.db.exec(s));
  return counts;
}

const ROLLBACK = new Error('rollback');

/** Features after rewriting from `from`, inside a transaction that is then rolled back. */
async function featuresAfterRewrite(from: string) {
  let result: { frame: LabelledFrame; counts: number[] } | undefined;
  await ws.db
    .transaction(async () => {
      const counts = await mutateFrom(from);
      result = { frame: await features(), counts };
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return result!;
}

const columnText = (f: LabelledFrame, j: number) => Array.from(f.columns[j]!, String);

describe('point-in-time features', () => {
  it('do not change when anything at or after the snapshot changes', async () => {
    const before = await features();
    expect(before.rows).toBeGreaterThan(500);
    // Features that vary, so an unchanged column means something.
    for (const name of ['usage_trend', 'mrr', 'open_tickets', 'last_nps', 'days_since_last_order', 'tenure_days'])
      expect(
        new Set(
          columnText(
            before,
            before.features.findIndex((f) => f.name === name),
          ),
        ).size,
        name,
      ).toBeGreaterThan(1);
    const { frame: after, counts } = await featuresAfterRewrite(T);
    // Every statement found rows to change: the comparison covers each kind of late data.
    expect(
      counts.every((n) => n > 0),
      String(counts),
    ).toBe(true);
    expect(after.ids).toEqual(before.ids);
    expect(after.asOf).toEqual(before.asOf);
    before.features.forEach((f, j) => {
      expect(columnText(after, j), f.name).toEqual(columnText(before, j));
    });
  });

  it('do change when the same rewrite starts one day before the snapshot (the test can fail)', async () => {
    const before = await features();
    const { frame: after } = await featuresAfterRewrite('2025-02-28');
    const changed = before.features.filter((_, j) => {
      const a = columnText(before, j);
      const b = columnText(after, j);
      return a.length !== b.length || a.some((v, i) => v !== b[i]);
    });
    expect(changed.length).toBeGreaterThan(10);
  });
});
