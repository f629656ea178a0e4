/**
 * The campaign's planted effect in ground-truth.json (planted-effect.ts) is an expectation computed from the
 * generator's hazards; here it is checked against what the generator then realised on its members: churn within
 * the outcome window per arm, overall and per segment, within 3 standard errors. A wrong window, a wrong arm or
 * a hazard read differently from lives.ts would move the realised rates away from the expected ones.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace.ts';
import { generateDemo } from './index.ts';
import { DEMO_PARAMS } from './params.ts';
import type { PlantedEffect } from './planted-effect.ts';

let root: string;
let ws: Workspace;
let planted: PlantedEffect;

type Arm = { segment: string | null; arm: string; n: number; churned: number };
let arms: Arm[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-planted-'));
  ws = await initWorkspace(join(root, 'ws'));
  await generateDemo(ws, { customers: 20_000, months: 36, seed: 3 });
  planted = JSON.parse(readFileSync(join(ws.dir, 'ground-truth.json'), 'utf8')).campaign.plantedEffect;
  arms = await ws.db.all<Arm>(sql`
    SELECT c.product_line AS segment, m.${sql.id('group')} AS arm, CAST(count(*) AS BIGINT) AS n,
      CAST(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM churn_events e WHERE e.customer_id = m.customer_id
        AND e.churned_at >= k.started_at AND e.churned_at < k.started_at + to_days(${planted.windowDays}))) AS BIGINT) AS churned
    FROM campaign_members m JOIN campaigns k USING (campaign_id) JOIN customers c USING (customer_id)
    GROUP BY GROUPING SETS ((c.product_line, m.${sql.id('group')}), (m.${sql.id('group')}))`);
}, 60_000);
afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

const rateOf = (segment: string | null, arm: string) => {
  const a = arms.find((r) => r.segment === segment && r.arm === arm)!;
  return { p: a.churned / a.n, n: a.n };
};

describe('the planted campaign effect (ground-truth.json campaign.plantedEffect)', () => {
  it('is stated for the outcome window, by the effect dimension, with the planted signs', () => {
    expect(planted.windowDays).toBe(DEMO_PARAMS.campaign.outcomeWindowDays);
    expect(planted.dimension).toBe('product_line');
    expect(planted.overall).toBeGreaterThan(0);
    expect(planted.bySegment.mobile).toBeGreaterThan(0.05);
    expect(planted.bySegment.broadband).toBe(0);
    expect(planted.bySegment.tv).toBeLessThan(-0.05);
  });

  it('agrees with the realised ITT difference in churn within the window, overall and per segment', () => {
    for (const segment of [null, 'mobile', 'broadband', 'tv']) {
      const c = rateOf(segment, 'control');
      const t = rateOf(segment, 'treatment');
      const se = Math.sqrt((c.p * (1 - c.p)) / c.n + (t.p * (1 - t.p)) / t.n);
      const expected = segment === null ? planted.overall : planted.bySegment[segment]!;
      expect(Math.abs(c.p - t.p - expected) / se, `${segment}: ${c.p - t.p} vs ${expected}`).toBeLessThan(3);
    }
  });

  it("gives each arm's expected churn within the window, had every member been in it", () => {
    for (const arm of ['control', 'treatment'] as const) {
      const { p, n } = rateOf(null, arm);
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(p - planted.expectedChurn[arm]) / se, `${arm}: ${p}`).toBeLessThan(3);
    }
  });
});
