import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';
import { tenureError } from '../../errors.ts';
import { print } from '../../sql/print.ts';
import type { Sql } from '../../sql/sql.ts';
import type { Connection, Row } from '../engine.ts';
import { duckdbDialect } from './dialect.ts';

/** Convert DuckDB's JS values to plain JSON-friendly ones: counts as numbers, dates as ISO text. */
function rowsOf(result: DuckDBResultReader): Row[] {
  const names = result.columnNames();
  const types = result.columnTypes().map((t) => t.typeId);
  return result.getRowsJS().map((r) => {
    const o: Row = {};
    for (let i = 0; i < names.length; i++) o[names[i] as string] = plain(r[i], types[i] as DuckDBTypeId);
    return o;
  });
}

function plain(v: unknown, type: DuckDBTypeId): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return type === DuckDBTypeId.DATE ? iso.slice(0, 10) : iso.replace('.000Z', '').replace('Z', '').replace('T', ' ');
  }
  return v;
}

/** A connection that owns its DuckDB instance (one .duckdb file per process, as DuckDB requires). */
export class DuckDbConnection implements Connection {
  readonly dialect = duckdbDialect;
  private constructor(
    readonly instance: DuckDBInstance,
    readonly raw: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<DuckDbConnection> {
    try {
      const instance = await DuckDBInstance.create(path);
      return new DuckDbConnection(instance, await instance.connect());
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/Could not set lock|Conflicting lock/i.test(msg)) {
        throw tenureError('TEN_WORKSPACE_LOCKED', { dir: path, detail: msg }, { file: path }, { detail: msg });
      }
      throw e;
    }
  }

  async run(q: Sql): Promise<void> {
    const p = print(q, this.dialect);
    await this.raw.run(p.text, p.params as never);
  }

  async all<T extends Row = Row>(q: Sql): Promise<T[]> {
    const p = print(q, this.dialect);
    return rowsOf(await this.raw.runAndReadAll(p.text, p.params as never)) as T[];
  }

  /** Run `fn` in one transaction: everything or nothing. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.raw.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.raw.run('COMMIT');
      return out;
    } catch (e) {
      await this.raw.run('ROLLBACK');
      throw e;
    }
  }

  async close(): Promise<void> {
    this.raw.closeSync();
    this.instance.closeSync();
  }
}
