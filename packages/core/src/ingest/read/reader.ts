import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { ImportLimits } from '../limits.ts';
import type { Source } from '../source.ts';

/** A record the reader could not split into the header's fields. */
export interface Malformed {
  line: number;
  detail: string;
  text: string;
}

/**
 * What every reader hands to the validator: the header as the file spells it, and a relation with columns
 * c0…c(n-1), all VARCHAR, one row per data record in file order. User headers stay data, never identifiers.
 */
export interface Staged {
  headers: string[];
  relation: Sql;
  /** Line of the first data record (the header is line 1; for XLSX, the sheet's row number). */
  firstLine: number;
  /** Records dropped as unreadable by the scan of `relation`; call after it ran. */
  malformed(): Promise<Malformed[]>;
  /** The error to throw when a scan of `relation` fails (a format that can locate its problems sets it). */
  readError?: (e: unknown) => unknown;
}

export interface ReadContext {
  db: DuckDbConnection;
  /** A private temp folder for transcoded or converted copies. */
  tmpDir: string;
  limits: ImportLimits;
  /** False when the first line is data (a headerless file): columns are then named column_1, column_2, … */
  header: boolean;
  sheet?: string;
  delimiter?: string;
}

export type Reader = (src: Source, ctx: ReadContext) => Promise<Staged>;

/** c0, c1, … : the positional column names of a staged relation. */
export const positional = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i}`);

/** `AS t(c0, c1, …)`: renames a table function's columns by position. */
export const renameAs = (n: number): Sql => sql`t(${sql.ids(positional(n))})`;

/** Headers as text: empty ones get a stand-in name so every column can be referred to in messages. */
export const cleanHeaders = (raw: unknown[]): string[] =>
  raw.map((h, i) => {
    const s =
      h === null || h === undefined
        ? ''
        : String(h)
            .replace(/^\uFEFF/, '')
            .trim();
    return s || `column_${i + 1}`;
  });

/** Cast every column of a typed relation (Parquet, JSON) to VARCHAR, so all readers stage the same shape. */
export const varcharRelation = (from: Sql, n: number): Sql =>
  sql`SELECT ${sql.join(positional(n).map((c) => sql`CAST(${sql.id(c)} AS VARCHAR) AS ${sql.id(c)}`))} FROM ${from}`;

export const noMalformed = async (): Promise<Malformed[]> => [];

/**
 * The engine's first line as a detail users may see: file paths (the upload's or our temp copy's, which
 * tell an outsider about the server's disk) become the file's name, and the engine's error class goes.
 */
export function engineDetail(src: Source, e: unknown): string {
  const first = ((e as Error).message ?? String(e)).split('\n')[0] ?? '';
  return first
    .replaceAll(src.path, src.file)
    .replace(/(["']?)\/[^"'\s]*tenure-[a-z]+-[^"'\s]*\1/g, JSON.stringify(src.file))
    .replace(/^[A-Za-z ]*Error: /, '');
}

/** DuckDB errors that describe the file's content, not our SQL: only these become TEN_IMPORT_PARSE. */
export const isContentError = (e: unknown): boolean =>
  e instanceof Error && /^(Invalid Input|Conversion|IO|Invalid|Out of Range|Parser) Error/.test(e.message);

/**
 * A scan DuckDB cannot read is TEN_IMPORT_PARSE, with the engine's first line (made safe) as the detail and
 * the line it names, when it names one ("… at line 12", "Line: 12"), as the location.
 */
export function parseError(src: Source, e: unknown) {
  const detail = engineDetail(src, e);
  const line = /\bline:? (\d+)/i.exec(String((e as Error).message ?? ''))?.[1];
  return tenureError(
    'TEN_IMPORT_PARSE',
    { file: src.file, detail },
    { file: src.file, ...(line ? { line: Number(line) } : {}) },
  );
}

/** The headers of a typed scan (Parquet, JSON), from its column names. */
export async function describeHeaders(
  ctx: ReadContext,
  src: Source,
  scan: Sql,
  fail: (e: unknown) => unknown = (e) => parseError(src, e),
): Promise<string[]> {
  try {
    const cols = await ctx.db.all<{ column_name: string }>(sql`DESCRIBE SELECT * FROM ${scan}`);
    return cleanHeaders(cols.map((c) => c.column_name));
  } catch (e) {
    throw fail(e);
  }
}
