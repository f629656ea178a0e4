/**
 * Gamma-gamma against Fader, Hardie & Lee (2005), "RFM and CLV", on the CDNOW 1/10 sample imported through the
 * real importer. Published values: test/reference/models/published.json.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, CDNOW_SAMPLE, describeWithDatasets } from '../../../test/datasets.ts';
import { gamma, uniforms } from '../../../test/fixtures/models/simulate.ts';
import { cdnowSampleWorkspace } from '../../../test/fixtures/models/workspaces.ts';
import { published, toPublishedPrecision } from '../../../test/reference/models/reference.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { rfmSource } from '../rfm.ts';
import { expectedSpend, fitGammaGamma, type GammaGammaFit, gammaGammaLogLik, spendPatterns } from './gamma-gamma.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER, CDNOW_SAMPLE);

const P = published.gammaGamma;
let ws: Workspace;
let done: () => Promise<void>;
let fit: GammaGammaFit;
let patterns: Awaited<ReturnType<typeof spendPatterns>>;

beforeAll(async () => {
  ({ ws, done } = await cdnowSampleWorkspace());
  const source = await rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: published.bgNbd.calibrationEnd });
  patterns = await spendPatterns(ws.db, source);
  fit = fitGammaGamma(patterns);
});
afterAll(() => done());

suite('gamma-gamma reproduces Fader, Hardie & Lee 2005 (RFM and CLV) on CDNOW', () => {
  it('gamma-gamma reproduces FHL 2005 on CDNOW (p=6.25 q=3.74 γ=15.44) from the 946 repeat buyers', () => {
    expect(fit.n).toBe(946);
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(toPublishedPrecision(fit.params[k], P[k], 2), `${k} = ${fit.params[k]}`).toBe(true);
    expectClose(fit.populationMean, (fit.params.p * fit.params.gamma) / (fit.params.q - 1), 1e-15);
    // The paper's check of the model's independence assumption: spend and frequency correlate weakly (0.11).
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.11, 2);
  });
});

suite('gamma-gamma likelihood and expectation', () => {
  it('the analytic gradient matches finite differences', () => {
    const ll = gammaGammaLogLik(patterns);
    const at = Float64Array.of(4, 3, 20);
    const g = new Float64Array(3);
    ll(at, g);
    const scratch = new Float64Array(3);
    for (let j = 0; j < 3; j++) {
      const h = 1e-6 * at[j]!;
      const [up, down] = [Float64Array.from(at), Float64Array.from(at)];
      up[j]! += h;
      down[j]! -= h;
      expectClose((ll(up, scratch) - ll(down, scratch)) / (2 * h), g[j]!, 1e-6, `∂LL/∂θ${j}`);
    }
  });

  it('E[M | x, m̄] weighs the population mean against the customer mean by px / (px + q − 1)', () => {
    const p = { p: P.p, q: P.q, gamma: P.gamma };
    const w = (P.p * 2) / (P.p * 2 + P.q - 1);
    expectClose(expectedSpend(p, 2, 22.35), (1 - w) * ((P.p * P.gamma) / (P.q - 1)) + w * 22.35, 1e-14);
    expectClose(expectedSpend(p, 0, 0), (P.p * P.gamma) / (P.q - 1), 1e-14);
  });

  it('refuses fewer than two repeat buyers, and a fit whose spend has no mean', () => {
    const one = { x: Float64Array.of(1), m: Float64Array.of(10), w: Float64Array.of(1) };
    expect(() => fitGammaGamma(one)).toThrowError(expect.objectContaining({ code: 'TEN_MODEL_INSUFFICIENT_DATA' }));
    // Spend simulated with q = 0.8: customers' mean spend has no finite mean, and the fit says so.
    const u = uniforms(7);
    const x = Float64Array.from({ length: 2000 }, () => 3);
    const m = x.map(() => {
      const nu = gamma(u, 0.8, 15);
      return (gamma(u, 6, nu) + gamma(u, 6, nu) + gamma(u, 6, nu)) / 3;
    });
    expect(() => fitGammaGamma({ x, m, w: x.map(() => 1) })).toThrowError(
      expect.objectContaining({ code: 'TEN_MODEL_INSUFFICIENT_DATA' }),
    );
  });
});
