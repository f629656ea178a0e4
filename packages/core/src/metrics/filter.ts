/**
 * Dimension names arrive from users (`--filter constructor=x`, `?filter=__proto__:x`), so they must never be
 * looked up on a plain object: `out[name]` finds Object.prototype's members (`constructor`, `toString`: a crash)
 * and assigning `__proto__` changes the object's prototype instead of adding a key (zod's record drops it: a
 * filter silently ignored). Filters are therefore grouped through a Map and carried as own properties only, and
 * names are checked against the known dimensions with a Set.
 */
import { tenureError } from '../errors.ts';

/** `{ region: ['north', 'south'] }`: a customer matches when its value is one of the listed ones. */
export type DimensionFilter = Record<string, string[]>;

/** `[['region', 'north'], ['region', 'south']]` → `{ region: ['north', 'south'] }`, every name an own key. */
export function groupFilter(pairs: Iterable<readonly [string, string]>): DimensionFilter {
  const by = new Map<string, string[]>();
  for (const [name, value] of pairs) by.set(name, [...(by.get(name) ?? []), value]);
  // fromEntries defines properties (never calls the __proto__ setter), so every name stays an own key.
  return Object.fromEntries(by);
}

/** A filter as callers pass it (one value or a list per name) as own entries with lists. */
export function filterEntries(filter: Record<string, string | string[]> | undefined): [string, string[]][] {
  return Object.entries(filter ?? {}).map(([name, v]) => [name, Array.isArray(v) ? v : [v]]);
}

/** Refuse the first name that is not one of `known` (TEN_METRIC_UNKNOWN_SEGMENT). */
export function checkDimensions(names: Iterable<string>, known: readonly string[]): void {
  const set = new Set(known);
  for (const name of names)
    if (!set.has(name)) throw tenureError('TEN_METRIC_UNKNOWN_SEGMENT', { segment: name, known: [...known] });
}
