/**
 * Read a query's result as typed columns: numbers into Float64Arrays (NULL → NaN), text into string arrays.
 * The models aggregate in SQL into weighted patterns and fit over these arrays (STYLE.md practice 9); reading
 * chunk by chunk avoids building a JS object per row, which dominates for a million customers.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { type DuckDbConnection, duckdb } from '../engine/duckdb/connection.ts';
import { type Sql, sql } from '../sql/sql.ts';

export interface Columns {
  rows: number;
  num: Record<string, Float64Array>;
  text: Record<string, string[]>;
}

let serial = 0;

/**
 * Run `q` and return its columns. Parameters stay bound: the query is materialised into a temp table first.
 *
 * @example
 * const { num } = await readColumns(ws.db, sql`SELECT x, count(*) AS w FROM … GROUP BY x`); // num.x, num.w
 */
export async function readColumns(db: DuckDbConnection, q: Sql): Promise<Columns> {
  const table = `_tenure_columns_${++serial}`;
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(table)} AS ${q}`);
  try {
    const result = await db.raw.run(`SELECT * FROM "${table}"`);
    const rows = result.rowCount;
    const names = result.columnNames();
    // Queries cast what they read: DOUBLE or BIGINT for numbers, VARCHAR for text (ids, segments, dates).
    const isText = result.columnTypes().map((t) => t.typeId === duckdb().DuckDBTypeId.VARCHAR);
    const num: Record<string, Float64Array> = {};
    const text: Record<string, string[]> = {};
    names.forEach((n, c) => {
      if (isText[c]) text[n] = new Array<string>(rows);
      else num[n] = new Float64Array(rows);
    });
    let offset = 0;
    for (let k = 0; k < result.chunkCount; k++) {
      // Between every 16 chunks (32,768 rows) the event loop runs: a server reads a million customers' columns
      // (its search index, a model's features) while it answers requests.
      if (k % 16 === 15) await yieldToEvents();
      const chunk = result.getChunk(k);
      const size = chunk.rowCount;
      names.forEach((n, c) => {
        const v = chunk.getColumnVector(c);
        if (isText[c]) {
          const out = text[n]!;
          for (let i = 0; i < size; i++) out[offset + i] = String(v.getItem(i) ?? '');
        } else {
          const out = num[n]!;
          for (let i = 0; i < size; i++) {
            const x = v.getItem(i);
            out[offset + i] = x === null ? Number.NaN : Number(x);
          }
        }
      });
      offset += size;
    }
    return { rows, num, text };
  } finally {
    await db.run(sql`DROP TABLE IF EXISTS ${sql.id(table)}`);
  }
}
