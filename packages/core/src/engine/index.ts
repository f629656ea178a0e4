import { ClickHouseConnection } from './clickhouse/connection.ts';
import { clickhouseDialect } from './clickhouse/dialect.ts';
import { DuckDbConnection } from './duckdb/connection.ts';
import { duckdbDialect } from './duckdb/dialect.ts';
import type { EngineAdapter } from './engine.ts';

/** Every engine Tenure runs on; the name union is derived from this object, so a name implies an adapter. */
export const engines = {
  duckdb: { dialect: duckdbDialect, open: (target: string) => DuckDbConnection.open(target) },
  /** `clickhouse://user:pass@host:8123/db` for a server; `chdb:DIR` (or a plain directory) for in-process chdb. */
  clickhouse: { dialect: clickhouseDialect, open: (target: string) => ClickHouseConnection.open(target) },
} satisfies Record<string, EngineAdapter>;

export type EngineName = keyof typeof engines;

export type { Dialect } from './dialect.ts';
export type { Connection, EngineAdapter, Row } from './engine.ts';
