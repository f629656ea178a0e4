import type { SqlValue } from '../sql/sql.ts';

/**
 * What differs between SQL engines, and nothing else. Every member is required, so a new dialect that
 * misses one does not compile (Cube's per-dialect templates, without the class hierarchy).
 */
export interface Dialect {
  readonly name: string;
  /** Quote one identifier part. */
  quoteId(id: string): string;
  /** The placeholder for the n-th (1-based) bound parameter. */
  param(n: number, value: SqlValue): string;
}
