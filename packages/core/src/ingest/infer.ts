import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { sql } from '../sql/sql.ts';
import type { Extra } from './mapping.ts';
import { type AttributeType, cell, parseNumber, parseTimestamp } from './parse.ts';
import type { Staged } from './read/reader.ts';

/**
 * The narrowest type every non-blank value of a new extra column fits: BIGINT, DOUBLE, TIMESTAMP, else
 * VARCHAR. One aggregate pass, only when the file brings columns the workspace has not seen.
 */
export async function inferTypes(
  db: DuckDbConnection,
  staged: Staged,
  extras: Extra[],
  dateFormat?: string,
): Promise<Record<string, AttributeType>> {
  if (!extras.length) return {};
  const aggs = extras.flatMap((x, i) => {
    const v = cell(`c${x.index}`);
    return [
      sql`count(${v}) AS ${sql.id(`n${i}`)}`,
      sql`count(${parseNumber(v, 'BIGINT')}) AS ${sql.id(`i${i}`)}`,
      sql`count(${parseNumber(v, 'DOUBLE')}) AS ${sql.id(`d${i}`)}`,
      sql`count(CASE WHEN regexp_matches(${v}, '[-/年]') THEN ${parseTimestamp(v, dateFormat)} END) AS ${sql.id(`t${i}`)}`,
    ];
  });
  const [row] = await db.all<Record<string, number>>(sql`SELECT ${sql.join(aggs)} FROM (${staged.relation})`);
  const out: Record<string, AttributeType> = {};
  extras.forEach((x, i) => {
    const n = row?.[`n${i}`] ?? 0;
    const fits = (k: string) => n > 0 && row?.[`${k}${i}`] === n;
    out[x.column] = fits('i') ? 'BIGINT' : fits('d') ? 'DOUBLE' : fits('t') ? 'TIMESTAMP' : 'VARCHAR';
  });
  return out;
}
