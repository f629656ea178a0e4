import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSurvey, type QuestionDef } from '../../../test/fixtures/voice-tables.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { keyDrivers } from './key-drivers.ts';
import { keyDriverWeights } from './relative-weights.ts';

const here = join(import.meta.dirname, '../../../test/reference/voice');
const reference = JSON.parse(readFileSync(join(here, 'key-driver-reference.json'), 'utf8')) as {
  drivers: string[];
  respondents: number;
  r_squared: number;
  correlation: number[];
  beta: number[];
  relative_weights: number[];
  shapley: number[];
};
const text = (s: string) => ({ en: s, 'zh-CN': s });
const scale = (id: string, main = false): QuestionDef => ({
  id,
  type: id === 'nps' ? 'scale_0_10' : 'scale_1_5',
  text: text(id),
  dimension: id,
  required: false,
  main,
});

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-key-drivers-'));
  ws = await initWorkspace(dir);
  await defineSurvey(ws, 'rel', 'nps', [
    scale('nps', true),
    ...reference.drivers.map((d) => scale(d)),
    {
      id: 'why',
      type: 'text',
      text: text('Why?'),
      required: false,
    },
  ]);
  const [header, ...lines] = readFileSync(join(here, 'key-driver-answers.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const rows = lines.flatMap((line) => {
    const [id, ...values] = line.split(',');
    return values.flatMap((v, i) => (v === '' ? [] : [sql`(${id!}, 'rel', 1, ${columns[i + 1]!}, ${Number(v)})`]));
  });
  await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, value_num)
    VALUES ${sql.join(rows)}`);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('key drivers', () => {
  it('agree with NumPy and statsmodels to 1e-8 (relative weights, Shapley R², betas, R²)', async () => {
    const r = await keyDrivers(ws.db, { surveyId: 'rel' });
    expect(r.respondents).toBe(reference.respondents);
    expect(r.drivers.map((d) => d.questionId)).toEqual(reference.drivers);
    expect(r.rSquared).toBeCloseTo(reference.r_squared, 8);
    reference.drivers.forEach((_, j) => {
      const d = r.drivers[j]!;
      expect(d.correlation).toBeCloseTo(reference.correlation[j]!, 8);
      expect(d.beta).toBeCloseTo(reference.beta[j]!, 8);
      expect(d.relativeWeight).toBeCloseTo(reference.relative_weights[j]!, 8);
      expect(d.shapley).toBeCloseTo(reference.shapley[j]!, 8);
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(r.drivers.map((d) => d.share))).toBeCloseTo(1, 12);
    expect(sum(r.drivers.map((d) => d.shapley!))).toBeCloseTo(r.rSquared!, 12);
  });

  it('finds the latest answered survey of a kind, and says so plainly when answers are too few', async () => {
    expect((await keyDrivers(ws.db, { kind: 'nps' })).surveyId).toBe('rel');
    await defineSurvey(ws, 'thin', 'csat', [scale('nps', true), scale('a'), scale('b')]);
    await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, value_num)
      VALUES ('t1', 'thin', 1, 'nps', 3), ('t1', 'thin', 1, 'a', 3), ('t1', 'thin', 1, 'b', 2)`);
    const thin = await keyDrivers(ws.db, { surveyId: 'thin' });
    expect(thin).toMatchObject({ respondents: 1, rSquared: null, drivers: [] });
    expect(thin.note).not.toBeNull();
  });

  it('refuses an unknown survey and one without a scale question to explain', async () => {
    await expect(keyDrivers(ws.db, { surveyId: 'nope' })).rejects.toMatchObject({ code: 'TEN_VOICE_NO_SURVEY' });
    await expect(keyDrivers(ws.db, { kind: 'ces' })).rejects.toMatchObject({ code: 'TEN_VOICE_NO_SURVEY' });
    await defineSurvey(ws, 'nomain', 'custom', [{ id: 'why', type: 'text', text: text('Why?'), required: false }]);
    await expect(keyDrivers(ws.db, { surveyId: 'nomain' })).rejects.toMatchObject({
      code: 'TEN_VOICE_NO_MAIN_QUESTION',
    });
  });

  it('hand-computed: uncorrelated drivers weigh their squared correlations; a repeated driver shares its weight', () => {
    const w = keyDriverWeights(Float64Array.of(1, 0, 0, 1), Float64Array.of(0.6, 0.3), 2);
    expect([...w.relativeWeights].map((x) => +x.toFixed(12))).toEqual([0.36, 0.09]);
    expect([...w.shapley!].map((x) => +x.toFixed(12))).toEqual([0.36, 0.09]);
    // x2 = x1: R² = 0.25 split evenly by both methods (the singular Rxx is handled, not divided by zero).
    const twin = keyDriverWeights(Float64Array.of(1, 1, 1, 1), Float64Array.of(0.5, 0.5), 2);
    expect(twin.rSquared).toBeCloseTo(0.25, 12);
    expect([...twin.relativeWeights].map((x) => +x.toFixed(12))).toEqual([0.125, 0.125]);
    expect([...twin.shapley!].map((x) => +x.toFixed(12))).toEqual([0.125, 0.125]);
  });
});
