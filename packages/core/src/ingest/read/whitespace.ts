import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { toUtf8 } from '../decode.ts';
import { scanText } from '../scan.ts';
import { cleanHeaders, type Malformed, positional, type Reader } from './reader.ts';

/**
 * Space-aligned text tables (fixed-width exports such as the CDNOW master file): each line is split on
 * runs of white space. A line with a different number of fields than the header is malformed.
 */
export const readWhitespace: Reader = async (src, ctx) => {
  const path = await toUtf8(src, join(ctx.tmpDir, 'decoded.txt'));
  await scanText(path, src, 'whitespace', ctx.limits);
  // One VARCHAR column per line: a delimiter that cannot occur in text, no quoting.
  const lines = sql`SELECT string_split_regex(trim(line), '\\s+') AS f, line FROM read_csv(${path}, header = false,
    auto_detect = false, columns = {'line': 'VARCHAR'}, delim = ${'\u0001'}, quote = '', escape = '',
    max_line_size = ${ctx.limits.max_line_bytes + 2})
    WHERE trim(line) <> ''`;
  const first = await ctx.db.all<{ f: string[] }>(sql`${lines} LIMIT 1`);
  if (!first[0]) throw tenureError('TEN_IMPORT_EMPTY_FILE', { file: src.file }, { file: src.file });
  const headers = cleanHeaders(ctx.header ? first[0].f : first[0].f.map(() => ''));
  // Without a header the first line is the first record.
  const from = ctx.header ? 2 : 1;
  const cols = positional(headers.length);
  const numbered = sql`SELECT f, line, row_number() OVER () AS n FROM (${lines})`;
  const relation = sql`SELECT ${sql.join(cols.map((c, i) => sql`f[${i + 1}] AS ${sql.id(c)}`))}
    FROM (${numbered}) WHERE n >= ${from} AND len(f) = ${headers.length} ORDER BY n`;
  const malformed = async (): Promise<Malformed[]> => {
    const bad = await ctx.db.all<{ n: number; k: number; line: string }>(
      sql`SELECT n, len(f) AS k, line FROM (${numbered}) WHERE n >= ${from} AND len(f) <> ${headers.length} ORDER BY n`,
    );
    return bad.map((b) => ({
      line: b.n,
      detail: `Expected ${headers.length} fields, found ${b.k}`,
      text: b.line.trim(),
    }));
  };
  return { headers, relation, firstLine: from, malformed };
};
