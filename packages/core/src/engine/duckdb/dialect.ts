import type { Dialect } from '../dialect.ts';

/** DuckDB: double-quoted identifiers, positional `$n` parameters. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  quoteId: (id) => `"${id.replaceAll('"', '""')}"`,
  param: (n) => `$${n}`,
};
