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

/**
 * `y.seg__all AS seg__all, y.seg_region AS seg_region`: segment columns selected from an alias under their
 * own names. ClickHouse names an unaliased `y.seg_region` column "y.seg_region", which a later `a.seg_region`
 * (or the row reader) does not find; DuckDB names it seg_region. Always alias in a SELECT list.
 */
export const segSelect = (q: NormalQuery, alias: string): Sql =>
  sql.join(segColumns(q).map((c) => sql`${sql.id(alias, c)} AS ${sql.id(c)}`));
