import type { Dialect } from '../engine/dialect.ts';
import type { Sql } from '../sql/sql.ts';
import { periodIndex } from './calendar.ts';
import type { NormalQuery } from './query.ts';

/** The query's grid as SQL pieces: n periods, and idx(ts), the index of the period containing ts (may be < 0 or ≥ n). */
export function gridOf(q: NormalQuery, d: Dialect): { n: number; idx: (ts: Sql) => Sql } {
  const origin = (q.grid[0] as { start: string }).start;
  return { n: q.grid.length, idx: (ts) => periodIndex(d, q.grain, q.calendar, origin, ts) };
}
