/**
 * Uplift targeting over real HTTP on a demo workspace, each answer compared with the library's: the refusals
 * before a fit, fitting and scoring as jobs, the Qini report, the scores with the sleeping dogs, and the at-risk
 * list's persuadable view.
 */
import { api, atRisk, upliftReport, upliftScores } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let analyst: Client;
beforeAll(async () => {
  s = await startServer({}, 3000);
  viewer = new Client(s.url, s.keys.viewer);
  analyst = new Client(s.url, s.keys.analyst);
}, 120_000);
afterAll(() => s.close());

type Job = z.infer<typeof api.fitJobSchema>;
type Scores = z.infer<typeof api.upliftScoresResponse>;
type AtRisk = z.infer<typeof api.atRiskResponse>;

/** A library result as the API sends it: keys in snake_case, then through JSON. */
const wire = <T>(v: T): api.Wire<T> => JSON.parse(JSON.stringify(api.toWire(v)));

/** Start a job and wait for it to end. */
async function job(path: string, body: Record<string, unknown>): Promise<Job> {
  const start = await analyst.call<Job>('POST', path, { json: body });
  expect(start.status, start.text).toBe(202);
  const poll = () => viewer.get<Job>(`/api/v1/models/jobs/${start.body.job_id}`).then((r) => r.body);
  await expect.poll(async () => (await poll()).state, { timeout: 90_000 }).toMatch(/done|failed/);
  return poll();
}

describe('uplift over HTTP', { timeout: 180_000 }, () => {
  it('before a fit: no report, no scores, an empty persuadable view; scoring fails its job with the problem', async () => {
    expectProblem(await viewer.get('/api/v1/uplift/model'), 404, 'TEN_UPLIFT_NO_MODEL');
    const empty = await viewer.get<Scores>('/api/v1/uplift/scores');
    expect(empty.body).toMatchObject({ total: 0, run_id: null, rows: [] });
    const view = await viewer.get<AtRisk>('/api/v1/churn/at-risk?view=persuadable');
    expect(view.body).toMatchObject({ total: 0, run_id: null, rows: [] });
    expect(await job('/api/v1/uplift/score', {})).toMatchObject({
      state: 'failed',
      error: { code: 'TEN_UPLIFT_NO_MODEL', status: 404 },
    });
    expect(await job('/api/v1/uplift/fit', { campaign_id: 'NOPE' })).toMatchObject({
      state: 'failed',
      error: { code: 'TEN_UPLIFT_NO_CAMPAIGN', status: 404 },
    });
    const r = await analyst.call<{ fixes?: { option: string }[] }>('POST', '/api/v1/uplift/fit', {
      json: { holdout: 0.9 },
    });
    expectProblem(r, 400, 'TEN_BAD_OPTION');
    expect(r.body.fixes).toEqual([expect.objectContaining({ option: 'holdout' })]);
  });

  it('fits as a job; the report is the library’s', async () => {
    const done = await job('/api/v1/uplift/fit', { campaign_id: 'RET-01', window_days: 90, gbdt: { trees: 60 } });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.run?.model).toBe('uplift');
    const report = await viewer.get<z.infer<typeof api.upliftModelResponse>>('/api/v1/uplift/model');
    expect(report.status).toBe(200);
    expect(report.body).toEqual(wire(await upliftReport(s.ws)));
    expect(report.body.qini.map((q) => q.ranking)).toContain('churn_risk');
  });

  it('scores as a job; the scores and the persuadable view are ordered by expected saved value', async () => {
    expect((await job('/api/v1/churn/train', { snapshots: 2, gbdt: { trees: 40 }, backtest: false })).state).toBe(
      'done',
    );
    expect((await job('/api/v1/churn/score', {})).state).toBe('done');
    expect((await job('/api/v1/uplift/score', { cost_per_contact: 20 })).state).toBe('done');
    const dogs = await viewer.get<Scores>('/api/v1/uplift/scores?sleeping_dogs=true&page_size=20');
    expect(dogs.body).toEqual(wire(await upliftScores(s.ws, { sleepingDogs: true, pageSize: 20 })));
    expect(dogs.body.total).toBeGreaterThan(0);
    for (const r of dogs.body.rows) expect(r.sleeping_dog && r.uplift < 0).toBe(true);
    const view = await viewer.get<AtRisk>('/api/v1/churn/at-risk?view=persuadable&page_size=50');
    expect(view.status, view.text).toBe(200);
    expect(view.body.total).toBeGreaterThan(0);
    const values = view.body.rows.map((r) => r.expected_saved_value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(view.body.rows.every((r) => typeof r.sleeping_dog === 'boolean')).toBe(true);
    expect(view.body).toEqual(wire(await atRisk(s.ws, { view: 'persuadable', pageSize: 50, lang: 'en' })));
  });
});
