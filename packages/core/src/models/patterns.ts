/**
 * Helpers for likelihoods over weighted patterns: distinct-value tables (a million customers' recencies take a
 * few hundred distinct values, so ln(α + t) is computed per value, not per customer) and a systematic sample
 * that the multi-start search runs on before the winner is polished on all patterns (fit.ts).
 */

/** The distinct values of a column and, for each row, the index of its value. */
export function distinct(column: Float64Array): { values: Float64Array; index: Int32Array } {
  const seen = new Map<number, number>();
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let k = seen.get(v);
    if (k === undefined) {
      k = seen.size;
      seen.set(v, k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(seen.keys()), index };
}

/**
 * Every k-th row of weighted patterns (rows come sorted from SQL, so this is a stratified sample), or null when
 * there are at most `max` rows. Weights are scaled so the sample stands for as many customers as the whole.
 *
 * @example
 * samplePatterns({ x, t_x, T, w }, 'w', 20_000); // 20,000 of 300,000 patterns, w scaled by the total ratio
 */
export function samplePatterns<T extends { [k in keyof T]: Float64Array }>(
  cols: T,
  weight: keyof T,
  max: number,
): T | null {
  const rows = cols[weight].length;
  if (rows <= max) return null;
  const step = rows / max;
  const picked = Array.from({ length: max }, (_, i) => Math.floor(i * step));
  const out = {} as T;
  for (const k of Object.keys(cols) as (keyof T)[])
    out[k] = Float64Array.from(picked, (i) => cols[k][i]!) as T[keyof T];
  const total = cols[weight].reduce((a, b) => a + b, 0);
  const sampled = out[weight].reduce((a, b) => a + b, 0);
  out[weight] = out[weight].map((w) => (w * total) / sampled) as T[keyof T];
  return out;
}
