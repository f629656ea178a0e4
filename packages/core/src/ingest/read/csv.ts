import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { toUtf8 } from '../decode.ts';
import type { Source } from '../source.ts';
import { cleanHeaders, type Malformed, parseError, type ReadContext, type Reader, renameAs } from './reader.ts';

let seq = 0;

/** Dialect options DuckDB's sniffer would otherwise guess; the user's --delimiter wins. */
function dialectOptions(src: Source, ctx: ReadContext): Sql {
  const parts: Sql[] = [sql`all_varchar = true`];
  if (ctx.delimiter) parts.push(sql`delim = ${ctx.delimiter === '\\t' ? '\t' : ctx.delimiter}`);
  if (src.encoding === 'utf-16') parts.push(sql`encoding = 'utf-16'`);
  return sql.join(parts);
}

/**
 * CSV/TSV/any delimiter, quoted newlines, BOM and CRLF, read by DuckDB's parallel CSV scanner.
 * Records that do not fit the header (too many or too few fields) are kept in a DuckDB rejects table
 * and reported, never silently skipped.
 */
export const readCsv: Reader = async (src, ctx) => {
  const path = await toUtf8(src, join(ctx.tmpDir, 'decoded.csv'));
  const opts = dialectOptions(src, ctx);
  let headerRow: Record<string, unknown>[];
  try {
    // ignore_errors as in the data scan (store_rejects implies it): otherwise one line with an extra field
    // makes the sniffer give up on the delimiter and read every line as a single column.
    headerRow = await ctx.db.all(
      sql`SELECT * FROM read_csv(${path}, header = false, ${opts}, ignore_errors = true) LIMIT 1`,
    );
  } catch (e) {
    throw parseError(src, e);
  }
  const first = headerRow[0];
  if (!first) throw tenureError('TEN_IMPORT_EMPTY_FILE', { file: src.file }, { file: src.file });
  const headers = cleanHeaders(Object.values(first));
  const n = ++seq;
  const errors = `csv_errors_${n}`;
  const scans = `csv_scans_${n}`;
  const relation = sql`SELECT * FROM read_csv(${path}, header = true, ${opts}, store_rejects = true,
    rejects_table = ${errors}, rejects_scan = ${scans}) AS ${renameAs(headers.length)}`;
  const malformed = async (): Promise<Malformed[]> => {
    const exists = await ctx.db.all(sql`SELECT 1 FROM duckdb_tables() WHERE table_name = ${errors}`);
    if (!exists.length) return [];
    const rows = await ctx.db.all<{ line: number; error_message: string; csv_line: string }>(
      sql`SELECT line, error_message, csv_line FROM ${sql.id(errors)} ORDER BY line`,
    );
    await ctx.db.run(sql`DROP TABLE IF EXISTS ${sql.id(errors)}`);
    await ctx.db.run(sql`DROP TABLE IF EXISTS ${sql.id(scans)}`);
    return rows.map((r) => ({ line: Number(r.line), detail: r.error_message, text: String(r.csv_line ?? '').trim() }));
  };
  return { headers, relation, firstLine: 2, malformed };
};
