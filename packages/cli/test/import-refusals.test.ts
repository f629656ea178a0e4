/**
 * `tenure import` on the dead ends and hostile files of issue 11, as a user runs it: a refused import or a
 * dry run that would be refused never reads like a success, headerless files and snapshot columns can be
 * mapped, and a hostile file is exit 3 with a code, never a crash.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  cloneWorkspace,
  expectHumanError,
  expectJsonError,
  fixture,
  type ImportSummary,
  json,
  SLOW,
  tempDir,
  tenure,
} from './helpers.ts';

let tmp: string;
let base: string;
let clones = 0;
const clone = () => cloneWorkspace(base, join(tmp, `ws-${++clones}`));
const file = (name: string, body: string) => {
  const path = join(tmp, name);
  writeFileSync(path, body);
  return path;
};

beforeAll(async () => {
  tmp = tempDir();
  base = join(tmp, 'base');
  expect((await tenure(['init', '-w', base, '--json'])).code).toBe(0);
  expect((await tenure(['import', 'customers', fixture('customers.csv'), '-w', base, '--json'])).code).toBe(0);
});
afterAll(() => cleanup(tmp));

describe('tenure import: refusals and dead ends', SLOW, () => {
  it('a refused import prints no success line; a dry run that would be refused says so and exits 3', async () => {
    const unknown = file(
      'unknown.csv',
      'order_id,customer_id,ordered_at,amount\nU1,ZZ,2024-01-01,1\nU2,ZZ,2024-01-02,1\n',
    );
    const ws = clone();
    const [refused, dry, dryJson] = await Promise.all([
      tenure(['import', 'orders', unknown, '-w', ws]),
      tenure(['import', 'orders', unknown, '-w', clone(), '--dry-run']),
      tenure(['import', 'orders', unknown, '-w', clone(), '--dry-run', '--json']),
    ]);
    expectHumanError(refused, 3, 'TEN_IMPORT_TOO_MANY_REJECTS', { stdout: true });
    expect(refused.stdout).not.toMatch(/^Imported/m);
    expectHumanError(dry, 3, 'TEN_IMPORT_TOO_MANY_REJECTS', { stdout: true });
    expect(dry.stdout).not.toMatch(/^Imported/m);
    const e = expectJsonError(dryJson, 3, 'TEN_IMPORT_TOO_MANY_REJECTS');
    expect(e.summary).toMatchObject({ status: 'dry-run', wouldRefuse: true, batchId: null });
  });

  it('a headerless space-aligned file imports with --no-header --columns', async () => {
    const cdnow = file(
      'cdnow.txt',
      '00001 19970101  1   11.77\n00002 19970112  1   12.00\n00001 19970102  2   89.00\n',
    );
    const r = await tenure([
      'import',
      'orders',
      cdnow,
      '-w',
      clone(),
      '--no-header',
      '--columns',
      'customer_id,order_date,quantity,amount',
      '--create-missing-customers',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(json<ImportSummary>(r)).toMatchObject({ rowsRead: 3, rowsLoaded: 3, customersCreated: 2 });
  });

  it('the snapshot columns can be mapped: --map tenure=week --map churned=gone', async () => {
    const snap = file('snapshot.csv', 'customer_id,week,gone\nS1,3,yes\nS2,12,no\n');
    const args = ['import', 'customers', snap, '-w', clone(), '--as-of', '2024-06-30', '--json'];
    const r = await tenure([...args, '--map', 'tenure=week', '--map', 'churned=gone']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<ImportSummary>(r).snapshot).toEqual({ tenure: 'week', churn: 'gone' });
  });

  it('--date-format %Q and JSON nested 100,000 deep are exit 3 with a code (were exit 1 and a segfault)', async () => {
    const deep = file('deep.json', `[{"customer_id":"D1","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`);
    const [badFormat, deepRun] = await Promise.all([
      tenure(['import', 'orders', fixture('orders-v1.csv'), '-w', clone(), '--date-format', '%Q', '--json']),
      tenure(['import', 'customers', deep, '-w', clone(), '--json']),
    ]);
    expectJsonError(badFormat, 3, 'TEN_BAD_OPTION');
    expectJsonError(deepRun, 3, 'TEN_IMPORT_TOO_DEEP');
  });
});
