import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { toUtf8 } from '../decode.ts';
import { scanText } from '../scan.ts';
import { cleanHeaders, type Malformed, parseError, type ReadContext, type Reader, renameAs } from './reader.ts';

let seq = 0;

/** Dialect options DuckDB's sniffer would otherwise guess; the user's --delimiter wins. */
function dialectOptions(ctx: ReadContext): Sql {
  const parts: Sql[] = [sql`all_varchar = true`, sql`max_line_size = ${ctx.limits.max_line_bytes + 2}`];
  if (ctx.delimiter) parts.push(sql`delim = ${delimiterOf(ctx)}`);
  return sql.join(parts);
}

const delimiterOf = (ctx: ReadContext) => (ctx.delimiter === '\\t' ? '\t' : ctx.delimiter);

/**
 * The most fields the first line can have under any likely delimiter: checked before DuckDB's sniffer sees
 * the file, since sniffing and typing thousands of columns takes minutes.
 */
function widthBound(first: string, ctx: ReadContext): number {
  const given = delimiterOf(ctx);
  const candidates = given ? [given] : [',', '\t', ';', '|'];
  return 1 + Math.max(...candidates.map((d) => first.split(d).length - 1));
}

/**
 * CSV/TSV/any delimiter, quoted newlines, BOM and CRLF, read by DuckDB's parallel CSV scanner.
 * Records that do not fit the header (too many or too few fields) are kept in a DuckDB rejects table
 * and reported, never silently skipped.
 */
export const readCsv: Reader = async (src, ctx) => {
  const path = await toUtf8(src, join(ctx.tmpDir, 'decoded.csv'));
  const first = await scanText(path, src, 'csv', ctx.limits);
  const width = widthBound(first, ctx);
  if (width > ctx.limits.max_columns)
    throw tenureError(
      'TEN_IMPORT_TOO_WIDE',
      { file: src.file, columns: width, max: ctx.limits.max_columns },
      { file: src.file },
    );
  const opts = dialectOptions(ctx);
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
  const row = headerRow[0];
  if (!row) throw tenureError('TEN_IMPORT_EMPTY_FILE', { file: src.file }, { file: src.file });
  const headers = cleanHeaders(ctx.header ? Object.values(row) : Object.values(row).map(() => ''));
  const n = ++seq;
  const errors = `csv_errors_${n}`;
  const scans = `csv_scans_${n}`;
  const relation = sql`SELECT * FROM read_csv(${path}, header = ${ctx.header}, ${opts}, store_rejects = true,
    rejects_table = ${errors}, rejects_scan = ${scans}) AS ${renameAs(headers.length)}`;
  const malformed = async (): Promise<Malformed[]> => {
    const exists = await ctx.db.all(sql`SELECT 1 FROM duckdb_tables() WHERE table_name = ${errors}`);
    if (!exists.length) return [];
    // Each scan of the relation (type inference, then the check) stores its rejects again: one per line.
    const rows = await ctx.db.all<{ line: number; error_message: string; csv_line: string }>(
      sql`SELECT line, first(error_message ORDER BY error_message) AS error_message, first(csv_line) AS csv_line
        FROM ${sql.id(errors)} GROUP BY line ORDER BY line`,
    );
    await ctx.db.run(sql`DROP TABLE IF EXISTS ${sql.id(errors)}`);
    await ctx.db.run(sql`DROP TABLE IF EXISTS ${sql.id(scans)}`);
    return rows.map((r) => ({ line: Number(r.line), detail: r.error_message, text: String(r.csv_line ?? '').trim() }));
  };
  return { headers, relation, firstLine: ctx.header ? 2 : 1, malformed };
};
