/**
 * The checks every experiment statistic makes on its inputs, so each refuses the same things with the same codes
 * (errors/experiments.ts): a level outside (0, 1), an arm too small to estimate anything from.
 */
import { tenureError } from '../errors.ts';
import { normalQuantile } from './normal.ts';

/** Refuses a confidence level, significance level or power that is not strictly between 0 and 1. */
export function checkLevel(name: 'level' | 'alpha' | 'power', value: number): void {
  if (!(value > 0 && value < 1)) throw tenureError('TEN_EXPERIMENT_BAD_LEVEL', { name, value });
}

/** z for a two-sided interval at `level`: the (1 + level)/2 quantile of the standard normal. */
export function twoSidedZ(level: number): number {
  checkLevel('level', level);
  return normalQuantile((1 + level) / 2);
}

/** Refuses arms with fewer than `needed` members (1 for a proportion, 2 for a sample variance). */
export function checkArms(sizes: number[], needed: number): void {
  const smallest = Math.min(...sizes);
  if (!(smallest >= needed)) throw tenureError('TEN_EXPERIMENT_EMPTY_ARM', { smallest, needed });
}

/** Refuses counts that cannot be x events among n members (a caller's bug, not a user's input). */
export function checkCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n)
    throw tenureError('TEN_INTERNAL', { detail: `need integer counts 0 ≤ x ≤ n, got ${x} of ${n}` });
}
