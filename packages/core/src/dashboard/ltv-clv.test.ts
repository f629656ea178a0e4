import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { computeMetric } from '../metrics/compute.ts';
import { sql } from '../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { ltvBesideClv } from './ltv-clv.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-ltv-clv-')));
  await fillTinySaas(ws);
});
afterAll(() => ws.close());

/** One scoring run's stored CLVs (null: unknown, left out). */
async function scored(run: number, asOf: string, clvs: (number | null)[]) {
  for (const [i, clv] of clvs.entries())
    await ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, clv, clv_source, retain)
      VALUES (${run}, ${`C${i}`}, CAST(${asOf} AS DATE), 0.1, 0, 'low', ${clv}, 'fallback', true)`);
}

describe('ltvBesideClv on tiny-saas', () => {
  it('LTV of the last four quarters with its interval, as the metric gives it; no CLV before scoring', async () => {
    const got = await ltvBesideClv(ws);
    expect(got.clv).toBeNull();
    expect(got.ltv).toHaveLength(4);
    const last = got.ltv.at(-1);
    const rows = await computeMetric(ws.db, ws.config, 'ltv', {
      period: 'quarter',
      from: got.ltv[0]!.periodStart,
      to: last!.periodStart,
    });
    expect(got.ltv).toEqual(
      rows.map((r) => ({ periodStart: r.period_start, value: r.value, ciLow: r.ci_low, ciHigh: r.ci_high })),
    );
  });

  it("the latest scoring run's CLV: mean and median over the customers whose CLV is known", async () => {
    await scored(1, '2024-03-31', [5000, 5000]);
    // Latest run: 100, 200, 600 and an unknown → mean 300, median 200.
    await scored(2, '2024-04-30', [100, 600, null, 200]);
    expect((await ltvBesideClv(ws)).clv).toEqual({
      asOf: '2024-04-30',
      customers: 3,
      mean: 300,
      median: 200,
      source: 'fallback',
    });
  });
});
