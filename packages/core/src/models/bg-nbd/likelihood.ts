/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy Way: An Alternative
 * to the Pareto/NBD Model", Marketing Science 24(2):275–284, eq. 6, summed over customers as in eq. 7):
 *   L(r, α, a, b | x, t_x, T) = B(a, b + x)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r+x))
 *                             + δ_{x>0} B(a + 1, b + x − 1)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r+x)).
 * With u₁, u₂ the logs of the two terms (less the shared Γ(r + x) α^r / Γ(r)) and π = e^{u₂} / (e^{u₁} + e^{u₂})
 * the second term's share, the gradient is a π-weighted mix of the two terms' gradients, with digammas that
 * depend on x only. Everything that depends on x, T or t_x alone is tabulated per distinct value.
 */
import { lnGamma } from '../../stats/gamma.ts';
import { digamma, lnBeta } from '../../stats/special.ts';
import type { LogLikelihood } from '../fit.ts';
import { distinct } from '../patterns.ts';

/** Distinct (x, t_x, T) histories with the number of customers w who have each. */
export interface BgNbdPatterns {
  x: Float64Array;
  t_x: Float64Array;
  T: Float64Array;
  w: Float64Array;
}

/**
 * LL(r, α, a, b) and its gradient over the patterns.
 *
 * @example
 * const ll = bgNbdLogLik(patterns); ll(Float64Array.of(0.243, 4.414, 0.793, 2.426), new Float64Array(4));
 */
export function bgNbdLogLik(p: BgNbdPatterns): LogLikelihood {
  const xs = distinct(p.x);
  const Ts = distinct(p.T);
  const txs = distinct(p.t_x);
  const nx = xs.values.length;
  // Per distinct x: lnΓ(r + x) − lnΓ(r), the two beta ratios, and their derivatives.
  const lgr = new Float64Array(nx);
  const dlgr = new Float64Array(nx);
  const c1 = new Float64Array(nx);
  const c2 = new Float64Array(nx);
  const c1a = new Float64Array(nx);
  const c1b = new Float64Array(nx);
  const c2a = new Float64Array(nx);
  const c2b = new Float64Array(nx);
  const lnT = new Float64Array(Ts.values.length);
  const invT = new Float64Array(Ts.values.length);
  const lnTx = new Float64Array(txs.values.length);
  const invTx = new Float64Array(txs.values.length);
  return (theta, grad) => {
    const [r, alpha, a, b] = [theta[0]!, theta[1]!, theta[2]!, theta[3]!];
    const lnB = lnBeta(a, b);
    const [psiR, psiA, psiB, psiAB] = [digamma(r), digamma(a), digamma(b), digamma(a + b)];
    for (let k = 0; k < nx; k++) {
      const x = xs.values[k]!;
      const psiABx = digamma(a + b + x);
      lgr[k] = lnGamma(r + x) - lnGamma(r);
      dlgr[k] = digamma(r + x) - psiR;
      c1[k] = lnBeta(a, b + x) - lnB;
      c1a[k] = psiAB - psiABx;
      c1b[k] = digamma(b + x) - psiABx - psiB + psiAB;
      if (x > 0) {
        c2[k] = lnBeta(a + 1, b + (x - 1)) - lnB;
        c2a[k] = digamma(a + 1) - psiABx - psiA + psiAB;
        c2b[k] = digamma(b + (x - 1)) - psiABx - psiB + psiAB;
      }
    }
    for (let k = 0; k < lnT.length; k++) {
      lnT[k] = Math.log(alpha + Ts.values[k]!);
      invT[k] = 1 / (alpha + Ts.values[k]!);
    }
    for (let k = 0; k < lnTx.length; k++) {
      lnTx[k] = Math.log(alpha + txs.values[k]!);
      invTx[k] = 1 / (alpha + txs.values[k]!);
    }
    const lnAlpha = Math.log(alpha);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    let n = 0;
    const { x: X, w: W } = p;
    const [xIndex, tIndex, txIndex] = [xs.index, Ts.index, txs.index];
    for (let i = 0; i < X.length; i++) {
      const x = X[i]!;
      const w = W[i]!;
      const rx = r + x;
      const kx = xIndex[i]!;
      const kT = tIndex[i]!;
      const kt = txIndex[i]!;
      const u1 = c1[kx]! - rx * lnT[kT]!;
      let lse = u1;
      let pi = 0;
      if (x > 0) {
        // log(e^u1 + e^u2) without overflow; π = e^(u2 − lse).
        const d = c2[kx]! - rx * lnTx[kt]! - u1;
        const e = Math.exp(d > 0 ? -d : d);
        lse = (d > 0 ? u1 + d : u1) + Math.log1p(e);
        pi = d >= 0 ? 1 / (1 + e) : e / (1 + e);
      }
      const q = 1 - pi;
      ll += w * (lgr[kx]! + lse);
      gr += w * (dlgr[kx]! - q * lnT[kT]! - pi * lnTx[kt]!);
      gAlpha -= w * rx * (q * invT[kT]! + pi * invTx[kt]!);
      ga += w * (q * c1a[kx]! + pi * c2a[kx]!);
      gb += w * (q * c1b[kx]! + pi * c2b[kx]!);
      n += w;
    }
    // Terms shared by every customer: r ln α in LL, ln α and r/α in the gradient.
    ll += n * r * lnAlpha;
    gr += n * lnAlpha;
    gAlpha += (n * r) / alpha;
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
    return ll;
  };
}
