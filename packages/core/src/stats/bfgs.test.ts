import { describe, expect, it } from 'vitest';
import { bfgs, type ValueAndGradient } from './bfgs.ts';

const rosenbrock: ValueAndGradient = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
  g[1] = 200 * (b - a * a);
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

describe('bfgs', () => {
  it("follows Rosenbrock's curved valley to (1, 1) with a small gradient", () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(r.iterations).toBeLessThan(100);
  });

  it('minimises an ill-conditioned quadratic in few iterations', () => {
    const scales = [1, 1e3, 1e-2, 50];
    const r = bfgs(
      (x, g) => {
        let f = 0;
        scales.forEach((s, i) => {
          g[i] = 2 * s * (x[i]! - i);
          f += s * (x[i]! - i) ** 2;
        });
        return f;
      },
      [5, 5, 5, 5],
    );
    expect(r.converged).toBe(true);
    expect([...r.x].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 1, 2, 3]);
  });

  it('backs off from a region where the objective is not finite', () => {
    // f = x − ln x on x > 0, undefined (NaN) for x ≤ 0; the first full step from 0.1 lands there.
    const r = bfgs(
      (x, g) => {
        g[0] = 1 - 1 / x[0]!;
        return x[0]! - Math.log(x[0]!);
      },
      [0.1],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 9);
  });

  it('reports non-convergence when it runs out of iterations, and an infinite start as such', () => {
    expect(bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
    const bad = bfgs(() => Number.NaN, [0]);
    expect([bad.converged, bad.value]).toEqual([false, Number.POSITIVE_INFINITY]);
  });
});
