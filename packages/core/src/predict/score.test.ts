/**
 * Scoring a demo workspace: tiers, CLV and expected loss, customers not worth retaining kept out of the queue
 * and the alerts, early-warning rules with their quiet period, the at-risk list and one customer's explanation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../test/fixtures/ingest/helpers.ts';
import { ServedFile } from '../customers/served-file.ts';
import { refreshCustomerStores } from '../customers/stores.ts';
import { runModel } from '../models/catalog.ts';
import { discountedMonths } from '../models/clv/parts.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { acknowledgeAlerts, listAlerts } from './alerts/inbox.ts';
import { tierOf } from './alerts/rules.ts';
import { type Explanation, explainCustomer } from './explain.ts';
import { atRisk, customerScore } from './queue.ts';
import { riskViewJson } from './risk-view.ts';
import { scoreChurn } from './score.ts';
import { refreshServedRisk, servedChurnRisk, servedRisk } from './served-risk.ts';
import { trainChurnModel } from './train.ts';

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-score-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await generateDemo(ws, { customers: 2500, months: 30, seed: 5 });
  // Tiers low enough that this small demo has critical customers (its riskiest score ~0.45): the alert tests
  // need every tier present.
  ws.config.prediction.tiers = { critical: 0.35, high: 0.25, medium: 0.12 };
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every alert of the inbox, page by page. */
async function allAlerts(q: Parameters<typeof listAlerts>[1] = {}) {
  const out: Awaited<ReturnType<typeof listAlerts>>['rows'] = [];
  for (let page = 1; ; page++) {
    const p = await listAlerts(ws, { ...q, page, pageSize: 500 });
    out.push(...p.rows);
    if (out.length >= p.total) return out;
  }
}

type ScoreRow = {
  customer_id: string;
  probability: number;
  tier: string;
  clv: number;
  clv_subscription: number;
  clv_purchases: number;
  expected_loss: number;
};
const scoresOf = (runId: number) =>
  ws.db.all<ScoreRow & { retain: boolean; flag: string | null }>(
    sql`SELECT customer_id, probability, tier, clv, clv_subscription, clv_purchases, expected_loss, retain, flag
      FROM scores WHERE run_id = ${runId}`,
  );

describe('churn scores', () => {
  it('needs a trained model', async () => {
    await failure(scoreChurn(ws), 'TEN_PREDICT_NO_MODEL');
  });

  it('scores every active customer: tier from the thresholds, expected loss = P × CLV, CLV from MRR and orders', async () => {
    await trainChurnModel(ws, { horizonDays: 90, snapshots: 4 });
    const run = await scoreChurn(ws);
    const rows = await scoresOf(run.runId);
    const [active] = await ws.db.all<{ n: number }>(sql`SELECT count(DISTINCT customer_id) AS n FROM subscriptions
      WHERE started_at < CAST(${run.result.asOf} AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST(${run.result.asOf} AS TIMESTAMP))`);
    expect(rows).toHaveLength(active!.n);
    expect(run.result.customers).toBe(active!.n);
    for (const r of rows) {
      expect(r.tier).toBe(tierOf(r.probability, ws.config.prediction.tiers));
      expect(r.expected_loss).toBeCloseTo(r.probability * r.clv, 9);
      expect(r.clv_subscription + r.clv_purchases).toBeCloseTo(r.clv, 9);
    }
    // The fallback CLV of one customer, recomputed: margin × (MRR running at the snapshot + a month of last
    // year's orders) × 12 months discounted at 10 % a year.
    const id = rows[0]!.customer_id;
    const [v] = await ws.db.all<{ mrr: number; spend: number }>(sql`
      SELECT (SELECT CAST(sum(mrr) AS DOUBLE) FROM subscriptions WHERE customer_id = ${id}
        AND started_at < CAST(${run.result.asOf} AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST(${run.result.asOf} AS TIMESTAMP))) AS mrr,
        (SELECT coalesce(CAST(sum(amount) AS DOUBLE), 0) FROM orders WHERE customer_id = ${id}
        AND ordered_at < CAST(${run.result.asOf} AS TIMESTAMP) AND ordered_at >= CAST(${run.result.asOf} AS TIMESTAMP) - INTERVAL 365 DAY) AS spend`);
    const months = discountedMonths(12, 0.1);
    expect(rows[0]!.clv_subscription).toBeCloseTo(ws.config.gross_margin * v!.mrr * months, 6);
    expect(rows[0]!.clv_purchases).toBeCloseTo((ws.config.gross_margin * v!.spend * months) / 12, 6);
    expect(run.result.clvSource).toBe('fallback');
    const top = run.result.top;
    expect(top[0]!.expected_loss).toBe(Math.max(...rows.map((r) => r.expected_loss)));
    expect(top[0]!.reasons.length).toBeGreaterThan(0);
    expect(top[0]!.reasons[0]!.text['zh-CN']).toBeTruthy();
  });

  it('the first scoring raises a bounded set of alerts, one per customer, with every critical customer', async () => {
    const runId = Math.min(...(await allAlerts()).map((x) => x.run_id));
    const alerts = (await allAlerts()).filter((x) => x.run_id === runId);
    const people = alerts.filter((x) => x.rule !== 'summary');
    const cap = ws.config.prediction.alert_cap;
    expect(alerts.length).toBeLessThanOrEqual(cap);
    expect(new Set(people.map((x) => x.customer_id)).size).toBe(people.length);
    const scores = await scoresOf(runId);
    const critical = scores.filter((r) => r.tier === 'critical' && r.retain).map((r) => r.customer_id);
    expect(critical.length).toBeGreaterThan(0);
    const alerted = new Set(people.map((x) => x.customer_id));
    // Critical customers come first, so all of them appear while they fit under the cap.
    expect(critical.filter((id) => alerted.has(id)).length).toBe(Math.min(critical.length, cap - 1));
    for (const x of people.filter((p) => p.detail.tier === 'critical')) expect(x.severity).toBe('high');
    // Behavioural signals speak only for customers the model puts at some risk.
    for (const x of people)
      if (x.detail.tier === 'low')
        expect(x.detail.rules as string[]).not.toEqual(expect.arrayContaining(['usage_drop']));
    // What the cap leaves out is counted, not dropped.
    const candidates = scores.filter((r) => r.retain && r.tier !== 'low').length;
    const summary = alerts.find((x) => x.rule === 'summary');
    if (summary) expect(people.length + (summary.detail.more as number)).toBeLessThanOrEqual(scores.length);
    else expect(people.length).toBeLessThanOrEqual(Math.max(candidates, people.length));
  });

  it('once `clv` has been run, a customer has one CLV: the same in the scores, the at-risk list and the CLV run', async () => {
    const clv = (await runModel(ws, 'clv', { unit: 'week', top: 100_000 })).result;
    const run = await scoreChurn(ws);
    expect(run.result.clvSource).toBe('models');
    // Both value at the same moment by default: the day after the data end.
    expect(clv.valuedAt).toBe(run.result.asOf);
    const rows = await scoresOf(run.runId);
    const queue = await atRisk(ws, { pageSize: 1000, all: true });
    // Subscribers who never ordered are valued too, by their subscription part alone.
    expect(clv.top.some((c) => c.pAlive === null && c.subscriptionValue > 0 && c.purchaseValue === 0)).toBe(true);
    const valued = clv.top.filter((c) => queue.rows.some((r) => r.customer_id === c.customer_id));
    expect(valued.length).toBeGreaterThan(50);
    for (const c of valued) {
      const stored = rows.find((r) => r.customer_id === c.customer_id)!;
      const listed = queue.rows.find((r) => r.customer_id === c.customer_id)!;
      expect(stored.clv).toBeCloseTo(c.clv, 6);
      expect(stored.clv_subscription).toBeCloseTo(c.subscriptionValue, 6);
      expect(stored.clv_purchases).toBeCloseTo(c.purchaseValue, 6);
      expect(listed.clv).toBeCloseTo(c.clv, 6);
      expect(c.subscriptionValue + c.purchaseValue).toBeCloseTo(c.clv, 9);
    }
    expect(clv.subscriptionValue + clv.purchaseValue).toBeCloseTo(clv.totalValue, 3);
  });

  it('filters the at-risk list by a derived dimension (value tier), as the list of that tier says', async () => {
    const all = await atRisk(ws, { pageSize: 1000, all: true });
    const top = await atRisk(ws, { pageSize: 1000, all: true, filter: { value_tier: ['top'] } });
    const rest = await atRisk(ws, { pageSize: 1000, all: true, filter: { value_tier: ['middle', 'rest'] } });
    expect(top.total).toBeGreaterThan(0);
    expect(rest.total).toBeGreaterThan(top.total);
    // The tiers split the scored customers who have a value: none in both, none beyond the list.
    const inTop = new Set(top.rows.map((r) => r.customer_id));
    expect(rest.rows.some((r) => inTop.has(r.customer_id))).toBe(false);
    expect(top.total + rest.total).toBeLessThanOrEqual(all.total);
    await expect(atRisk(ws, { filter: { tier_of_value: ['top'] } })).rejects.toMatchObject({
      code: 'TEN_METRIC_UNKNOWN_SEGMENT',
    });
  });

  it('keeps malicious churners and credit risks out of the retention queue and the alerts', async () => {
    const queue = await atRisk(ws, { pageSize: 2 });
    const [a, b] = queue.rows.map((r) => r.customer_id);
    await ws.db.run(sql`ALTER TABLE customers ADD COLUMN IF NOT EXISTS credit_risk VARCHAR`);
    await ws.db.run(sql`UPDATE customers SET credit_risk = 'yes' WHERE customer_id = ${a!}`);
    await ws.db.run(sql`INSERT INTO churn_events (customer_id, churned_at, kind, category)
      VALUES (${b!}, TIMESTAMP '2020-01-01', 'involuntary', 'malicious')`);
    await ws.db.run(sql`UPDATE alerts SET acknowledged_at = CAST(now() AS TIMESTAMP)`);
    await ws.db.run(
      sql`UPDATE activity SET kind = 'payment_failed' WHERE customer_id IN (${a!}, ${b!}) AND kind = 'login'`,
    );
    const run = await scoreChurn(ws);
    const rows = await scoresOf(run.runId);
    expect(rows.find((r) => r.customer_id === a)).toMatchObject({ retain: false, flag: 'credit_risk' });
    expect(rows.find((r) => r.customer_id === b)).toMatchObject({ retain: false, flag: 'malicious_churn' });
    expect(run.result.notWorthRetaining).toBe(2);
    const after = await atRisk(ws, { pageSize: 500 });
    expect(after.rows.map((r) => r.customer_id)).not.toContain(a);
    expect(run.result.top.map((r) => r.customer_id)).not.toContain(b);
    expect((await atRisk(ws, { all: true, pageSize: 2 })).rows.map((r) => r.customer_id)).toEqual([a, b]);
    const alerted = (await allAlerts({ open: true })).map((x) => x.customer_id);
    expect(alerted).not.toContain(a);
    expect(alerted).not.toContain(b);
  });

  it('raises each rule once per customer until acknowledged; a tier rise is an alert', async () => {
    const open = await allAlerts({ open: true });
    const quietBefore = new Set(
      open.flatMap((x) => ((x.detail.rules as string[]) ?? []).map((r) => `${x.customer_id}|${r}`)),
    );
    const again = await scoreChurn(ws);
    // Nobody is told again what an open alert already says.
    const repeated = (await allAlerts({ open: true }))
      .filter((x) => x.run_id === again.runId && x.rule !== 'summary')
      .flatMap((x) => (x.detail.rules as string[]).map((r) => `${x.customer_id}|${r}`))
      .filter((k) => quietBefore.has(k));
    expect(repeated).toEqual([]);
    await acknowledgeAlerts(
      ws,
      (await allAlerts({ open: true })).map((x) => x.alert_id),
    );
    // Pretend everyone was low risk at the last scoring: each customer above low now has risen.
    await ws.db.run(sql`UPDATE scores SET tier = 'low' WHERE run_id = ${again.runId}`);
    const third = await scoreChurn(ws);
    const raised = (await allAlerts({ open: true })).filter((x) => x.run_id === third.runId && x.rule !== 'summary');
    expect(raised.length).toBeGreaterThan(0);
    for (const x of raised) if (x.detail.tier !== 'low') expect(x.detail.rules).toContain('tier_rise');
    const rise = raised.find((x) => x.detail.tier === 'medium' || x.detail.tier === 'high')!;
    expect(rise.message['zh-CN']).toMatch(/^流失风险由低升至/);
  });

  it('filters the at-risk list by tier and segment, largest expected loss first', async () => {
    const high = await atRisk(ws, { tier: ['high', 'critical'], filter: { contract: ['month_to_month'] } });
    // Not empty, and narrower than the whole list: `every` below holds of an empty list, and of an ignored filter
    // only if the whole list happened to pass it.
    expect(high.rows.length).toBeGreaterThan(0);
    expect(high.total).toBeLessThan((await atRisk(ws, {})).total);
    expect(high.rows.every((r) => ['high', 'critical'].includes(r.tier))).toBe(true);
    const [contracts] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM customers
      WHERE contract <> 'month_to_month' AND list_contains(${high.rows.map((r) => r.customer_id)}, customer_id)`);
    expect(contracts!.n).toBe(0);
    const losses = high.rows.map((r) => r.expected_loss!);
    expect(losses).toEqual([...losses].sort((x, y) => y - x));
    await failure(atRisk(ws, { filter: { colour: ['red'] } }), 'TEN_METRIC_UNKNOWN_SEGMENT');
  });

  it('explains one customer: contributions add up to the score, reasons match the stored ones', async () => {
    const [first] = (await atRisk(ws, { pageSize: 1 })).rows;
    const e = await explainCustomer(ws, first!.customer_id);
    expect(e.probability).toBeCloseTo(first!.probability, 12);
    const sum = e.contributions.reduce((s, c) => s + c.contribution, e.expectedMargin);
    expect(sum).toBeCloseTo(e.margin, 9);
    expect(e.reasons.map((r) => r.feature)).toEqual(first!.reasons.map((r) => r.feature));
    await failure(explainCustomer(ws, 'NOBODY'), 'TEN_PREDICT_UNKNOWN_CUSTOMER');
    // Read through the customer stores (the server's way once they are current), the score row is the same.
    await refreshCustomerStores(ws);
    const live = await customerScore(ws, first!.customer_id, 'zh-CN');
    expect(live?.name).toBeTruthy();
    expect(await customerScore(ws, first!.customer_id, 'zh-CN', { stored: true })).toEqual(live);
  });

  it("reads a scored customer's explanation back from the scoring, the same as computing it again", async () => {
    const page = await atRisk(ws, { pageSize: 5 });
    const asOf = page.asOf as string;
    const latest = sql`run_id = (SELECT max(run_id) FROM scores)`;
    const saved = await ws.db.all<{ id: string; explained: string }>(
      sql`SELECT customer_id AS id, explained FROM scores WHERE ${latest} AND explained IS NOT NULL`,
    );
    expect(saved.length).toBeGreaterThanOrEqual(page.rows.length);
    const kept: Explanation[] = [];
    for (const r of page.rows) kept.push(await explainCustomer(ws, r.customer_id, { asOf }));
    await ws.db.run(sql`UPDATE scores SET explained = NULL WHERE ${latest}`);
    try {
      for (const [i, r] of page.rows.entries())
        expect(kept[i]).toEqual(await explainCustomer(ws, r.customer_id, { asOf }));
    } finally {
      await ws.db.run(sql`UPDATE scores SET explained = x.e FROM (SELECT unnest(${saved.map((x) => x.id)}) AS id,
        unnest(${saved.map((x) => x.explained)}) AS e) x WHERE ${latest} AND customer_id = x.id`);
    }
    const id = page.rows[0]?.customer_id as string;
    // Every scored customer keeps their values; beyond the riskiest, without SHAP values, which are then
    // computed from the kept values: the same explanation.
    const [all] = await ws.db.all<{ n: number; kept: number }>(
      sql`SELECT count(*) AS n, count(explained->'v') AS kept FROM scores WHERE ${latest}`,
    );
    expect(all!.kept).toBe(all!.n);
    await ws.db.run(sql`UPDATE scores SET explained = json_object('v', explained->'v', 'm', explained->'m')
      WHERE ${latest} AND customer_id = ${id}`);
    const fromValues = await explainCustomer(ws, id, { asOf });
    expect(fromValues.contributions.map((c) => c.feature)).toEqual(kept[0]!.contributions.map((c) => c.feature));
    for (const [j, c] of fromValues.contributions.entries())
      expect(c.contribution).toBeCloseTo(kept[0]!.contributions[j]!.contribution, 9);
    expect(fromValues.expectedMargin).toBeCloseTo(kept[0]!.expectedMargin, 9);
    await ws.db.run(sql`UPDATE scores SET explained = x.e FROM (SELECT unnest(${saved.map((x) => x.id)}) AS id,
      unnest(${saved.map((x) => x.explained)}) AS e) x WHERE ${latest} AND customer_id = x.id`);
    // And it is read, not computed: a changed stored value shows.
    await ws.db.run(sql`UPDATE scores SET explained = json_object('v', explained->'v', 'c', explained->'c', 'e', 123.5,
      'm', explained->'m') WHERE ${latest} AND customer_id = ${id}`);
    expect((await explainCustomer(ws, id, { asOf })).expectedMargin).toBe(123.5);
  });

  it("serves any scored customer's risk from the served file, in each language the bytes the route computes", async () => {
    const latest = sql`run_id = (SELECT max(run_id) FROM scores)`;
    const some = await ws.db.all<{ id: string; explained: string }>(
      sql`SELECT customer_id AS id, explained FROM scores WHERE ${latest} USING SAMPLE 40 ROWS`,
    );
    // Half as customers beyond the riskiest, whose SHAP values the build computes from their kept values.
    const half = some.slice(0, 20).map((r) => r.id);
    await ws.db.run(sql`UPDATE scores SET explained = json_object('v', explained->'v', 'm', explained->'m')
      WHERE ${latest} AND customer_id IN (SELECT unnest(${half}))`);
    expect((await refreshServedRisk(ws)).views).toBe('built');
    expect((await refreshServedRisk(ws)).views).toBe('fresh');
    const file = await ServedFile.open((await servedChurnRisk(ws)).paths?.path as string);
    try {
      for (const { id } of some)
        for (const lang of ['en', 'zh-CN'] as const) {
          // As the route computes it without the file: the stored score, the explanation at its date.
          const score = await customerScore(ws, id, lang);
          const computed = riskViewJson(score, await explainCustomer(ws, id, { asOf: score?.as_of }), lang);
          expect((await servedRisk(file, id, lang))?.toString()).toBe(computed);
        }
      expect(await servedRisk(file, 'NOBODY', 'en')).toBeNull();
    } finally {
      await file.close();
      await ws.db.run(sql`UPDATE scores SET explained = x.e FROM (SELECT unnest(${some.map((x) => x.id)}) AS id,
        unnest(${some.map((x) => x.explained)}) AS e) x WHERE ${latest} AND customer_id = x.id`);
    }
  });
});
