/**
 * The adjusted Rand index of two partitions (Hubert & Arabie 1985, "Comparing partitions", Journal of
 * Classification 2:193–218): the Rand index corrected for chance, 1 for identical partitions (labels may differ),
 * about 0 for independent ones. Computed from the contingency table: ARI = (Σ C(n_ij, 2) − E) / (½(Σ C(a_i, 2) +
 * Σ C(b_j, 2)) − E), E = Σ C(a_i, 2) Σ C(b_j, 2) / C(n, 2).
 *
 * @example adjustedRand(['a', 'a', 'b', 'b'], [1, 1, 2, 2]) // 1
 */
export function adjustedRand(x: ArrayLike<string | number>, y: ArrayLike<string | number>): number {
  if (x.length !== y.length) throw new RangeError('adjustedRand: the partitions label different numbers of items');
  const pair = (k: number) => (k * (k - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]}\u0000${y[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(x[i]!, (rows.get(x[i]!) ?? 0) + 1);
    cols.set(y[i]!, (cols.get(y[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const n of cells.values()) index += pair(n);
  let a = 0;
  for (const n of rows.values()) a += pair(n);
  let b = 0;
  for (const n of cols.values()) b += pair(n);
  const expected = (a * b) / pair(x.length);
  const max = (a + b) / 2;
  // Both partitions a single cluster (or all singletons): identical, and the formula is 0/0.
  return max === expected ? 1 : (index - expected) / (max - expected);
}
