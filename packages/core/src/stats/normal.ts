/**
 * The standard normal distribution's tail and quantile, for z tests, confidence levels other than 95 % and power.
 *
 * The tail uses P(|Z| > z) = P(χ²₁ > z²) = Q(1/2, z²/2), so it inherits gamma.ts's full relative accuracy far
 * into the tail (p-values like 1e-30). The quantile is Wichura's algorithm AS 241 (PPND16), "The percentage points
 * of the normal distribution", Applied Statistics 37:477–484 (1988): rational approximations in three ranges,
 * accurate to about 1e-16, the method R's qnorm uses.
 */
import { tenureError } from '../errors.ts';
import { gammaQ } from './gamma.ts';

/**
 * P(Z > z) for a standard normal Z.
 *
 * @example
 * normalUpperTail(1.959963984540054); // 0.025
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) throw tenureError('TEN_INTERNAL', { detail: 'normalUpperTail of NaN' });
  const half = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z >= 0 ? half : 1 - half;
}

/**
 * The p-quantile of the standard normal distribution, for 0 < p < 1.
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw tenureError('TEN_INTERNAL', { detail: `normalQuantile needs 0 < p < 1, got ${p}` });
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x = r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5);
  return q < 0 ? -x : x;
}

/** c₀ + c₁r + … + c₇r⁷ by Horner's rule. */
function poly(c: readonly number[], r: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * r + (c[i] as number);
  return s;
}

// AS 241's coefficients, written as the doubles they round to: the central range |p − ½| ≤ 0.425 (A/B), then
// r = √−ln min(p, 1 − p) ≤ 5 (C/D) and beyond (E/F).
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852546,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];
