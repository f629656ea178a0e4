/**
 * Dialect conformance: every Dialect member, on the same inputs, gives the same rows on every engine; and a
 * workspace copied into ClickHouse reads back identically. Expected values are literals (or a JS model of
 * DuckDB's arithmetic for the sweeps), so passing on both engines means both agree.
 */
import { expect } from 'vitest';
import { type Grain, grains } from '../src/engine/dialect.ts';
import { type EntityName, entities } from '../src/schema/index.ts';
import { type Sql, sql } from '../src/sql/sql.ts';
import type { Workspace } from '../src/workspace/workspace.ts';
import { type EngineUnderTest, forEachEngine } from './engine-suite.ts';

/** A few rows in every entity: NULLs in optional columns, DECIMAL money, micro-second and pre-1970 timestamps. */
async function fill(ws: Workspace): Promise<void> {
  const run = (q: Sql) => ws.db.run(q);
  await run(sql`ALTER TABLE customers ADD COLUMN seats BIGINT`);
  await run(sql`ALTER TABLE customers ADD COLUMN health_score DOUBLE`);
  await run(sql`ALTER TABLE customers ADD COLUMN last_login TIMESTAMP`);
  await run(sql`ALTER TABLE customers ADD COLUMN plan_name VARCHAR`);
  await run(sql`ALTER TABLE orders ADD COLUMN coupon VARCHAR`);
  await run(sql`INSERT INTO attributes VALUES
    ('customers', 'seats', 'Seats', 'BIGINT', 1), ('customers', 'health_score', 'Health Score', 'DOUBLE', 1),
    ('customers', 'last_login', 'Last Login', 'TIMESTAMP', 1), ('customers', 'plan_name', 'Plan Name', 'VARCHAR', 1),
    ('orders', 'coupon', 'Coupon', 'VARCHAR', 2)`);
  await run(sql`INSERT INTO customers VALUES
    ('C1', 'Ada''s "Shop"', TIMESTAMP '2023-01-15 09:30:00', 'north', 'pro', 'smb', 'web', 120.5, 1, 12, 0.75, TIMESTAMP '2024-03-01 10:00:00.123456', 'gold'),
    ('C2', '客户二', TIMESTAMP '1969-12-31 23:59:59.9999', NULL, NULL, NULL, NULL, NULL, 1, NULL, 'NaN', NULL, NULL),
    ('C3', NULL, TIMESTAMP '2024-02-29 23:59:59', 'south', 'basic', 'consumer', 'store', 0.0001, 1, -3, -1.5e-7, TIMESTAMP '2024-02-29 00:00:00', 'line
break'),
    ('C4', 'No orders', TIMESTAMP '2024-06-01 00:00:00', 'north', 'pro', 'enterprise', 'partner', 99999999999999.9999, 1, 9007199254740993, 1e300, NULL, '')`);
  await run(sql`INSERT INTO subscriptions VALUES
    ('S1', 'C1', 'pro', TIMESTAMP '2023-01-15 00:00:00', NULL, 49.99, NULL, 'month', NULL, 1),
    ('S2', 'C3', 'basic', TIMESTAMP '2024-01-31 00:00:00', TIMESTAMP '2024-05-31 00:00:00', 9.9, 'EUR', 'year', TIMESTAMP '2024-05-01 12:00:00', 1)`);
  await run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, cost, product_line, _batch, coupon, currency) VALUES
    ('O1', 'C1', TIMESTAMP '2024-01-31 10:00:00', 1234.5678, 1000.0001, 'pro', 2, 'SPRING', NULL),
    ('O2', 'C1', TIMESTAMP '2024-02-01 00:00:00.000001', 0.1, NULL, NULL, 2, NULL, 'USD'),
    ('O3', 'C3', TIMESTAMP '2024-03-31 23:59:59.999999', 0.2, 0.0, 'basic', 2, '', '')`);
  await run(sql`INSERT INTO activity VALUES
    ('C1', TIMESTAMP '2024-01-01 08:00:00', 'login', 1, 3), ('C1', TIMESTAMP '2024-01-02 08:00:00', 'login', 2, 3),
    ('C1', TIMESTAMP '2024-01-03 08:00:00', 'login', 3, 3), ('C1', TIMESTAMP '2024-01-04 08:00:00', 'login', 4, 3),
    ('C1', TIMESTAMP '2024-01-05 08:00:00', 'login', 10, 3), ('C3', TIMESTAMP '2024-01-01 08:00:00', 'usage', 2.5, 3)`);
  await run(sql`INSERT INTO tickets (ticket_id, customer_id, opened_at, channel, category, priority, first_response_at,
    resolved_at, status, csat, text, _batch) VALUES
    ('T1', 'C1', TIMESTAMP '2024-01-10 09:00:00', 'phone', 'billing', 'high', TIMESTAMP '2024-01-10 09:30:00', TIMESTAMP '2024-01-12 18:00:00', 'resolved', 4, 'It''s broken', 4),
    ('T2', 'C3', TIMESTAMP '2024-02-10 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4)`);
  await run(sql`INSERT INTO surveys VALUES
    ('R1', 'customer', 'C1', TIMESTAMP '2024-01-20 12:00:00', 'nps', 9, 'great', 5),
    ('R2', 'employee', 'E7', TIMESTAMP '2024-01-21 12:00:00', 'employee', NULL, NULL, 5)`);
  await run(sql`INSERT INTO churn_events VALUES
    ('C3', TIMESTAMP '2024-05-31 00:00:00', 'voluntary', 'competitive', 'price', 'Rival', NULL, 6)`);
  await run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment, _batch) VALUES
    (DATE '2024-01-01', DATE '2024-01-31', 'acquisition', 5000.25, 'all', 7),
    (DATE '1969-07-01', DATE '1969-07-31', 'retention', 0.0001, NULL, 7)`);
  await run(sql`INSERT INTO campaigns (campaign_id, name, kind, started_at, ended_at, cost, _batch) VALUES
    ('K1', 'Win-back', 'discount', TIMESTAMP '2024-04-01 00:00:00', NULL, 300.3, 8)`);
  await run(sql`INSERT INTO benchmarks (source, metric, period_start, period_end, value, segment, note, _batch) VALUES
    ('Rival', 'churn_rate', DATE '2024-01-01', NULL, 0.035, 'all', NULL, 9),
    ('Industry report', 'nrr', DATE '2023-01-01', DATE '2023-12-31', 1.07, 'region=north', 'https://example.org', 9)`);
  await run(sql`INSERT INTO exchange_rates (currency, rate_date, rate, _batch) VALUES
    ('EUR', DATE '2024-01-01', 1.0857, 10), ('JPY', DATE '1969-07-01', 0.0027777777777777779, 10)`);
  await run(sql`INSERT INTO campaign_members (campaign_id, customer_id, "group", assigned_at, _batch) VALUES
    ('K1', 'C1', 'treatment', TIMESTAMP '2024-04-01 00:00:00', 8), ('K1', 'C3', 'control', NULL, 8)`);
}

const ts = (text: string) => sql`${text}`;

/** One row of one query. */
async function one(e: EngineUnderTest, q: Sql): Promise<Record<string, unknown>> {
  const rows = await e.conn.all(sql`${q}${e.conn.dialect.querySuffix}`);
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

/** DuckDB's quantile_cont on doubles: RN = (n-1)·p; lo·(1-d) + hi·d. */
function quantileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const rn = (s.length - 1) * p;
  const lo = Math.floor(rn);
  const hi = Math.ceil(rn);
  if (lo === hi) return s[lo] as number;
  const d = rn - lo;
  return (s[lo] as number) * (1 - d) + (s[hi] as number) * d;
}

/** Epoch microseconds of 'YYYY-MM-DD HH:MM:SS[.ffffff]'. */
function micros(text: string): number {
  const [whole, frac = ''] = text.split('.');
  return Date.parse(`${(whole as string).replace(' ', 'T')}Z`) * 1000 + Number(frac.padEnd(6, '0'));
}

forEachEngine('dialect conformance', fill, (e) => {
  const d = () => e.conn.dialect;

  e.it('binds strings with quotes, integers, doubles, booleans, NULL and lists; quotes identifiers', async () => {
    const evil = `it's "quoted" \\ {p1:String} $1 ; -- not a comment`;
    const r = await one(
      e,
      sql`SELECT ${evil} AS ${sql.id('Mixed_Case')}, ${42} AS i, ${-7} AS neg, ${12n} AS big, ${1.25} AS dbl,
        ${0.1} + ${0.2} AS sum, ${true} AS yes, ${null} AS nothing, ${['a', "b'c", '']} AS list,
        length(${['x', 'y']}) AS n, ${'2024-01-01'} AS text_date`,
    );
    expect(r).toEqual({
      Mixed_Case: evil,
      i: 42,
      neg: -7,
      big: 12,
      dbl: 1.25,
      sum: 0.30000000000000004,
      yes: true,
      nothing: null,
      list: ['a', "b'c", ''],
      n: 2,
      text_date: '2024-01-01',
    });
  });

  e.it('filters with bound strings that contain quotes', async () => {
    const rows = await e.conn.all(
      sql`SELECT customer_id FROM customers WHERE name = ${`Ada's "Shop"`} OR customer_id = ${'C3'} ORDER BY customer_id${d().querySuffix}`,
    );
    expect(rows).toEqual([{ customer_id: 'C1' }, { customer_id: 'C3' }]);
  });

  e.it('timestamp parses dates, times and fractions', async () => {
    const r = await one(
      e,
      sql`SELECT ${d().timestamp(ts('2024-03-05'))} AS a, ${d().timestamp(ts('2024-03-05 10:20:30'))} AS b,
        ${d().timestamp(ts('2024-03-05 10:20:30.25'))} AS c, ${d().timestamp(ts('2024-03-05 10:20:30.000999'))} AS e,
        ${d().timestamp(ts('1969-07-20 20:17:40'))} AS f, ${d().timestamp(ts('2200-01-01 00:00:00'))} AS g`,
    );
    expect(r).toEqual({
      a: '2024-03-05 00:00:00',
      b: '2024-03-05 10:20:30',
      c: '2024-03-05 10:20:30.250',
      e: '2024-03-05 10:20:30',
      f: '1969-07-20 20:17:40',
      g: '2200-01-01 00:00:00',
    });
  });

  const starts: [string, Record<Grain, string>][] = [
    // A Wednesday.
    [
      '2024-08-14 15:45:10.5',
      {
        day: '2024-08-14 00:00:00',
        week: '2024-08-12 00:00:00',
        month: '2024-08-01 00:00:00',
        quarter: '2024-07-01 00:00:00',
        year: '2024-01-01 00:00:00',
      },
    ],
    // A Sunday: its week started the Monday before.
    [
      '2024-08-18 23:59:59.999999',
      {
        day: '2024-08-18 00:00:00',
        week: '2024-08-12 00:00:00',
        month: '2024-08-01 00:00:00',
        quarter: '2024-07-01 00:00:00',
        year: '2024-01-01 00:00:00',
      },
    ],
    // A Monday at midnight is its own week start; a week can start in the previous year.
    [
      '2024-01-01 00:00:00',
      {
        day: '2024-01-01 00:00:00',
        week: '2024-01-01 00:00:00',
        month: '2024-01-01 00:00:00',
        quarter: '2024-01-01 00:00:00',
        year: '2024-01-01 00:00:00',
      },
    ],
    [
      '2021-01-02 12:00:00',
      {
        day: '2021-01-02 00:00:00',
        week: '2020-12-28 00:00:00',
        month: '2021-01-01 00:00:00',
        quarter: '2021-01-01 00:00:00',
        year: '2021-01-01 00:00:00',
      },
    ],
    // Outside ClickHouse's Date range (1970–2149): must not clamp.
    [
      '1969-05-07 12:00:00',
      {
        day: '1969-05-07 00:00:00',
        week: '1969-05-05 00:00:00',
        month: '1969-05-01 00:00:00',
        quarter: '1969-04-01 00:00:00',
        year: '1969-01-01 00:00:00',
      },
    ],
    [
      '2200-11-30 01:00:00',
      {
        day: '2200-11-30 00:00:00',
        week: '2200-11-24 00:00:00',
        month: '2200-11-01 00:00:00',
        quarter: '2200-10-01 00:00:00',
        year: '2200-01-01 00:00:00',
      },
    ],
  ];
  for (const [input, expected] of starts) {
    e.it(`periodStart of ${input} at every grain (weeks start on Monday)`, async () => {
      const cols = grains.map((g) => sql`${d().periodStart(g, d().timestamp(ts(input)))} AS ${sql.id(g)}`);
      expect(await one(e, sql`SELECT ${sql.join(cols)}`)).toEqual(expected);
    });
  }

  e.it('periodStart of a DATE column', async () => {
    const rows = await e.conn.all(
      sql`SELECT ${d().periodStart('quarter', sql`period_start`)} AS q, ${d().periodStart('week', sql`period_end`)} AS w
        FROM costs ORDER BY period_start${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { q: '1969-07-01 00:00:00', w: '1969-07-28 00:00:00' },
      { q: '2024-01-01 00:00:00', w: '2024-01-29 00:00:00' },
    ]);
  });

  const adds: [Grain, string, number, string][] = [
    ['day', '2024-02-28 10:00:00', 1, '2024-02-29 10:00:00'],
    ['day', '2024-03-01 00:00:00.5', -1, '2024-02-29 00:00:00.500'],
    ['week', '2024-01-01 08:00:00', 2, '2024-01-15 08:00:00'],
    ['week', '2024-01-01 08:00:00', -1, '2023-12-25 08:00:00'],
    // Month ends clamp to the shorter month, on both engines.
    ['month', '2024-01-31 10:00:00', 1, '2024-02-29 10:00:00'],
    ['month', '2023-01-31 00:00:00', 1, '2023-02-28 00:00:00'],
    ['month', '2024-03-31 00:00:00', -1, '2024-02-29 00:00:00'],
    ['month', '2024-05-31 00:00:00', -13, '2023-04-30 00:00:00'],
    ['month', '2024-01-15 00:00:00', 0, '2024-01-15 00:00:00'],
    ['quarter', '2024-01-31 00:00:00', 1, '2024-04-30 00:00:00'],
    ['quarter', '2024-05-31 00:00:00', -1, '2024-02-29 00:00:00'],
    ['quarter', '2024-11-30 00:00:00', 1, '2025-02-28 00:00:00'],
    ['year', '2024-02-29 12:00:00', 1, '2025-02-28 12:00:00'],
    ['year', '2024-02-29 12:00:00', -4, '2020-02-29 12:00:00'],
    ['year', '1970-06-01 00:00:00', -2, '1968-06-01 00:00:00'],
  ];
  e.it('addPeriods, with negative counts and month-end dates', async () => {
    const cols = adds.map(
      ([g, t, n], i) => sql`${d().addPeriods(g, d().timestamp(ts(t)), sql`${n}`)} AS ${sql.id(`r${i}`)}`,
    );
    const r = await one(e, sql`SELECT ${sql.join(cols)}`);
    expect(adds.map((_, i) => r[`r${i}`])).toEqual(adds.map((a) => a[3]));
  });

  e.it('addPeriods with a column count and a DATE', async () => {
    const rows = await e.conn.all(
      sql`SELECT i, ${d().addPeriods('month', d().timestamp(ts('2024-01-31')), sql`i - 1`)} AS m,
        ${d().addPeriods('week', sql`period_start`, sql`i`)} AS w
        FROM ${d().series(sql`${3}`)} AS s, costs WHERE category = 'acquisition' ORDER BY i${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { i: 0, m: '2023-12-31 00:00:00', w: '2024-01-01 00:00:00' },
      { i: 1, m: '2024-01-31 00:00:00', w: '2024-01-08 00:00:00' },
      { i: 2, m: '2024-02-29 00:00:00', w: '2024-01-15 00:00:00' },
    ]);
  });

  const between: [string, string, Record<Grain, number>][] = [
    ['2024-01-31 23:00:00', '2024-02-01 01:00:00', { day: 1, week: 0, month: 1, quarter: 0, year: 0 }],
    // Saturday → Sunday and Sunday → Monday: DuckDB counts whole 7-day spans between the dates.
    ['2024-01-06 12:00:00', '2024-01-07 12:00:00', { day: 1, week: 0, month: 0, quarter: 0, year: 0 }],
    ['2024-01-07 23:00:00', '2024-01-08 01:00:00', { day: 1, week: 0, month: 0, quarter: 0, year: 0 }],
    ['2024-01-09 00:00:00', '2024-01-15 23:00:00', { day: 6, week: 0, month: 0, quarter: 0, year: 0 }],
    ['2024-01-09 23:00:00', '2024-01-16 00:00:00', { day: 7, week: 1, month: 0, quarter: 0, year: 0 }],
    ['2024-03-31 00:00:00', '2024-04-01 00:00:00', { day: 1, week: 0, month: 1, quarter: 1, year: 0 }],
    ['2024-12-31 23:59:59', '2025-01-01 00:00:00', { day: 1, week: 0, month: 1, quarter: 1, year: 1 }],
    ['2024-03-01 00:00:00', '2024-01-31 00:00:00', { day: -30, week: -4, month: -2, quarter: 0, year: 0 }],
    ['2025-02-10 00:00:00', '2023-11-20 00:00:00', { day: -448, week: -64, month: -15, quarter: -5, year: -2 }],
    ['1969-12-31 00:00:00', '1970-01-01 00:00:00', { day: 1, week: 0, month: 1, quarter: 1, year: 1 }],
    ['2024-05-05 05:05:05', '2024-05-05 06:06:06', { day: 0, week: 0, month: 0, quarter: 0, year: 0 }],
  ];
  for (const [a, b, expected] of between) {
    e.it(`periodsBetween ${a} → ${b}`, async () => {
      const cols = grains.map(
        (g) => sql`${d().periodsBetween(g, d().timestamp(ts(a)), d().timestamp(ts(b)))} AS ${sql.id(g)}`,
      );
      expect(await one(e, sql`SELECT ${sql.join(cols)}`)).toEqual(expected);
    });
  }

  const spans: [string, string][] = [
    ['2024-01-01 00:00:00', '2024-01-02 12:00:00'],
    ['2024-01-02 12:00:00', '2024-01-01 00:00:00'],
    ['2024-01-01 00:00:00.000001', '2024-01-01 00:00:00.000002'],
    ['2024-02-28 13:14:15.161718', '2024-03-01 01:02:03.040506'],
    ['1969-12-31 23:59:59.999999', '1970-01-01 00:00:00.000001'],
    ['2000-01-01 00:00:00', '2100-01-01 00:00:00.1'],
    ['2024-03-31 01:59:59', '2024-03-31 03:00:00'],
  ];
  e.it('daysBetween is fractional and bit-identical', async () => {
    const cols = spans.map(
      ([a, b], i) => sql`${d().daysBetween(d().timestamp(ts(a)), d().timestamp(ts(b)))} AS ${sql.id(`d${i}`)}`,
    );
    const r = await one(e, sql`SELECT ${sql.join(cols)}`);
    expect(spans.map((_, i) => r[`d${i}`])).toEqual(spans.map(([a, b]) => (micros(b) / 1e6 - micros(a) / 1e6) / 86400));
    expect(r.d0).toBe(1.5);
  });

  e.it('daysBetween over columns, with NULL', async () => {
    const rows = await e.conn.all(
      sql`SELECT ticket_id, ${d().daysBetween(sql`opened_at`, sql`resolved_at`)} AS days FROM tickets ORDER BY ticket_id${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { ticket_id: 'T1', days: 2.375 },
      { ticket_id: 'T2', days: null },
    ]);
  });

  e.it('series gives 0 … n-1 as signed integers, and nothing for 0 or less', async () => {
    expect(
      await e.conn.all(sql`SELECT i, i - 2 AS j FROM ${d().series(sql`${4}`)} AS s ORDER BY i${d().querySuffix}`),
    ).toEqual([
      { i: 0, j: -2 },
      { i: 1, j: -1 },
      { i: 2, j: 0 },
      { i: 3, j: 1 },
    ]);
    expect(await e.conn.all(sql`SELECT i FROM ${d().series(sql`${0}`)} AS s${d().querySuffix}`)).toEqual([]);
    expect(await e.conn.all(sql`SELECT i FROM ${d().series(sql`${-2}`)} AS s${d().querySuffix}`)).toEqual([]);
  });

  e.it('ratio divides as doubles and is NULL on zero or NULL', async () => {
    const r = await one(
      e,
      sql`SELECT ${d().ratio(sql`${1}`, sql`${4}`)} AS q, ${d().ratio(sql`${1}`, sql`${3}`)} AS third,
        ${d().ratio(sql`${7}`, sql`${0}`)} AS by_zero, ${d().ratio(sql`${0}`, sql`${0.0}`)} AS zero_zero,
        ${d().ratio(sql`${null}`, sql`${2}`)} AS null_num, ${d().ratio(sql`${2}`, sql`${null}`)} AS null_den,
        ${d().ratio(sql`${-5}`, sql`${2}`)} AS neg`,
    );
    expect(r).toEqual({
      q: 0.25,
      third: 1 / 3,
      by_zero: null,
      zero_zero: null,
      null_num: null,
      null_den: null,
      neg: -2.5,
    });
  });

  e.it('ratio of DECIMAL and integer columns', async () => {
    const rows = await e.conn.all(
      sql`SELECT order_id, ${d().ratio(sql`cost`, sql`amount`)} AS margin, ${d().ratio(sql`amount`, sql`cost`)} AS inv
        FROM orders ORDER BY order_id${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { order_id: 'O1', margin: 1000.0001 / 1234.5678, inv: 1234.5678 / 1000.0001 },
      { order_id: 'O2', margin: null, inv: null },
      { order_id: 'O3', margin: 0, inv: null },
    ]);
  });

  e.it('money rounds an amount times a rate to 4 decimals, half away from zero, as DECIMAL', async () => {
    const rows = await e.conn.all(
      sql`SELECT order_id, CAST(${d().money(sql`amount * ${1.0857}`)} AS VARCHAR) AS v FROM orders ORDER BY order_id${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { order_id: 'O1', v: '1340.3703' },
      { order_id: 'O2', v: '0.1086' },
      { order_id: 'O3', v: '0.2171' },
    ]);
    // 0.03125 and its negative are exact doubles: a tie at the 4th decimal, rounded away from zero on both engines.
    const ties = await one(
      e,
      sql`SELECT CAST(${d().money(sql`${0.0625} * ${0.5}`)} AS VARCHAR) AS up,
      CAST(${d().money(sql`${-0.0625} * ${0.5}`)} AS VARCHAR) AS down, ${d().money(sql`CAST(NULL AS DOUBLE)`)} AS none`,
    );
    expect(ties).toEqual({ up: '0.0313', down: '-0.0313', none: null });
  });

  e.it('quantile 0.5 and 0.9 of a small set interpolate linearly', async () => {
    const rows = await e.conn.all(
      sql`SELECT customer_id, ${d().quantile(0.5, sql`quantity`)} AS median, ${d().quantile(0.9, sql`quantity`)} AS p90,
        ${d().quantile(0, sql`quantity`)} AS lo, ${d().quantile(1, sql`quantity`)} AS hi
        FROM activity GROUP BY customer_id ORDER BY customer_id${d().querySuffix}`,
    );
    expect(rows).toEqual([
      { customer_id: 'C1', median: 3, p90: quantileCont([1, 2, 3, 4, 10], 0.9), lo: 1, hi: 10 },
      { customer_id: 'C3', median: 2.5, p90: 2.5, lo: 2.5, hi: 2.5 },
    ]);
    expect(rows[0]?.p90).toBeCloseTo(7.6, 12);
  });

  e.it('now is the current UTC time as a naive timestamp', async () => {
    const before = Date.now();
    const r = await one(e, sql`SELECT ${d().now} AS t`);
    const t = Date.parse(`${String(r.t).replace(' ', 'T').slice(0, 23)}Z`);
    expect(Math.abs(t - before)).toBeLessThan(60_000);
  });

  e.it('jsonDecimal reads a number or a numeric string, exact, and NULL for anything else', async () => {
    const doc = sql`${'{"a": 150.25, "b": "20", "c": null, "d": "x", "e": 0.0001}'}`;
    const r = await one(
      e,
      sql`SELECT ${d().jsonDecimal(doc, 'a')} AS a, ${d().jsonDecimal(doc, 'b')} AS b, ${d().jsonDecimal(doc, 'c')} AS c,
        ${d().jsonDecimal(doc, 'd')} AS d, ${d().jsonDecimal(doc, 'e')} AS e, ${d().jsonDecimal(doc, 'z')} AS z`,
    );
    expect(r).toEqual({ a: 150.25, b: 20, c: null, d: null, e: 0.0001, z: null });
  });

  e.it('quantile is NULL over no rows and ignores NULLs', async () => {
    const r = await one(
      e,
      sql`SELECT ${d().quantile(0.5, sql`quantity`)} AS none FROM activity WHERE kind = 'nothing'`,
    );
    expect(r).toEqual({ none: null });
    const s = await one(e, sql`SELECT ${d().quantile(0.5, sql`csat`)} AS m FROM tickets`);
    expect(s).toEqual({ m: 4 });
  });

  const ps = [0, 0.01, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.95, 0.99, 1];
  e.it('quantile matches DuckDB quantile_cont to the last bit (sweep)', async () => {
    const x = sql`CAST(i * 37 % 101 AS DOUBLE) / 7`;
    const cols = ps.map((p, k) => sql`${d().quantile(p, sql`x`)} AS ${sql.id(`q${k}`)}`);
    const rows = await e.conn.all(
      sql`SELECT g, ${sql.join(cols)} FROM (SELECT i % 9 AS g, ${x} AS x FROM ${d().series(sql`${300}`)} AS s WHERE i % 9 <= i / 25) AS t
        GROUP BY g ORDER BY g${d().querySuffix}`,
    );
    const groups = new Map<number, number[]>();
    for (let i = 0; i < 300; i++) {
      if (i % 9 > i / 25) continue;
      const list = groups.get(i % 9) ?? [];
      list.push(((i * 37) % 101) / 7);
      groups.set(i % 9, list);
    }
    const expected = [...groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([g, v]) => ({ g, ...Object.fromEntries(ps.map((p, k) => [`q${k}`, quantileCont(v, p)])) }));
    expect(rows).toEqual(expected);
  });

  e.it(
    'querySuffix: outer joins give NULL, empty aggregates NULL, casts keep NULL, UNION is DISTINCT, SQL scoping',
    async () => {
      const joined = await e.conn.all(
        sql`SELECT c.customer_id, o.order_id, o.amount, o.ordered_at FROM customers AS c
        LEFT JOIN orders AS o ON o.customer_id = c.customer_id ORDER BY c.customer_id, o.order_id${d().querySuffix}`,
      );
      expect(joined).toEqual([
        { customer_id: 'C1', order_id: 'O1', amount: 1234.5678, ordered_at: '2024-01-31 10:00:00' },
        { customer_id: 'C1', order_id: 'O2', amount: 0.1, ordered_at: '2024-02-01 00:00:00' },
        { customer_id: 'C2', order_id: null, amount: null, ordered_at: null },
        { customer_id: 'C3', order_id: 'O3', amount: 0.2, ordered_at: '2024-03-31 23:59:59.999' },
        { customer_id: 'C4', order_id: null, amount: null, ordered_at: null },
      ]);
      expect(
        await one(
          e,
          sql`SELECT sum(amount) AS s, avg(quantity) AS a, max(ordered_at) AS m, count(*) AS n
          FROM orders, activity WHERE orders.amount < 0`,
        ),
      ).toEqual({ s: null, a: null, m: null, n: 0 });
      expect(
        await one(e, sql`SELECT CAST(acquisition_cost AS DOUBLE) AS f FROM customers WHERE customer_id = 'C2'`),
      ).toEqual({ f: null });
      expect(
        await e.conn.all(
          sql`SELECT region FROM (SELECT region FROM customers WHERE region IS NOT NULL UNION SELECT 'north') AS u ORDER BY region${d().querySuffix}`,
        ),
      ).toEqual([{ region: 'north' }, { region: 'south' }]);
      // WHERE sees the column, not the aggregate of the same name.
      expect(await one(e, sql`SELECT sum(quantity) AS quantity FROM activity WHERE quantity > 2`)).toEqual({
        quantity: 19.5,
      });
      // A joined subquery needs no alias.
      expect(
        await e.conn.all(
          sql`SELECT customer_id, n FROM customers JOIN (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id)
          USING (customer_id) ORDER BY customer_id${d().querySuffix}`,
        ),
      ).toEqual([
        { customer_id: 'C1', n: 2 },
        { customer_id: 'C3', n: 1 },
      ]);
      // NULLs sort last both ways on both engines (no setting needed).
      expect(await e.conn.all(sql`SELECT seats FROM customers ORDER BY seats DESC${d().querySuffix}`)).toEqual([
        { seats: 9007199254740992 },
        { seats: 12 },
        { seats: -3 },
        { seats: null },
      ]);
    },
  );

  // ------------------------------------------------------------------------------------------------
  // copyWorkspace: every entity reads back as it is in the workspace.

  for (const name of Object.keys(entities) as EntityName[]) {
    e.it(`copy: ${name} reads back identically, every column`, async () => {
      const order = sql.ids(entities[name].key);
      const q = sql`SELECT * FROM ${sql.id(name)} ORDER BY ${order}`;
      const reference = await e.ws.db.all(q);
      expect(reference.length, `fill() must put rows in ${name}`).toBeGreaterThan(0);
      expect(await e.conn.all(sql`${q}${d().querySuffix}`)).toEqual(reference);
    });
  }

  e.it('copy: attribute columns and DECIMAL money keep their values and exactness', async () => {
    const rows = await e.conn.all(
      sql`SELECT customer_id, seats, health_score, last_login, plan_name, acquisition_cost, created_at
        FROM customers ORDER BY customer_id${d().querySuffix}`,
    );
    expect(rows).toEqual([
      {
        customer_id: 'C1',
        seats: 12,
        health_score: 0.75,
        last_login: '2024-03-01 10:00:00.123',
        plan_name: 'gold',
        acquisition_cost: 120.5,
        created_at: '2023-01-15 09:30:00',
      },
      {
        customer_id: 'C2',
        seats: null,
        health_score: Number.NaN,
        last_login: null,
        plan_name: null,
        acquisition_cost: null,
        created_at: '1970-01-01 00:00:00',
      },
      {
        customer_id: 'C3',
        seats: -3,
        health_score: -1.5e-7,
        last_login: '2024-02-29 00:00:00',
        plan_name: 'line\nbreak',
        acquisition_cost: 0.0001,
        created_at: '2024-02-29 23:59:59',
      },
      {
        customer_id: 'C4',
        seats: 9007199254740992,
        health_score: 1e300,
        last_login: null,
        plan_name: '',
        // DECIMAL 99999999999999.9999 is 1e14 as a double, on both engines.
        acquisition_cost: 1e14,
        created_at: '2024-06-01 00:00:00',
      },
    ]);
    // Exact decimal arithmetic survives the copy: 0.1 + 0.2 is 0.3 in DECIMAL, not 0.30000000000000004.
    expect(
      await one(e, sql`SELECT sum(amount) AS total, sum(cost) AS cost FROM orders WHERE order_id IN ('O2', 'O3')`),
    ).toEqual({ total: 0.3, cost: 0 });
    expect(await one(e, sql`SELECT sum(amount) AS s FROM costs`)).toEqual({ s: 5000.2501 });
    const coupons = await e.conn.all(sql`SELECT order_id, coupon FROM orders ORDER BY order_id${d().querySuffix}`);
    expect(coupons).toEqual([
      { order_id: 'O1', coupon: 'SPRING' },
      { order_id: 'O2', coupon: null },
      { order_id: 'O3', coupon: '' },
    ]);
  });
});
