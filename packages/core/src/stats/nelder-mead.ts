/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead, 1965, "A simplex method for function minimization",
 * Computer Journal 7:308–313), with the standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½
 * (Lagarias, Reeds, Wright & Wright, 1998, SIAM J. Optim. 9:112–147, §2).
 *
 * Derivative-free and robust on small, bumpy objectives such as the SSE of a smoothing model over a few parameters.
 * It is unconstrained: map bounded parameters through a transform (e.g. logistic for (0, 1)) in the objective.
 * It can stop at a local minimum or stall on a degenerate simplex, so callers should restart it from the best point
 * and from several starting points when it matters.
 */

export interface NelderMeadOptions {
  /** Size of the initial simplex along each axis. Default 0.5. */
  step?: number;
  /** Stop when the simplex's values agree to this relative tolerance. Default 1e-12. */
  tolerance?: number;
  /** Default 200 × the number of parameters. */
  maxIterations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
}

/**
 * Minimises `f` from the starting point `x0`.
 *
 * @example
 * nelderMead(([x, y]) => (x! - 1) ** 2 + 10 * (y! + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dim = x0.length;
  const { step = 0.5, tolerance = 1e-12, maxIterations = 200 * dim } = options;
  const vertex = (x: number[]) => ({ x, value: f(x) });
  let simplex = [vertex([...x0])];
  for (let i = 0; i < dim; i++) simplex.push(vertex(x0.map((v, j) => (j === i ? v + step : v))));
  // Points along the line from the centroid c through the worst vertex w: c + t (w − c).
  const along = (c: number[], w: number[], t: number) => vertex(c.map((ci, j) => ci + t * (w[j]! - ci)));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + 1e-300)) break;
    const centroid = x0.map((_, j) => simplex.slice(0, dim).reduce((s, v) => s + v.x[j]!, 0) / dim);
    const reflected = along(centroid, worst.x, -1);
    if (reflected.value < best.value) {
      const expanded = along(centroid, worst.x, -2);
      simplex[dim] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[dim - 1]!.value) {
      simplex[dim] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = along(centroid, worst.x, outside ? -0.5 : 0.5);
      if (contracted.value < (outside ? reflected.value : worst.value)) {
        simplex[dim] = contracted;
      } else {
        simplex = simplex.map((v, i) =>
          i === 0 ? v : vertex(v.x.map((xj, j) => best.x[j]! + 0.5 * (xj - best.x[j]!))),
        );
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value, iterations };
}
