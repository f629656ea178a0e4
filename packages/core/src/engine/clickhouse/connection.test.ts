import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenureError } from '../../errors.ts';
import { entities } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace } from '../../workspace/workspace.ts';
import { ClickHouseConnection, createChdbConnection, serverOptions } from './connection.ts';
import { createTable, orderBy } from './ddl.ts';
import { clickhouseDialect } from './dialect.ts';
import { copyWorkspace } from './sync.ts';
import { converterFor, duckdbTimestampText } from './values.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-ch-conn-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<TenureError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TenureError);
  return e as TenureError;
}

describe('chdb transport', () => {
  it('reports engine errors as TEN_INTERNAL with the message in details, and no stack in the message', async () => {
    const ch = await createChdbConnection(join(dir, 'a'));
    try {
      const e = await failure(ch.all(sql`SELECT * FROM no_such_table WHERE x = ${1}`));
      expect(e.code).toBe('TEN_INTERNAL');
      expect(e.details).toMatchObject({ engine: 'clickhouse', transport: 'chdb', code: 60 });
      expect(String(e.details.message)).toMatch(/UNKNOWN_TABLE/);
      expect(e.details.sql).toBe('SELECT * FROM no_such_table WHERE x = {p1:Int64}');
      expect(e.message).not.toMatch(/\n|Stack trace/);
    } finally {
      await ch.close();
    }
  });

  it("a failed query's partial output never reaches the next query (chdb 3.4 leaks it)", async () => {
    const ch = await createChdbConnection(join(dir, 'a'));
    try {
      const big = sql`SELECT number, throwIf(number = ${250_000}, 'boom') AS t FROM numbers(300000) SETTINGS max_block_size = 1000`;
      await failure(ch.all(big));
      expect(await ch.all(sql`SELECT 42 AS answer`)).toEqual([{ answer: 42 }]);
      // Concurrent callers: the failure's leftovers go to the throwaway query, not to a neighbour.
      const [, ok] = await Promise.all([ch.all(big).catch(() => 'failed'), ch.all(sql`SELECT 7 AS n`)]);
      expect(ok).toEqual([{ n: 7 }]);
    } finally {
      await ch.close();
    }
  });

  it('shares one session per directory and refuses a second directory while it is open', async () => {
    const a1 = await createChdbConnection(join(dir, 'a'));
    const a2 = await ClickHouseConnection.open(`chdb:${join(dir, 'a')}`);
    await a1.run(sql`CREATE TABLE IF NOT EXISTS shared_t (x Int64) ENGINE = MergeTree ORDER BY x`);
    await a1.run(sql`INSERT INTO shared_t VALUES (${5})`);
    expect(await a2.all(sql`SELECT sum(x) AS s FROM shared_t`)).toEqual([{ s: 5 }]);
    const refused = await failure(createChdbConnection(join(dir, 'b')));
    expect(refused.message).toMatch(/one data directory per process/);
    await a1.close();
    await a1.close(); // idempotent: must not release a2's hold
    expect(await a2.all(sql`SELECT count() AS n FROM shared_t`)).toEqual([{ n: 1 }]);
    await a2.close();
    const b = await createChdbConnection(join(dir, 'b'));
    expect(await b.all(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    await b.close();
  });

  it('copyWorkspace refuses a NULL in a required column instead of storing a default', async () => {
    const ws = await initWorkspace(join(dir, 'ws-null'));
    const ch = await createChdbConnection(join(dir, 'c'));
    try {
      await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES ('C1', NULL)`);
      const e = await failure(copyWorkspace(ws, ch));
      expect(String(e.details.message)).toMatch(/NULL/i);
    } finally {
      await ch.close();
      await ws.close();
    }
  });
});

describe('values', () => {
  it('prints timestamps as the DuckDB connection does (milliseconds, truncated toward zero)', () => {
    expect(duckdbTimestampText('2024-01-01 10:00:00.000000')).toBe('2024-01-01 10:00:00');
    expect(duckdbTimestampText('2024-01-01 10:00:00.123456')).toBe('2024-01-01 10:00:00.123');
    expect(duckdbTimestampText('2024-01-01 10:00:00.000999')).toBe('2024-01-01 10:00:00');
    expect(duckdbTimestampText('2024-01-01 10:00:00.5')).toBe('2024-01-01 10:00:00.500');
    expect(duckdbTimestampText('1969-12-31 23:59:59.999900')).toBe('1970-01-01 00:00:00');
    expect(duckdbTimestampText('1969-12-31 23:59:59.998500')).toBe('1969-12-31 23:59:59.999');
    expect(duckdbTimestampText('1969-12-31 23:59:59.998000')).toBe('1969-12-31 23:59:59.998');
  });

  it('converts by type: wide integers, floats, nested nullable arrays', () => {
    expect(converterFor('UInt64')('18446744073709551615')).toBe(2 ** 64);
    expect(converterFor('Nullable(Int64)')(null)).toBeNull();
    expect(converterFor('Float64')('-inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(converterFor('Nullable(Float64)')('nan')).toBeNaN();
    expect(converterFor('Array(Nullable(Int64))')(['1', null])).toEqual([1, null]);
    expect(converterFor('LowCardinality(Nullable(String))')('x')).toBe('x');
    expect(converterFor("Nullable(DateTime64(6, 'UTC'))")('2024-01-01 00:00:00.000000')).toBe('2024-01-01 00:00:00');
  });
});

describe('ddl', () => {
  it('orders by the customer, then the key, over required columns only', () => {
    expect(orderBy(entities.orders)).toEqual(['customer_id', 'order_id']);
    expect(orderBy(entities.activity)).toEqual(['customer_id', 'at', 'kind']);
    expect(orderBy(entities.surveys)).toEqual(['respondent_id', 'response_id']);
    expect(orderBy(entities.costs)).toEqual(['period_start', 'period_end', 'category']);
    expect(orderBy(entities.campaign_members)).toEqual(['customer_id', 'campaign_id']);
  });

  it('types money as Decimal(18, 4), timestamps as UTC DateTime64(6), optional columns as Nullable', async () => {
    const { print } = await import('../../sql/print.ts');
    expect(print(createTable(entities.orders), clickhouseDialect).text).toBe(
      'CREATE TABLE IF NOT EXISTS "orders" ("order_id" String, "customer_id" String, "ordered_at" DateTime64(6, \'UTC\'), ' +
        '"amount" Decimal(18, 4), "cost" Nullable(Decimal(18, 4)), "currency" LowCardinality(Nullable(String)), ' +
        '"product_line" LowCardinality(Nullable(String)), ' +
        '"_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "order_id")',
    );
  });
});

describe('server transport', () => {
  it('parses clickhouse:// targets', () => {
    expect(serverOptions('clickhouse://ana:s%40cret@db.example:9000/tenure')).toEqual({
      url: 'http://db.example:9000',
      username: 'ana',
      password: 's@cret',
      database: 'tenure',
    });
    expect(serverOptions('clickhouses://db.example')).toEqual({
      url: 'https://db.example:8443',
      username: 'default',
      password: '',
      database: 'default',
    });
  });

  /** A stand-in server on loopback that records requests and answers like ClickHouse's HTTP interface. */
  let server: Server;
  let port = 0;
  const seen: { url: URL; body: Buffer }[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const body = Buffer.concat(chunks);
        seen.push({ url, body });
        const text = `${url.searchParams.get('query') ?? ''}${body.toString('utf8')}`;
        if (text.includes('boom')) {
          res.writeHead(500, { 'X-ClickHouse-Exception-Code': '395' });
          res.end(
            'Code: 395. DB::Exception: boom: while executing. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)\nStack trace: …',
          );
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-ClickHouse-Format': 'JSONCompact' });
        res.end(
          JSON.stringify({
            meta: [
              { name: 'n', type: 'UInt64' },
              { name: 't', type: "Nullable(DateTime64(6, 'UTC'))" },
              { name: 'm', type: 'Decimal(18, 4)' },
            ],
            data: [['3', '2024-01-01 10:00:00.250000', 1.5]],
            rows: 1,
          }),
        );
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('sends bound parameters and the dialect settings, and converts JSONCompact rows', async () => {
    const ch = await ClickHouseConnection.open(`clickhouse://u:p@127.0.0.1:${port}/tenure`);
    try {
      expect(ch.transportKind).toBe('server');
      const rows = await ch.all(sql`SELECT n, t, m FROM x WHERE a = ${"it's"} AND b IN ${['p', 'q']} AND c = ${null}`);
      expect(rows).toEqual([{ n: 3, t: '2024-01-01 10:00:00.250', m: 1.5 }]);
      const last = seen.at(-1) as { url: URL; body: Buffer };
      expect(last.body.toString()).toContain(
        'WHERE a = {p1:String} AND b IN {p2:Array(String)} AND c = {p3:Nullable(String)}',
      );
      // The HTTP interface reads parameter values with escape sequences: \' is a quote.
      expect(last.url.searchParams.get('param_p1')).toBe("it\\'s");
      expect(last.url.searchParams.get('param_p2')).toBe("['p','q']");
      expect(last.url.searchParams.get('param_p3')).toBe('\\N');
      expect(last.url.searchParams.get('database')).toBe('tenure');
      expect(last.url.searchParams.get('join_use_nulls')).toBe('1');
      expect(last.url.searchParams.get('session_timezone')).toBe('UTC');
      const e = await failure(ch.run(sql`SELECT boom`));
      expect(e.details).toMatchObject({ engine: 'clickhouse', transport: 'server' });
      expect(e.message).toMatch(/boom/);
      expect(e.message).not.toMatch(/Stack trace/);
    } finally {
      await ch.close();
    }
  });

  it('streams a Parquet file as INSERT … FORMAT Parquet with quoted columns and strict NULLs', async () => {
    const file = join(dir, 'x.parquet');
    writeFileSync(file, 'PAR1 pretend PAR1');
    const ch = await ClickHouseConnection.open(`clickhouse://127.0.0.1:${port}`);
    try {
      await ch.insertParquet('campaign_members', ['campaign_id', 'group'], file);
      const last = seen.at(-1) as { url: URL; body: Buffer };
      expect(last.url.searchParams.get('query')).toBe(
        'INSERT INTO "campaign_members" ("campaign_id", "group") FORMAT Parquet',
      );
      expect(last.url.searchParams.get('input_format_null_as_default')).toBe('0');
      expect(last.body.toString()).toBe('PAR1 pretend PAR1');
    } finally {
      await ch.close();
    }
  });

  it('an unreachable server is TEN_ENGINE_UNREACHABLE and the password is not in the message', async () => {
    const e = await failure(ClickHouseConnection.open('clickhouse://u:hunter2@127.0.0.1:1/db'));
    expect(e.code).toBe('TEN_ENGINE_UNREACHABLE');
    expect(e.message).not.toContain('hunter2');
  });
});
