/**
 * The held-out members an uplift model is chosen on: within each stratum of arm × outcome, the given share of
 * members with the smallest 32-bit FNV-1a hash of `seed:customer_id`. Stratifying keeps both arms and both
 * outcomes in the held-out part in their proportions, which a Qini curve on a few hundred members needs; the hash
 * makes the draw reproducible from the seed in any language, as the churn model's validation rule is (split.ts).
 */
import { fnv1a } from '../split.ts';

/**
 * 1 for a held-out row, 0 for a training row.
 *
 * @example
 * holdoutRows(['a', 'b', 'c', 'd'], Uint8Array.of(1, 1, 0, 0), Float64Array.of(0, 1, 0, 1), 0.5, 1);
 */
export function holdoutRows(
  ids: readonly string[],
  treated: ArrayLike<number>,
  churned: ArrayLike<number>,
  share: number,
  seed: number,
): Uint8Array {
  const out = new Uint8Array(ids.length);
  const strata = new Map<string, { row: number; h: number }[]>();
  ids.forEach((id, row) => {
    const key = `${treated[row]}:${churned[row]}`;
    const list = strata.get(key) ?? [];
    list.push({ row, h: fnv1a(`${seed}:${id}`) });
    strata.set(key, list);
  });
  for (const list of strata.values()) {
    list.sort((a, b) => a.h - b.h || ids[a.row]!.localeCompare(ids[b.row]!));
    for (const { row } of list.slice(0, Math.round(share * list.length))) out[row] = 1;
  }
  return out;
}
