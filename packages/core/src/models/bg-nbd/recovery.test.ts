/**
 * Recovery: data simulated from the BG/NBD and gamma-gamma processes with known parameters (the CDNOW estimates)
 * give back those parameters within three standard errors, and the CLV model's predicted purchases in a
 * holdout agree with the simulated ones within sampling error. Simulation: test/fixtures/models/simulate.ts.
 */
import { describe, expect, it } from 'vitest';
import { simulateCustomer, uniforms } from '../../../test/fixtures/models/simulate.ts';
import { fitGammaGamma } from '../gamma-gamma/gamma-gamma.ts';
import { fitBgNbd } from './bg-nbd.ts';
import { expectedPurchases } from './predict.ts';

const TRUTH = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };
const N = 20_000;
const CALIBRATION = 39; // weeks, as in CDNOW
const HOLDOUT = 39;

// Each customer is born at a uniform time in the first 12 weeks and followed to 78 weeks.
const u = uniforms(20050101);
const customers = Array.from({ length: N }, () => {
  const born = 12 * u();
  return { born, ...simulateCustomer(u, TRUTH, CALIBRATION + HOLDOUT - born) };
});
const history = customers.map(({ born, times, values }) => {
  const T = CALIBRATION - born;
  const cal = times.filter((t) => t <= T);
  return {
    x: cal.length,
    tx: cal.at(-1) ?? 0,
    T,
    m: cal.length ? values.slice(0, cal.length).reduce((a, b) => a + b, 0) / cal.length : 0,
    holdout: times.length - cal.length,
  };
});
const ones = Float64Array.from(history, () => 1);
const col = (f: (h: (typeof history)[number]) => number) => Float64Array.from(history, f);

describe('BG/NBD and gamma-gamma recover the parameters of simulated data', () => {
  const bg = fitBgNbd({ x: col((h) => h.x), t_x: col((h) => h.tx), T: col((h) => h.T), w: ones });

  it('r, α, a, b within 3 standard errors of the truth', () => {
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(bg.params[k] - TRUTH[k]) / bg.stderr[k], `${k} = ${bg.params[k]} ± ${bg.stderr[k]}`).toBeLessThan(
        3,
      );
  });

  it('p, q, γ within 3 standard errors, and the population mean spend pγ/(q − 1)', () => {
    const buyers = history.filter((h) => h.x > 0);
    const gg = fitGammaGamma({
      x: Float64Array.from(buyers, (h) => h.x),
      m: Float64Array.from(buyers, (h) => h.m),
      w: Float64Array.from(buyers, () => 1),
    });
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(Math.abs(gg.params[k] - TRUTH[k]) / gg.stderr[k], `${k} = ${gg.params[k]} ± ${gg.stderr[k]}`).toBeLessThan(
        3,
      );
    const truthMean = (TRUTH.p * TRUTH.gamma) / (TRUTH.q - 1);
    expect(Math.abs(gg.populationMean - truthMean) / truthMean).toBeLessThan(0.05);
  });

  it('predicted holdout purchases match the simulated ones within sampling error', () => {
    let predicted = 0;
    let actual = 0;
    let squares = 0;
    for (const h of history) {
      const e = expectedPurchases(bg.params, HOLDOUT, h.x, h.tx, h.T);
      predicted += e;
      actual += h.holdout;
      squares += (h.holdout - e) ** 2;
    }
    // Customers are independent: the total's error has sd √Σ (yᵢ − E[yᵢ])², estimated from the residuals.
    expect(Math.abs(predicted - actual), `${predicted} vs ${actual}`).toBeLessThan(3 * Math.sqrt(squares));
  });
});
