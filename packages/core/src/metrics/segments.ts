import { type Sql, sql } from '../sql/sql.ts';
import type { NormalQuery } from './query.ts';

/** Segment key columns of a query: `seg__all` (one constant key, so joins never need a special case) + one per --by. */
export const segColumns = (q: NormalQuery): string[] => ['seg__all', ...q.by.map((b) => `seg_${b}`)];

/** `a.seg__all, a.seg_region` */
export const segList = (q: NormalQuery, alias?: string): Sql =>
  sql.join(segColumns(q).map((c) => (alias ? sql.id(alias, c) : sql.id(c))));

/** `a.seg__all = b.seg__all AND …` */
export const segEquals = (q: NormalQuery, a: string, b: string): Sql =>
  sql.join(
    segColumns(q).map((c) => sql`${sql.id(a, c)} = ${sql.id(b, c)}`),
    sql` AND `,
  );
