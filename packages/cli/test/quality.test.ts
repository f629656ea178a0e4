/**
 * `tenure quality` gives the figure the report's data-quality scorecard and the library give for the same data
 * (one rule, quality/): on a demo built just now, whose data end in the past, every feed is fresh.
 */
import { join } from 'node:path';
import { assessQuality, buildReport, withWorkspace } from '@tenure/core';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, json, SLOW, tempDir, tenure } from './helpers.ts';

const tmp = tempDir();
afterAll(() => cleanup(tmp));

describe('tenure quality', SLOW, () => {
  it('agrees with the report and the library, and a fresh demo is fresh', async () => {
    const ws = join(tmp, 'demo');
    expect((await tenure(['demo', '--customers', '300', '--months', '12', '-w', ws])).code).toBe(0);
    const r = await tenure(['quality', '--json', '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
    type Out = { overall: number; entities: { entity: string; rows: number; freshness: { score: number | null } }[] };
    const cli = json<Out>(r);
    const [lib, card] = await withWorkspace(ws, async (w) => {
      const report = await buildReport(w, {});
      const section = report.sections.find((s) => s.id === 'quality') as unknown as {
        rows: { entity: string; score: number | null }[];
      };
      return [await assessQuality(w.db, { now: new Date() }), section.rows] as const;
    });
    expect(cli.overall).toBeCloseTo(lib.overall!, 8);
    expect(card.find((x) => x.entity === 'overall')?.score).toBeCloseTo(cli.overall, 8);
    // The feeds that run continuously end with the data; a campaign started months ago is honestly old.
    const feeds = ['customers', 'subscriptions', 'orders', 'activity', 'churn_events'];
    for (const e of cli.entities.filter((x) => feeds.includes(x.entity)))
      expect(e.freshness.score, e.entity).toBeGreaterThan(50);
  });
});
