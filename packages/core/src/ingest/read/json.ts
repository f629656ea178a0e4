import { join } from 'node:path';
import { type Sql, sql } from '../../sql/sql.ts';
import { toUtf8 } from '../decode.ts';
import { describeHeaders, noMalformed, positional, type Reader, renameAs } from './reader.ts';

/**
 * A JSON value as cell text: strings unquoted, JSON null as a missing value, numbers and booleans as
 * written, objects and arrays as JSON text. A plain CAST would keep the quotes of strings in a column of
 * mixed types ('"0.10"') and print objects in DuckDB's struct syntax ("{'kind': web}").
 */
const jsonText = (c: string): Sql => {
  const j = sql`to_json(${sql.id(c)})`;
  return sql`CASE json_type(${j}) WHEN 'VARCHAR' THEN ${j} ->> '$' WHEN 'NULL' THEN NULL ELSE CAST(${j} AS VARCHAR) END AS ${sql.id(c)}`;
};

/** JSON (an array of objects) or NDJSON (one object per line); nested values arrive as JSON text. */
const jsonReader =
  (format: 'array' | 'newline_delimited'): Reader =>
  async (src, ctx) => {
    const path = await toUtf8(src, join(ctx.tmpDir, 'decoded.json'));
    const scan = (): Sql => sql`read_json(${path}, format = ${format}, maximum_object_size = 67108864)`;
    const headers = await describeHeaders(ctx, src, scan());
    // NDJSON records sit one per line after no header; a JSON array has no lines, so records count from 1.
    const firstLine = 1;
    return {
      headers,
      relation: sql`SELECT ${sql.join(positional(headers.length).map(jsonText))} FROM ${scan()} AS ${renameAs(headers.length)}`,
      firstLine,
      malformed: noMalformed,
    };
  };

export const readJson = jsonReader('array');
export const readNdjson = jsonReader('newline_delimited');
