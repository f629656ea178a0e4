import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
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
}

export interface ReadContext {
  db: DuckDbConnection;
  /** A private temp folder for transcoded or converted copies. */
  tmpDir: string;
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

/** A scan DuckDB cannot start reading is TEN_IMPORT_PARSE, with the engine's first line as the detail. */
export const parseError = (src: Source, e: unknown) =>
  tenureError(
    'TEN_IMPORT_PARSE',
    { file: src.file, detail: (e as Error).message.split('\n')[0] ?? '' },
    { file: src.file },
  );

/** The headers of a typed scan (Parquet, JSON), from its column names. */
export async function describeHeaders(ctx: ReadContext, src: Source, scan: Sql): Promise<string[]> {
  try {
    const cols = await ctx.db.all<{ column_name: string }>(sql`DESCRIBE SELECT * FROM ${scan}`);
    return cleanHeaders(cols.map((c) => c.column_name));
  } catch (e) {
    throw parseError(src, e);
  }
}
