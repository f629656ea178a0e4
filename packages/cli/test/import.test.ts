/**
 * `tenure import` and `tenure rejects` as a user runs them: the real CLI as a child process, real workspaces in
 * temp folders and real files (the core's committed fixtures and the shared Telco dataset, read in place).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../core/test/datasets.ts';
import {
  cleanup,
  cloneWorkspace,
  expectHumanError,
  expectJsonError,
  fixture,
  type ImportSummary,
  int,
  json,
  type RejectsOut,
  type Run,
  SLOW,
  type StatusOut,
  TELCO,
  tempDir,
  tenure,
} from './helpers.ts';

let tmp: string;
/** A workspace holding customers C1, C2 and C3; tests clone it so that parallel runs do not lock each other out. */
let base: string;
let clones = 0;
const clone = () => cloneWorkspace(base, join(tmp, `ws-${++clones}`));

beforeAll(async () => {
  tmp = tempDir();
  base = join(tmp, 'base');
  const init = await tenure(['init', '-w', base, '--json']);
  expect(init.code, init.stderr).toBe(0);
  const c = await tenure(['import', 'customers', fixture('customers.csv'), '-w', base, '--json']);
  expect(c.code, c.stderr).toBe(0);
  expect(json<ImportSummary>(c).rowsNew).toBe(3);
});
afterAll(() => cleanup(tmp));

const statusOf = async (ws: string, entity: string) => {
  const r = await tenure(['status', '-w', ws, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const e = json<StatusOut>(r).entities.find((x) => x.entity === entity);
  if (!e) throw new Error(`no ${entity} in status`);
  return e;
};

describeWithDatasets(TELCO_CSV)('a snapshot export (IBM Telco, 7,043 customers)', SLOW, () => {
  it('needs --as-of, loads every customer with derived churn events, and a re-import changes nothing', async () => {
    const ws = join(tmp, 'telco');
    expect((await tenure(['init', '-w', ws])).code).toBe(0);

    const noAsOf = await tenure(['import', 'customers', TELCO, '-w', ws]);
    expectHumanError(noAsOf, 3, 'TEN_IMPORT_AS_OF_REQUIRED');

    const first = await tenure(['import', 'customers', TELCO, '--as-of', '2024-12-31', '-w', ws, '--json']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const s = json<ImportSummary>(first);
    expect(s).toMatchObject({ status: 'loaded', file: TELCO, rowsRead: 7043, rowsLoaded: 7043, rowsRejected: 0 });
    expect(s).toMatchObject({ rowsNew: 7043, churnEventsDerived: 1869 });
    expect(s.mapping).toContainEqual({ field: 'customer_id', header: 'customerID' });
    expect(s.snapshot).toEqual({ tenure: 'tenure', churn: 'Churn' });

    // Human output this time: it carries the key numbers.
    const again = await tenure(['import', 'customers', TELCO, '--as-of', '2024-12-31', '-w', ws]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/unchanged 7,043/);
    expect(again.stdout).toMatch(/loaded 7,043/);
    expect(again.stdout).not.toMatch(/churn events derived/); // none new: the 1,869 exist already
  });
});

describe('a file with bad rows', SLOW, () => {
  it('is refused over --max-reject-rate (exit 3, summary in the JSON); rejects, --dry-run and a forced load', async () => {
    const ws = clone();
    const file = fixture('orders-mostly-bad.csv'); // 10 orders: a negative amount, a bad date, a bad number
    const [refused, human] = await Promise.all([
      tenure(['import', 'orders', file, '-w', ws, '--json']),
      tenure(['import', 'orders', file, '-w', clone()]),
    ]);
    const e = expectJsonError(refused, 3, 'TEN_IMPORT_TOO_MANY_REJECTS');
    expect(e.summary).toMatchObject({ status: 'refused', rowsRead: 10, rowsRejected: 3, rowsLoaded: 0 });
    expect(e.summary?.problems.map((p) => [p.code, p.firstLine])).toEqual([
      ['TEN_ROW_NEGATIVE_AMOUNT', 3],
      ['TEN_ROW_BAD_DATE', 5],
      ['TEN_ROW_BAD_NUMBER', 7],
    ]);
    // Human mode: the summary on stdout (with its numbers), then the one-line error on stderr.
    expectHumanError(human, 3, 'TEN_IMPORT_TOO_MANY_REJECTS', { stdout: true });
    expect(human.stdout).toMatch(/rows read 10 +loaded 0 +rejected 3/);
    expect(human.stdout).toContain('TEN_ROW_BAD_DATE');

    // The rejects of the refused import are recorded, with line, column and code.
    const rj = await tenure(['rejects', '-w', ws, '--json']);
    expect(rj.code, rj.stderr).toBe(0);
    const rejected = json<RejectsOut>(rj);
    expect(rejected.total).toBe(3);
    expect(rejected.rows.map((r) => [r.batch_id, r.line, r.column, r.code])).toEqual([
      [e.summary?.batchId, 3, 'amount', 'TEN_ROW_NEGATIVE_AMOUNT'],
      [e.summary?.batchId, 5, 'order_date', 'TEN_ROW_BAD_DATE'],
      [e.summary?.batchId, 7, 'amount', 'TEN_ROW_BAD_NUMBER'],
    ]);
    expect(rejected.rows.find((r) => r.line === 5)?.value).toBe('yesterday');

    // --dry-run: a preview of the good rows and the problems, and nothing written.
    const dry = await tenure(['import', 'orders', file, '--dry-run', '--max-reject-rate', '0.9', '-w', ws, '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const d = json<ImportSummary>(dry);
    expect(d).toMatchObject({ status: 'dry-run', batchId: null, rowsRead: 10, rowsRejected: 3, rowsLoaded: 0 });
    expect(d.preview?.map((r) => r.order_id)).toEqual(['O1', 'O3', 'O5', 'O7', 'O8', 'O9', 'O10']);
    expect(d.preview?.[0]).toMatchObject({ customer_id: 'C1', amount: 1 });
    const afterDry = await statusOf(ws, 'orders');
    expect(afterDry).toMatchObject({ rows: 0, rejectedRows: 3 }); // only the refused import's rejects

    // Raising the threshold loads the good rows; rejects now lists the new batch.
    const forced = await tenure(['import', 'orders', file, '--max-reject-rate', '0.9', '-w', ws, '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    const f = json<ImportSummary>(forced);
    expect(f).toMatchObject({ status: 'loaded', rowsRead: 10, rowsLoaded: 7, rowsRejected: 3, rowsNew: 7 });
    expect(f.batchId).toBeGreaterThan(e.summary?.batchId ?? Number.POSITIVE_INFINITY);
    const latest = json<RejectsOut>(await tenure(['rejects', '-w', ws, '--json', '--limit', '2']));
    expect(latest.total).toBe(3);
    expect(latest.rows.map((r) => [r.batch_id, r.line])).toEqual([
      [f.batchId, 3],
      [f.batchId, 5],
    ]);
  });

  it('loads the good rows of a file under the default threshold and reports the rejected count', async () => {
    const ws = clone();
    const [json1, bad] = await Promise.all([
      tenure(['import', 'orders', fixture('orders-some-bad.csv'), '-w', ws, '--json']),
      // Option text is checked before anything else, so these can share the workspace.
      tenure(['import', 'orders', fixture('orders-some-bad.csv'), '-w', ws, '--max-reject-rate', 'abc', '--json']),
    ]);
    expect(json1.code, json1.stderr).toBe(0);
    expect(json<ImportSummary>(json1)).toMatchObject({ rowsRead: 40, rowsLoaded: 39, rowsRejected: 1 });
    const b = expectJsonError(bad, 3, 'TEN_BAD_OPTION');
    expect(b.error.message).toContain('"abc"'); // the value as typed, not NaN
  });
});

describe('--map', SLOW, () => {
  it('maps file columns onto fields; a bad --map is refused with exit 3', async () => {
    const file = fixture('customers-map.csv'); // Kunde, Seit, Gebiet, Notiz
    const [mapped, unmapped, noEquals, emptySource, noField, human] = await Promise.all([
      tenure(['import', 'customers', file, '--map', 'customer_id=Kunde', '--map', 'created_at=Seit', '-w', clone()]),
      tenure(['import', 'customers', file, '-w', clone(), '--json']),
      tenure(['import', 'customers', file, '--map', 'customer_id', '-w', base, '--json']),
      tenure(['import', 'customers', file, '--map', 'customer_id=', '-w', base, '--json']),
      tenure(['import', 'customers', file, '--map', 'bogus=Kunde', '-w', clone(), '--json']),
      tenure(['import', 'customers', file, '--map', '=Kunde', '-w', base]),
    ]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).toContain('customer_id ← Kunde');
    expect(mapped.stdout).toMatch(/loaded 2 /);
    expectJsonError(unmapped, 3, 'TEN_IMPORT_MISSING_COLUMN');
    expectJsonError(noEquals, 3, 'TEN_IMPORT_BAD_MAPPING');
    expectJsonError(emptySource, 3, 'TEN_IMPORT_BAD_MAPPING');
    expectJsonError(noField, 3, 'TEN_IMPORT_BAD_MAPPING');
    expectHumanError(human, 3, 'TEN_IMPORT_BAD_MAPPING');
  });
});

describe('errors are one line with a code, never a stack trace', SLOW, () => {
  it('reports missing, unreadable and misaddressed input with the documented exit codes', async () => {
    const cases: [string[], number, string][] = [
      [['customers', join(tmp, 'no-such-file.csv')], 4, 'TEN_IMPORT_FILE_NOT_FOUND'],
      [['customers', tmp], 3, 'TEN_IMPORT_IS_DIRECTORY'],
      [['customers', fixture('empty.csv')], 3, 'TEN_IMPORT_EMPTY_FILE'],
      [['customers', fixture('binary.bin')], 3, 'TEN_IMPORT_BINARY_FILE'],
      [['custmers', fixture('customers.csv')], 3, 'TEN_ENTITY_UNKNOWN'],
    ];
    const missingWs = join(tmp, 'no-such-workspace');
    const corrupt = clone();
    writeFileSync(join(corrupt, 'tenure.duckdb'), 'not a database\n');
    // An unexpected failure: a folder where the database file should be.
    const broken = clone();
    rmSync(join(broken, 'tenure.duckdb'));
    mkdirSync(join(broken, 'tenure.duckdb'));
    const runs = await Promise.all([
      ...cases.map(([args]) => tenure(['import', ...args, '-w', clone()])),
      tenure(['import', 'customers', fixture('customers.csv'), '-w', missingWs]),
      tenure(['status', '-w', broken]),
      tenure(['status', '-w', broken], { env: { TENURE_DEBUG: '1' } }),
      tenure(['status', '-w', corrupt]),
    ]);
    const run = (i: number) => runs[i] as Run;
    cases.forEach(([, exit, code], i) => {
      expectHumanError(run(i), exit, code);
    });
    const ws = expectHumanError(run(cases.length), 4, 'TEN_WORKSPACE_NOT_FOUND');
    expect(ws[0]).toContain(missingWs);
    // The unknown entity comes with the nearest name in the hint.
    expect(run(4).stderr).toMatch(/^ {2}hint: .*"customers"/m);
    // An unexpected failure is exit 1 and still one line; TENURE_DEBUG=1 adds the stack for a bug report.
    const plain = expectHumanError(run(cases.length + 1), 1, 'TEN_INTERNAL');
    const debug = run(cases.length + 2);
    expect(debug.code).toBe(1);
    expect(debug.stderr.startsWith('error TEN_INTERNAL: ')).toBe(true);
    expect(debug.stderr.trimEnd().split('\n').length).toBeGreaterThan(plain.length);
    // A file that is not a DuckDB database is the user's to fix, with its own code.
    expectHumanError(run(cases.length + 3), 3, 'TEN_WORKSPACE_CORRUPT');
  });
});

describe('a GBK file with Chinese headers', SLOW, () => {
  it('imports with --encoding gbk and when the encoding is detected; as utf-8 it is refused', async () => {
    const file = fixture('customers-gbk.csv'); // 客户编号,注册日期,地区,产品线 saved as GBK
    const [explicit, detected, wrong] = await Promise.all([
      tenure(['import', 'customers', file, '--encoding', 'gbk', '-w', clone(), '--json']),
      tenure(['import', 'customers', file, '-w', clone()]),
      tenure(['import', 'customers', file, '--encoding', 'utf-8', '-w', clone(), '--json']),
    ]);
    expect(explicit.code, explicit.stderr).toBe(0);
    const s = json<ImportSummary>(explicit);
    expect(s).toMatchObject({ encoding: 'gbk', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(s.mapping).toEqual(
      expect.arrayContaining([
        { field: 'customer_id', header: '客户编号' },
        { field: 'created_at', header: '注册日期' },
        { field: 'region', header: '地区' },
        { field: 'product_line', header: '产品线' },
      ]),
    );
    expect(detected.code, detected.stderr).toBe(0);
    expect(detected.stdout).toContain('gbk');
    expect(detected.stdout).toContain('customer_id ← 客户编号');
    expect(detected.stdout).toContain(`loaded ${int(3)}`);
    expectJsonError(wrong, 3, 'TEN_IMPORT_BAD_ENCODING');
  });
});
