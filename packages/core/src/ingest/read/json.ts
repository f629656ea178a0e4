import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { toUtf8 } from '../decode.ts';
import { scanText } from '../scan.ts';
import type { Source } from '../source.ts';
import { locateJsonProblem } from './json-locate.ts';
import {
  describeHeaders,
  isContentError,
  noMalformed,
  parseError,
  positional,
  type Reader,
  renameAs,
} from './reader.ts';

/**
 * A JSON value as cell text: strings unquoted, JSON null as a missing value, numbers and booleans as
 * written, objects and arrays as JSON text. A plain CAST would keep the quotes of strings in a column of
 * mixed types ('"0.10"') and print objects in DuckDB's struct syntax ("{'kind': web}").
 */
const jsonText = (c: string): Sql => {
  const j = sql`to_json(${sql.id(c)})`;
  return sql`CASE json_type(${j}) WHEN 'VARCHAR' THEN ${j} ->> '$' WHEN 'NULL' THEN NULL ELSE CAST(${j} AS VARCHAR) END AS ${sql.id(c)}`;
};

/**
 * DuckDB names a bad JSON record by byte offset or record number; the file is re-read to give the line and
 * column of the first syntax error or duplicate key instead (TEN_IMPORT_JSON_INVALID).
 */
export function jsonError(src: Source, path: string, ndjson: boolean, e: unknown): unknown {
  if (!isContentError(e)) return e;
  const where = locateJsonProblem(path, ndjson);
  if (!where) return parseError(src, e);
  return tenureError('TEN_IMPORT_JSON_INVALID', { file: src.file, ...where }, { file: src.file, line: where.line });
}

/** JSON (an array of objects) or NDJSON (one object per line); nested values arrive as JSON text. */
const jsonReader =
  (format: 'array' | 'newline_delimited'): Reader =>
  async (src, ctx) => {
    const ndjson = format === 'newline_delimited';
    const path = await toUtf8(src, join(ctx.tmpDir, 'decoded.json'));
    await scanText(path, src, ndjson ? 'ndjson' : 'json', ctx.limits);
    // Strings stay text, checked by the same parser as every other format: DuckDB's date detection would
    // turn "-infinity" into 1900-01-01 without a word.
    const scan =
      (): Sql => sql`read_json(${path}, format = ${format}, maximum_object_size = ${ctx.limits.max_line_bytes},
      dateformat = 'none', timestampformat = 'none')`;
    const readError = (e: unknown) => jsonError(src, path, ndjson, e);
    const headers = await describeHeaders(ctx, src, scan(), readError);
    // NDJSON records sit one per line after no header; a JSON array has no lines, so records count from 1.
    const firstLine = 1;
    return {
      headers,
      relation: sql`SELECT ${sql.join(positional(headers.length).map(jsonText))} FROM ${scan()} AS ${renameAs(headers.length)}`,
      firstLine,
      malformed: noMalformed,
      readError,
    };
  };

export const readJson = jsonReader('array');
export const readNdjson = jsonReader('newline_delimited');
