import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../sql/sql.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { analyseFeedback } from '../text/analyse.ts';
import { addTopicColumns, topicFeatureAuc } from './topic-features.ts';

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-topic-features-'));
  ws = await initWorkspace(dir);
  await generateDemo(ws, { customers: 600, months: 24, seed: 11 });
  await analyseFeedback(ws);
}, 300_000);
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('topics as churn-model features', () => {
  it('counts only texts before each snapshot (no leakage) and aligns them to the rows', async () => {
    const frame = {
      rows: 2,
      features: [],
      columns: [],
      ids: ['X', 'Y'],
      asOf: ['2024-03-01', '2024-03-01'],
      label: Float64Array.of(0, 1),
    };
    await ws.db.run(sql`INSERT INTO voice_documents (source, doc_id, customer_id, "at", lang, topic_id, keyphrases, text)
      VALUES ('ticket', 'zz1', 'X', TIMESTAMP '2024-02-29 23:00:00', 'en', 'zz', '[]', 'a'),
        ('ticket', 'zz2', 'X', TIMESTAMP '2024-03-01 00:00:00', 'en', 'zz', '[]', 'on the day: not before it'),
        ('ticket', 'zz3', 'Y', TIMESTAMP '2023-08-01 00:00:00', 'en', 'zz', '[]', 'more than 180 days before')`);
    const out = await addTopicColumns(ws, frame);
    const j = out.features.findIndex((f) => f.name === 'topic_zz');
    expect([...(out.columns[j] as Float64Array)]).toEqual([1, 0]);
    await ws.db.run(sql`DELETE FROM voice_documents WHERE topic_id = 'zz'`);
  });

  it('fits the churn model with and without topic mentions and reports both validation AUCs', async () => {
    const r = await topicFeatureAuc(ws);
    expect(r.features.length).toBeGreaterThan(0);
    expect(r.aucWithout).toBeGreaterThan(0.5);
    expect(r.aucWith).toBeGreaterThan(0.5);
    expect(r.difference).toBeCloseTo(r.aucWith - r.aucWithout, 12);
  }, 300_000);
});
