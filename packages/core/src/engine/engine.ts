import type { Sql } from '../sql/sql.ts';
import type { Dialect } from './dialect.ts';

export type Row = Record<string, unknown>;

/** An open connection to a store. All SQL goes through `Sql` fragments; values are always bound. */
export interface Connection {
  readonly dialect: Dialect;
  run(q: Sql): Promise<void>;
  all<T extends Row = Row>(q: Sql): Promise<T[]>;
  close(): Promise<void>;
}

/** An engine: its dialect and how to open it. */
export interface EngineAdapter {
  readonly dialect: Dialect;
  open(target: string): Promise<Connection>;
}
