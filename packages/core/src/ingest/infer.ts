import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { sql } from '../sql/sql.ts';
import type { Extra } from './mapping.ts';
import { type AttributeType, cell, parseNumber, parseTimestamp } from './parse.ts';
import type { Staged } from './read/reader.ts';

/**
 * The narrowest type every non-blank value of a new extra column fits: BIGINT, DOUBLE, TIMESTAMP, else
 * VARCHAR. One aggregate pass, only when the file brings columns the workspace has not seen.
 * The columns are unpivoted into (column, value) pairs and grouped, so the query has one copy of each parse
 * expression whatever the width: four aggregates per column made DuckDB's planning quadratic in the number
 * of columns (100 new keys: 36 s, 300: 146 s).
 */
export async function inferTypes(
  db: DuckDbConnection,
  staged: Staged,
  extras: Extra[],
  dateFormat?: string,
): Promise<Record<string, AttributeType>> {
  if (!extras.length) return {};
  const cells = sql.join(extras.map((x) => sql`${sql.id(`c${x.index}`)}`));
  const slots = extras.map((_, i) => String(i));
  const v = cell('_v');
  const pairs = sql`SELECT CAST(unnest(${slots}) AS INTEGER) AS _k, unnest([${cells}]) AS _v FROM (${staged.relation})`;
  const rows = await db.all<{ k: number; n: number; i: number; d: number; t: number }>(sql`SELECT _k AS k,
      count(${v}) AS n, count(${parseNumber(v, 'BIGINT')}) AS i, count(${parseNumber(v, 'DOUBLE')}) AS d,
      count(CASE WHEN regexp_matches(${v}, '[-/年]') THEN ${parseTimestamp(v, dateFormat)} END) AS t
    FROM (${pairs}) GROUP BY _k`);
  const out: Record<string, AttributeType> = {};
  for (const x of extras) out[x.column] = 'VARCHAR';
  for (const r of rows) {
    const x = extras[Number(r.k)];
    if (!x) continue;
    const fits = (m: number) => r.n > 0 && m === r.n;
    out[x.column] = fits(r.i) ? 'BIGINT' : fits(r.d) ? 'DOUBLE' : fits(r.t) ? 'TIMESTAMP' : 'VARCHAR';
  }
  return out;
}
