/**
 * Run one part of a composite result (a validation part, one cohort's fit) so that a part the data cannot
 * support carries its error instead of failing the whole: the others are still worth showing. Bugs
 * (TEN_INTERNAL) are not swallowed.
 */
import { asTenureError } from '../errors.ts';

export type Failed = { error: { code: string; message: string } };

/** Whether a part failed. */
export const isFailed = <T>(part: T | Failed): part is Failed =>
  typeof part === 'object' && part !== null && 'error' in part;

/**
 * The part's value, or its error.
 *
 * @example
 * const part = await attempt(async () => fitSbg(patterns)); // SbgFit | { error: { code, message } }
 */
export async function attempt<T>(f: () => Promise<T> | T): Promise<T | Failed> {
  try {
    return await f();
  } catch (e) {
    const err = asTenureError(e);
    if (err.code === 'TEN_INTERNAL') throw e;
    return { error: { code: err.code, message: err.message } };
  }
}
