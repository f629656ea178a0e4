/**
 * sBG against Fader & Hardie (2007), "How to Project Customer Retention": the published α, β of the regular and
 * high-end cohorts, the model's closed forms, and its refusals. Published values: test/reference/models/published.json.
 */
import { describe, expect, it } from 'vitest';
import { published, toPublishedPrecision } from '../../../test/reference/models/reference.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import { lnBeta } from '../../stats/special.ts';
import { projectSbg, sbgLifetime } from './project.ts';
import { fitSbg, patternsFromSurvivors, sbgLogLik } from './sbg.ts';

const { regular, highEnd } = published.sbg.cohorts;

describe('sBG reproduces Fader & Hardie 2007', () => {
  it.each([
    ['regular', regular],
    ['high end', highEnd],
  ])('%s cohort: α and β to the published 3 decimals', (_, cohort) => {
    const fit = fitSbg(patternsFromSurvivors(cohort.survivors));
    expect(fit.converged).toBe(true);
    expect(toPublishedPrecision(fit.params.alpha, cohort.alpha, 3), `α = ${fit.params.alpha}`).toBe(true);
    expect(toPublishedPrecision(fit.params.beta, cohort.beta, 3), `β = ${fit.params.beta}`).toBe(true);
    expect(fit.n).toBe(1000);
    for (const se of Object.values(fit.stderr)) expect(se).toBeGreaterThan(0);
  });

  it('the fitted curve tracks the observed survivors of the calibration years', () => {
    const fit = fitSbg(patternsFromSurvivors(highEnd.survivors));
    for (const { period, survival } of projectSbg(fit.params, 7))
      expect(Math.abs(1000 * survival - highEnd.survivors[period]!)).toBeLessThan(20);
  });
});

describe('sBG closed forms', () => {
  const p = { alpha: 0.668, beta: 3.806 };

  it('the recursion equals S(t) = B(α, β + t) / B(α, β)', () => {
    for (const { period, survival } of projectSbg(p, 20))
      expectClose(survival, Math.exp(lnBeta(p.alpha, p.beta + period) - lnBeta(p.alpha, p.beta)), 1e-12);
  });

  it('DEL and DERL equal their discounted sums of survival, and E[T] = (α + β − 1)/(α − 1) for α > 1', () => {
    const d = 0.1;
    const S = projectSbg(p, 3000).map((x) => x.survival);
    const del = S.reduce((a, s, t) => a + s / (1 + d) ** t, 0);
    const life = sbgLifetime(p, d, 3);
    expectClose(life.del, del, 1e-10);
    // After n − 1 renewals: Σ_{t ≥ n} S(t)/S(n − 1) discounted from t = n.
    for (const { renewals, value } of life.derl) {
      const n = renewals + 1;
      const sum = S.slice(n).reduce((a, s, k) => a + s / S[n - 1]! / (1 + d) ** k, 0);
      expectClose(value, sum, 1e-10);
    }
    expect(life.expected).toBeNull();
    const finite = { alpha: 5, beta: 5 };
    const mean = projectSbg(finite, 5000).reduce((a, x) => a + x.survival, 0);
    expectClose(sbgLifetime(finite, d, 0).expected, mean, 1e-9);
    expect(sbgLifetime(finite, d, 0).median).toBe(projectSbg(finite, 50).find((x) => x.survival <= 0.5)!.period);
  });

  it('the gradient of the log-likelihood matches finite differences', () => {
    const ll = sbgLogLik(patternsFromSurvivors(regular.survivors));
    const g = new Float64Array(2);
    const at = Float64Array.of(0.9, 1.7);
    ll(at, g);
    const scratch = new Float64Array(2);
    for (let j = 0; j < 2; j++) {
      const [up, down] = [Float64Array.from(at), Float64Array.from(at)];
      up[j]! += 1e-6;
      down[j]! -= 1e-6;
      expect((ll(up, scratch) - ll(down, scratch)) / 2e-6).toBeCloseTo(g[j]!, 5);
    }
  });
});

describe('sBG refuses what it cannot fit', () => {
  it('survivor lists that are too short, rising or empty', () => {
    for (const bad of [
      [1000, 800],
      [1000, 1100, 900],
      [0, 0, 0],
      [1000, Number.NaN, 3],
    ])
      expect(() => patternsFromSurvivors(bad)).toThrowError(expect.objectContaining({ code: 'TEN_BAD_OPTION' }));
  });

  it('a cohort where nobody churns, or everything happens in one period', () => {
    expect(() => fitSbg(patternsFromSurvivors([500, 500, 500]))).toThrowError(
      expect.objectContaining({ code: 'TEN_MODEL_INSUFFICIENT_DATA' }),
    );
    const onePeriod = {
      periods: Float64Array.of(1, 1),
      churned: Float64Array.of(1, 0),
      weight: Float64Array.of(40, 60),
    };
    expect(() => fitSbg(onePeriod)).toThrowError(expect.objectContaining({ code: 'TEN_MODEL_INSUFFICIENT_DATA' }));
  });

  it('half churning at once and the rest never drives α, β to 0: a degenerate fit, not a number', () => {
    expect(() => fitSbg(patternsFromSurvivors([100, 50, 50, 50]))).toThrowError(
      expect.objectContaining({ code: 'TEN_MODEL_DEGENERATE' }),
    );
  });
});
