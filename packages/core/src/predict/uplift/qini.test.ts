import { describe, expect, it } from 'vitest';
import { qini, randomQini } from './qini.ts';

// Four members, hand-computed: Q(k) = C_c·N_t/N_c − C_t (R_t = N_t − C_t while no control member is in) is
// 1, 1, 2, 1 after 1…4 members.
const d = { treated: [1, 0, 1, 0], churned: [0, 1, 0, 0] };

describe('qini (Radcliffe 2007)', () => {
  it('draws Q(k) ÷ N and takes the trapezoid area above the random line', () => {
    const q = qini(Float64Array.of(4, 3, 2, 1), d, 5);
    expect(q.curve).toEqual([
      { share: 0, gain: 0 },
      { share: 0.25, gain: 0.25 },
      { share: 0.5, gain: 0.25 },
      { share: 0.75, gain: 0.5 },
      { share: 1, gain: 0.25 },
    ]);
    // Above the line 0.25·share: 0, 3/16, 1/8, 5/16, 0 → ¼ · (3/32 + 5/32 + 7/32 + 5/32) = 5/32.
    expect(q.coefficient).toBeCloseTo(5 / 32, 15);
    // The ordering that knows the outcomes: (0, 0), (½, ½), (¾, ½), (1, ¼) → 7/32 above the line.
    expect(q.normalized).toBeCloseTo(5 / 7, 15);
  });

  it('is 0 for a score that ties every member, negative for the reversed order', () => {
    expect(qini(Float64Array.of(1, 1, 1, 1), d).coefficient).toBeCloseTo(0, 15);
    expect(qini(Float64Array.of(1, 2, 3, 4), d).coefficient).toBeLessThan(0);
  });

  it('normalizes by the ordering that knows the outcomes, which scores 1', () => {
    expect(qini(Float64Array.of(1, 0, 1, -1), d).normalized).toBeCloseTo(1, 12);
  });

  it('random targeting is the straight line to the same end', () => {
    const r = randomQini(d, 3);
    expect(r.curve).toEqual([
      { share: 0, gain: 0 },
      { share: 0.5, gain: 0.125 },
      { share: 1, gain: 0.25 },
    ]);
    expect(r.coefficient).toBe(0);
  });
});
