/**
 * The model catalogue: runs are checked, run and stored; the latest run of a model comes back as it was computed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, CDNOW_SAMPLE, describeWithDatasets } from '../../test/datasets.ts';
import { failure } from '../../test/fixtures/ingest/helpers.ts';
import { cdnowSampleWorkspace } from '../../test/fixtures/models/workspaces.ts';
import { published } from '../../test/reference/models/reference.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { modelNames, runModel } from './catalog.ts';
import { latestRun, listRuns } from './runs.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER, CDNOW_SAMPLE);

let ws: Workspace;
let done: () => Promise<void>;

beforeAll(async () => {
  ({ ws, done } = await cdnowSampleWorkspace());
});
afterAll(() => done());

suite('runModel', () => {
  it('stores each run with its options and data window; the latest comes back identical', async () => {
    const first = await runModel(ws, 'bgnbd', { unit: 'week', calibrationEnd: '1997-06-30' });
    const second = await runModel(ws, 'bgnbd', { unit: 'week', calibrationEnd: '1997-09-30' });
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(second.dataWindow).toEqual({ from: '1997-01-01 00:00:00', to: '1997-09-30 00:00:00' });
    const latest = await latestRun(ws.db, 'bgnbd');
    expect(latest).toEqual(JSON.parse(JSON.stringify(second)));
    expect(latest!.parameters).toEqual({ unit: 'week', calibrationEnd: '1997-09-30' });
    const listed = await listRuns(ws.db, { model: 'bgnbd' });
    expect(listed.map((r) => r.runId)).toEqual([second.runId, first.runId]);
    expect(listed[0]).not.toHaveProperty('result');
    expect(await latestRun(ws.db, 'cox')).toBeNull();
  });

  it('fits the sBG to typed-in survivors without reading the workspace', async () => {
    const { regular } = published.sbg.cohorts;
    const run = await runModel(ws, 'sbg', { survivors: regular.survivors });
    expect(run.result.source).toBe('survivors');
    expect(run.result.unit).toBe('year');
    expect(run.result.fit.params.alpha).toBeCloseTo(regular.alpha, 3);
    expect(run.result.curve[7]!.observed).toBeCloseTo(regular.survivors[7]! / 1000, 12);
    expect(run.result.curve).toHaveLength(8 + 12);
  });

  it('refuses unknown models and bad options with their codes', async () => {
    await failure(runModel(ws, 'pareto' as never), 'TEN_MODEL_UNKNOWN');
    await failure(runModel(ws, 'bgnbd', { unit: 'fortnight' }), 'TEN_BAD_OPTION');
    await failure(runModel(ws, 'bgnbd', { calibrationEnd: '30.09.1997' }), 'TEN_BAD_OPTION');
    await failure(runModel(ws, 'sbg', { survivors: [1000, 900] }), 'TEN_BAD_OPTION');
    await failure(runModel(ws, 'validation', {}), 'TEN_BAD_OPTION');
    const e = await failure(runModel(ws, 'km', { bogus: 1 }), 'TEN_BAD_OPTION');
    expect(e.message).toContain('bogus');
  });

  it('lists every model', () => {
    expect(modelNames).toEqual(['km', 'cox', 'sbg', 'bgnbd', 'gamma-gamma', 'clv', 'validation']);
  });
});
