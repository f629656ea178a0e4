/**
 * A seeded pseudo-random generator for resampling in JavaScript: xoshiro128** (Blackman & Vigna, 2021, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4):36), its 128-bit state filled from the seed by splitmix32
 * as the authors advise. Math.random() cannot be seeded, and a bootstrap interval must come out the same for the
 * same campaign and seed on every run. (The demo's generator draws in SQL by hashing: workspace/demo/random.ts.)
 */
export class Random {
  // Four int32 fields rather than a typed array: V8 keeps them in registers in the bootstrap's hot loop.
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = () => {
      // splitmix32: successive outputs are well mixed even for seeds 0, 1, 2, …
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return z ^ (z >>> 16);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform in the open interval (0, 1), on a grid of 2⁻³² (fine for sampling; logs of it are finite). */
  uniform(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }
}
