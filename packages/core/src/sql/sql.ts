/**
 * The only way SQL is built in Tenure (Drizzle's `sql` tag). Interpolated values become bound
 * parameters; identifiers go through `sql.id()`, which only accepts plain identifiers and always quotes;
 * raw text needs `sql.raw()`, which refuses anything that could end a statement or open a string.
 * Printing to a concrete dialect happens in `print.ts`.
 */
import { tenureError } from '../errors.ts';

/** What may be bound: scalars, or a list of strings (column lists, IN lists). */
export type SqlValue = string | number | bigint | boolean | null | readonly string[];

export class Param {
  constructor(readonly value: SqlValue) {}
}
export class Ident {
  constructor(readonly parts: readonly string[]) {}
}
export class Raw {
  constructor(readonly text: string) {}
}
export type Chunk = string | Param | Ident | Raw | Sql;

export class Sql {
  constructor(readonly chunks: readonly Chunk[]) {}
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Keywords, operators, numbers and function names only: no quotes, semicolons or comment markers.
const RAW = /^[A-Za-z0-9_ \t\n,.()*<>=!+\-/%:|]*$/;

function isSqlPart(v: unknown): v is Param | Ident | Raw | Sql {
  return v instanceof Sql || v instanceof Ident || v instanceof Raw || v instanceof Param;
}

/** sql`SELECT … WHERE region = ${region}`: region becomes a bound parameter. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const chunks: Chunk[] = [];
  strings.forEach((s, i) => {
    if (s) chunks.push(s);
    if (i < values.length) {
      const v = values[i];
      chunks.push(isSqlPart(v) ? v : new Param(toValue(v)));
    }
  });
  return new Sql(chunks);
}

function toValue(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw tenureError('TEN_INTERNAL', { detail: `cannot bind a ${typeof v} as an SQL parameter` });
}

/** A quoted identifier, possibly qualified: sql.id('main', 'orders'). Throws on anything but [A-Za-z_][A-Za-z0-9_]*. */
sql.id = (...parts: string[]): Ident => {
  for (const p of parts) {
    if (!IDENT.test(p)) throw tenureError('TEN_INTERNAL', { detail: `unsafe SQL identifier ${JSON.stringify(p)}` });
  }
  return new Ident(parts);
};

/** Trusted SQL text from our own code (keywords, function names), never from user input. */
sql.raw = (text: string): Raw => {
  if (!RAW.test(text) || text.includes('--') || text.includes('/*'))
    throw tenureError('TEN_INTERNAL', { detail: `unsafe raw SQL ${JSON.stringify(text)}` });
  return new Raw(text);
};

/** A bound parameter, explicitly. */
sql.param = (value: SqlValue): Param => new Param(value);

/** Join fragments with a separator: sql.join(cols.map(c => sql.id(c)), sql`, `). */
sql.join = (items: readonly (Sql | Ident | Param | Raw)[], sep: Sql = sql`, `): Sql => {
  const chunks: Chunk[] = [];
  items.forEach((it, i) => {
    if (i) chunks.push(sep);
    chunks.push(it);
  });
  return new Sql(chunks);
};

/** Identifier list: sql.ids(['a','b']) → "a", "b". */
sql.ids = (names: readonly string[]): Sql => sql.join(names.map((n) => sql.id(n)));
