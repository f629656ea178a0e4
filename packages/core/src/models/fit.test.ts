/** The maximum-likelihood base: what it asks of a likelihood. */
import { describe, expect, it } from 'vitest';
import { maximizeLikelihood } from './fit.ts';

describe('maximizeLikelihood', () => {
  it('never evaluates a likelihood at a parameter of 0 or ∞, however far a line-search step goes', () => {
    // Exponential rate from 10 waiting times summing to 20 (λ̂ = 0.5), started so far off (λ = 1e6) that the
    // first step on the log scale is about −2e6: e^u underflows to 0, where lnGamma and friends throw.
    const seen: number[] = [];
    const fit = maximizeLikelihood({
      model: 'exp',
      names: ['lambda'],
      n: 10,
      starts: [[1e6]],
      logLik: (t, g) => {
        seen.push(t[0]!);
        if (!(t[0]! > 0 && Number.isFinite(t[0]!))) throw new Error(`evaluated at ${t[0]}`);
        g[0] = 10 / t[0]! - 20;
        return 10 * Math.log(t[0]!) - 20 * t[0]!;
      },
    });
    expect(fit.params.lambda).toBeCloseTo(0.5, 6);
    expect(Math.min(...seen)).toBeGreaterThan(0);
  });
});
