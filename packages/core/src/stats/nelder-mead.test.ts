import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a convex quadratic', () => {
    const result = nelderMead(([x, y]) => (x! - 1) ** 2 + 10 * (y! + 2) ** 2, [0, 0]);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(-2, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it("follows Rosenbrock's curved valley to (1, 1)", () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000 });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('stops at maxIterations', () => {
    expect(nelderMead(([x]) => Math.exp(x!), [0], { maxIterations: 7 }).iterations).toBe(7);
  });
});
