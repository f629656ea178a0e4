import { DuckDbConnection } from './duckdb/connection.ts';
import { duckdbDialect } from './duckdb/dialect.ts';
import type { EngineAdapter } from './engine.ts';

/** Every engine Tenure runs on; the name union is derived from this object, so a name implies an adapter. */
export const engines = {
  duckdb: { dialect: duckdbDialect, open: (target: string) => DuckDbConnection.open(target) },
} satisfies Record<string, EngineAdapter>;

export type EngineName = keyof typeof engines;

export type { Dialect } from './dialect.ts';
export type { Connection, EngineAdapter, Row } from './engine.ts';
