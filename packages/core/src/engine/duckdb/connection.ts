import { createRequire } from 'node:module';
import type {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBMaterializedResult,
  DuckDBPreparedStatement,
  DuckDBType,
  DuckDBValue,
} from '@duckdb/node-api';
import { tenureError } from '../../errors.ts';
import { print } from '../../sql/print.ts';
import { type Sql, type SqlValue, sql } from '../../sql/sql.ts';
import type { Connection, Row } from '../engine.ts';
import { duckdbDialect } from './dialect.ts';

/**
 * The DuckDB binding, loaded by the first `open`: it is a large native library, and commands that never open a
 * workspace (`tenure --help`, `tenure init`'s usage errors) should not pay for loading it.
 */
let binding: typeof import('@duckdb/node-api') | undefined;

/**
 * The binding's JavaScript as the build bundled it into one file (scripts/bundle-duckdb.js): loading its ~180
 * files one by one cost every command that opens a workspace 60–150 ms. Sources run by tsx or vitest have no
 * bundle beside them (src/vendor/) and load the package itself. require, not import(): the binding is CommonJS,
 * and importing it from ESM first lexes each of its files for their exports, which doubled its load time.
 */
function loadBinding(): typeof import('@duckdb/node-api') {
  const require = createRequire(import.meta.url);
  try {
    return require('../../vendor/duckdb-node-api.cjs');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    return require('@duckdb/node-api');
  }
}

/** The loaded binding; only code that runs on an open connection calls this. */
export function duckdb(): typeof import('@duckdb/node-api') {
  // An invariant, not a user's mistake: a plain Error, which reaches a user as TEN_INTERNAL (a bug to report).
  if (!binding) throw new Error('DuckDB binding used before a connection was opened');
  return binding;
}

/**
 * Convert DuckDB's JS values to plain JSON-friendly ones: counts as numbers, dates as ISO text. The result is
 * materialized, so its chunks are read here at once: the binding's reader asks for each chunk, and for the end,
 * in a round trip of its own through the thread pool, two of a one-row read's four. With `pace`, the rows are
 * made in slices of PACED_SLICE_MS with `pace()` awaited between them (ReadPace).
 */
async function rowsOf(result: DuckDBMaterializedResult, pace?: () => Promise<unknown>): Promise<Row[]> {
  const names = result.columnNames();
  const { DuckDBTypeId, JSDuckDBValueConverter } = duckdb();
  const isDate = result.columnTypes().map((t) => t.typeId === DuckDBTypeId.DATE);
  const rows: Row[] = [];
  let sliceStart = performance.now();
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    for (let r = 0; r < chunk.rowCount; r++) {
      const values = chunk.convertRowValues(r, JSDuckDBValueConverter);
      const o: Row = {};
      for (let i = 0; i < names.length; i++) o[names[i] as string] = plain(values[i], isDate[i] === true);
      rows.push(o);
      if (pace && performance.now() - sliceStart > PACED_SLICE_MS) {
        await pace();
        sliceStart = performance.now();
      }
    }
  }
  return rows;
}

/** Longest stretch of the event loop a paced read spends making rows before it lets other work run. */
const PACED_SLICE_MS = 5;

/**
 * How a large read lets other work run while its rows become objects: a server's background build reads parts of
 * a few hundred customers' nested timelines, and making one part's rows held the event loop 50–80 ms at a time,
 * which every agent's request then waited out, once per statement.
 */
export interface ReadPace {
  pace?: () => Promise<unknown>;
}

function plain(v: unknown, isDate: boolean): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return isDate ? iso.slice(0, 10) : iso.replace('.000Z', '').replace('Z', '').replace('T', ' ');
  }
  return v;
}

/** Bind with explicit types: DuckDB cannot infer a type for parameters of table functions such as read_csv. */
function bind(params: SqlValue[]): { values: DuckDBValue[]; types: DuckDBType[] } {
  const { BIGINT, BOOLEAN, DOUBLE, LIST, listValue, SQLNULL, VARCHAR } = duckdb();
  const values: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  for (const p of params) {
    if (Array.isArray(p)) {
      values.push(listValue(p as string[]));
      types.push(LIST(VARCHAR));
    } else if (typeof p === 'string') {
      values.push(p);
      types.push(VARCHAR);
    } else if (typeof p === 'number') {
      values.push(p);
      types.push(Number.isInteger(p) ? BIGINT : DOUBLE);
    } else if (typeof p === 'bigint') {
      values.push(p);
      types.push(BIGINT);
    } else if (typeof p === 'boolean') {
      values.push(p);
      types.push(BOOLEAN);
    } else {
      values.push(null);
      types.push(SQLNULL);
    }
  }
  return { values, types };
}

/**
 * TENURE_TRACE=1 prints each statement's duration to stderr, after the time it ended (seconds since the process
 * started, to line statements up with what else ran then): the first tool when something is slow.
 */
const TRACE = !!process.env.TENURE_TRACE;
export const traceClock = () => (performance.now() / 1000).toFixed(3).padStart(9);
async function traced<T>(text: string, run: () => Promise<T>): Promise<T> {
  if (!TRACE) return run();
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    process.stderr.write(
      `[trace] ${traceClock()} ${(performance.now() - t0).toFixed(1).padStart(7)} ms  ${text.replace(/\s+/g, ' ').slice(0, 160)}\n`,
    );
  }
}

/** DuckDB's refusal to open or attach the file at `path`, as the error a user can act on when it is one. */
function fileError(path: string, e: unknown): unknown {
  const msg = e instanceof Error ? e.message : String(e);
  if (/Could not set lock|Conflicting lock/i.test(msg))
    return tenureError('TEN_WORKSPACE_LOCKED', { dir: path, detail: msg }, { file: path }, { detail: msg });
  if (/not a valid DuckDB database|corrupt|checksum|database file/i.test(msg))
    return tenureError('TEN_WORKSPACE_CORRUPT', { file: path, detail: msg }, { file: path });
  return e;
}

/**
 * Prepared statements kept per connection: an agent's case write is about eight statements, a page read a few,
 * each of the same text every time; past them, texts that vary (lists spelled out) would only churn.
 */
const PREPARED_KEPT = 64;

interface KeptStatement {
  statement: DuckDBPreparedStatement;
  busy: boolean;
}

/** A connection that owns its DuckDB instance (one .duckdb file per process, as DuckDB requires). */
export class DuckDbConnection implements Connection {
  readonly dialect = duckdbDialect;
  private constructor(
    readonly instance: DuckDBInstance,
    readonly raw: DuckDBConnection,
    /** False for connections from `connect()`: closing them leaves the instance (and the file) open. */
    private readonly ownsInstance = true,
    /** The instance's search path (see `attach`), shared by all its connections; '' until something is attached. */
    private readonly searchPath = { text: '' },
  ) {}

  /** Statements prepared on this connection, by their text, in the order they were prepared. */
  private readonly prepared = new Map<string, KeptStatement>();

  /**
   * Another connection to the same database. It has its own transaction, temp tables and settings, so an
   * import can run its transaction on one while read requests use another (one process, one file).
   */
  async connect(): Promise<DuckDbConnection> {
    const c = new DuckDbConnection(this.instance, await this.instance.connect(), false, this.searchPath);
    // DuckDB keeps the search path per connection and refuses to set it globally.
    if (this.searchPath.text) await c.raw.run(this.searchPath.text);
    return c;
  }

  /**
   * Attach another database file as `name` (created when missing) and find its tables by their plain names, on
   * this connection and every later one of the instance. Its commits do not wait for this file's: DuckDB commits
   * one transaction at a time per database (workspace/people.ts says why that matters). The path cannot be a
   * bound parameter in ATTACH, so it is written as a quoted literal. Returns the name of this connection's own
   * database (the file's, as DuckDB names it), which the search path lists first.
   */
  async attach(name: string, path: string): Promise<string> {
    const [{ db } = { db: '' }] = await this.all<{ db: string }>(sql`SELECT current_database() AS db`);
    // Both names go into the statements' text: sql.id refuses anything but a plain identifier.
    sql.id(name, db);
    await this.raw.run(`ATTACH IF NOT EXISTS '${path.replaceAll("'", "''")}' AS ${name}`).catch((e: unknown) => {
      throw fileError(path, e);
    });
    this.searchPath.text = `SET search_path = '${db}.main,${name}.main'`;
    await this.raw.run(this.searchPath.text);
    return db;
  }

  static async open(path: string): Promise<DuckDbConnection> {
    try {
      // New workspace files use this DuckDB's own storage format rather than the v0.10-compatible default:
      // bulk inserts are about 0.3 s faster per 10M rows (bench:import). Tenure ships its DuckDB, so only
      // other tools older than DuckDB 1.5 lose the ability to open a new workspace; existing files keep theirs.
      binding ??= loadBinding();
      const instance = await binding.DuckDBInstance.create(path, { storage_compatibility_version: 'latest' });
      return new DuckDbConnection(instance, await instance.connect());
    } catch (e) {
      throw fileError(path, e);
    }
  }

  /**
   * One statement in the fewest round trips through the binding's thread pool, each of which waits for a turn of
   * the event loop (on a server building in the background, a slice of that build): one, as a statement without
   * values or one kept prepared on this connection (`keepStatements`); else two (prepare, run). The binding's own `run` with
   * values first splits the text into statements, a third, and prepares anew each time.
   */
  private async execute(q: Sql): Promise<DuckDBMaterializedResult> {
    const p = print(q, this.dialect);
    if (!p.params.length) return traced(p.text, () => this.raw.run(p.text));
    const b = bind(p.params);
    return traced(p.text, async () => {
      const kept = this.prepared.get(p.text);
      // A statement kept but in use (a concurrent call on this connection) is prepared anew: binding the kept one
      // would change the values of the run under way.
      const prepared = kept && !kept.busy ? kept : { statement: await this.raw.prepare(p.text), busy: false };
      prepared.busy = true;
      try {
        prepared.statement.bind(b.values, b.types);
        return await prepared.statement.run();
      } finally {
        prepared.busy = false;
        if (prepared !== kept) this.keep(p.text, prepared);
      }
    });
  }

  /**
   * Keep the statements this connection prepares (`execute`): for a connection that runs the same few statements
   * over and over (a server request's), on tables that keep their shape. Off by default: an import prepares on
   * temporary tables it makes again with other columns.
   */
  keepStatements(): void {
    this.keeping = true;
  }

  private keeping = false;

  /**
   * Keep a prepared statement for its next run, the least recently prepared one dropped past PREPARED_KEPT. Only
   * reads and row writes: DuckDB's plan of a CREATE … AS gives its table definition away when it runs, so run again
   * it made a table without the columns.
   */
  private keep(text: string, prepared: KeptStatement): void {
    const { SELECT, INSERT, UPDATE, DELETE } = duckdb().StatementType;
    const type = prepared.statement.statementType;
    if (!this.keeping || this.prepared.has(text) || ![SELECT, INSERT, UPDATE, DELETE].includes(type)) {
      prepared.statement.destroySync();
      return;
    }
    this.prepared.set(text, prepared);
    if (this.prepared.size <= PREPARED_KEPT) return;
    const [oldest, dropped] = this.prepared.entries().next().value as [string, KeptStatement];
    this.prepared.delete(oldest);
    if (!dropped.busy) dropped.statement.destroySync();
  }

  async run(q: Sql): Promise<void> {
    await this.execute(q);
  }

  /** Run a write and return how many rows it changed. */
  async exec(q: Sql): Promise<number> {
    return Number((await this.execute(q)).rowsChanged);
  }

  async all<T extends Row = Row>(q: Sql, o: ReadPace = {}): Promise<T[]> {
    return (await rowsOf(await this.execute(q), o.pace)) as T[];
  }

  /** Run `fn` in one transaction: everything or nothing. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.raw.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      // Traced: a commit may wait for a checkpoint, which no statement of the transaction shows.
      await traced('COMMIT', () => this.raw.run('COMMIT'));
      return out;
    } catch (e) {
      await this.raw.run('ROLLBACK');
      throw e;
    }
  }

  /** Share of the running query done, 0–100, or -1 when DuckDB cannot tell (polled for progress bars). */
  progress(): number {
    return this.raw.progress.percentage;
  }

  async close(): Promise<void> {
    // Closing the connection destroys its prepared statements too (the binding keeps a list of them).
    this.prepared.clear();
    this.raw.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}
