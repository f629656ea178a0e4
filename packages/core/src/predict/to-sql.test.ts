/**
 * A model printed as SQL scores exactly like the model in JS, on every engine: the same margins and
 * probabilities for rows with missing values, unseen categories and integer columns.
 */
import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { synthetic } from '../../test/fixtures/predict/synthetic.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { fitPlatt } from './calibrate.ts';
import { type ClassifierName, classifierNames, classifierOf, classifiers } from './classifiers.ts';
import type { Frame } from './frame.ts';
import { type ChurnModel, churnScoreSql, churnScores, MODEL_FORMAT, MODEL_VERSION } from './model.ts';

const train = synthetic(3_000, 11);
const score = synthetic(400, 12);
// Integer-valued x5 is stored as BIGINT; some rows carry a category never seen in training.
const x5 = score.frame.columns[5] as Float64Array;
x5.forEach((v, i) => {
  x5[i] = Math.round(3 * v);
});
(train.frame.columns[5] as Float64Array).forEach((v, i, a) => {
  a[i] = Math.round(3 * v);
});
const cat = score.frame.columns[6] as string[];
for (let i = 0; i < cat.length; i += 7) cat[i] = 'zzz';
const ids = Array.from({ length: score.frame.rows }, (_, i) => `C${String(i).padStart(4, '0')}`);

const models = {} as Record<ClassifierName, ChurnModel>;

async function fill(ws: Workspace): Promise<void> {
  for (const name of classifierNames) {
    const classifier = await classifiers[name].fit(train, null, { gbdt: { trees: 150, maxDepth: 5, threads: 1 } });
    const margin = classifierOf(classifier).margin(classifier, train.frame);
    const none = { rows: 0, churned: 0 };
    models[name] = {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      classifier,
      calibration: fitPlatt(margin, train.label),
      data: { mode: 'static', horizonDays: null, snapshots: [], train: none, validation: none },
    };
  }
  const f: Frame = score.frame;
  const text = (c: Float64Array | string[]) =>
    c instanceof Float64Array ? Array.from(c, (v) => (Number.isNaN(v) ? '' : String(v))) : c;
  const columns = f.features.map((feat, i) => {
    const type = feat.kind === 'categorical' ? 'VARCHAR' : feat.name === 'x5' ? 'BIGINT' : 'DOUBLE';
    return { name: feat.name, type, values: text(f.columns[i]!) };
  });
  for (const c of columns) await ws.db.run(sql`ALTER TABLE customers ADD COLUMN ${sql.id(c.name)} ${sql.raw(c.type)}`);
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at, ${sql.ids(columns.map((c) => c.name))})
    SELECT unnest(${ids}), TIMESTAMP '2024-01-01', ${sql.join(columns.map((c) => sql`TRY_CAST(nullif(unnest(${c.values}), '') AS ${sql.raw(c.type)})`))}`);
}

forEachEngine('churn models printed as SQL', fill, (e) => {
  for (const name of classifierNames)
    e.it(`${name}: SQL margins and probabilities equal the JS scores`, async () => {
      const model = models[name];
      const js = churnScores(model, score.frame);
      const rows = await e.conn.all<{ customer_id: string; margin: number; probability: number }>(
        sql`SELECT * FROM (${churnScoreSql(model, sql`SELECT * FROM customers`)}) AS s ORDER BY customer_id`,
      );
      expect(rows.map((r) => r.customer_id)).toEqual(ids);
      rows.forEach((r, i) => {
        expect(Math.abs(r.margin - js.margin[i]!), `${r.customer_id} margin`).toBeLessThan(1e-12);
        expect(Math.abs(r.probability - js.probability[i]!), `${r.customer_id} probability`).toBeLessThan(1e-14);
      });
      // The rows that exercise the edge cases are really there.
      expect(cat.filter((c) => c === 'zzz').length).toBeGreaterThan(50);
      expect((score.frame.columns[0] as Float64Array).filter(Number.isNaN).length).toBeGreaterThan(20);
    });
});
