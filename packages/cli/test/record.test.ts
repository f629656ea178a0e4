/**
 * A workspace kept in ClickHouse as a user makes one: `tenure init --engine chdb:DIR`, imports, `tenure metrics` and
 * `tenure report` on it, against a DuckDB workspace given the same files; and `tenure init --engine` at a server
 * that does not answer.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorOut, fixture, json, SLOW, tenure } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tenure-cli-record-'));
const duck = join(tmp, 'duck');
const house = join(tmp, 'house');
const engine = `chdb:${join(tmp, 'chdb')}`;
const files = [
  ['customers', 'customers.csv'],
  ['orders', 'orders-v1.csv'],
  ['orders', 'orders-v2.csv'],
] as const;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await tenure(['init', '-w', duck])).code).toBe(0);
  const made = await tenure(['init', '-w', house, '--engine', engine]);
  expect(made.code, made.stderr).toBe(0);
  for (const ws of [duck, house])
    for (const [entity, file] of files) {
      const r = await tenure(['import', entity, fixture(file), '-w', ws, '--json']);
      expect(r.code, r.stderr).toBe(0);
    }
}, 300_000);

describe('tenure init --engine (a workspace kept in ClickHouse)', SLOW, () => {
  it('records the engine in the config', () => {
    const config = JSON.parse(readFileSync(join(house, 'tenure.config.json'), 'utf8'));
    expect(config.engine).toBe(engine);
  });

  it('metrics and the report give what the DuckDB workspace gives', async () => {
    const args = ['metrics', 'aov', 'active_buyers', '--from', '2024-01-01', '--to', '2024-03-01', '--json'];
    const a = json<unknown[]>(await tenure([...args, '-w', duck]));
    expect(a.length).toBeGreaterThan(0);
    expect(json<unknown[]>(await tenure([...args, '-w', house]))).toEqual(a);
    const report = ['report', '--format', 'md', '--from', '2024-01', '--to', '2024-03'];
    const [ra, rb] = [await tenure([...report, '-w', duck]), await tenure([...report, '-w', house])];
    expect(rb.code, rb.stderr).toBe(0);
    expect(rb.stdout).toBe(ra.stdout);
  });

  it('tenure serve refuses it (the server reads the local tables)', async () => {
    const r = await tenure(['serve', '-w', house, '--port', '0', '--json']);
    expect(r.code).not.toBe(0);
    expect(json<ErrorOut>(r).error.code).toBe('TEN_ENGINE_RECORD_UNSUPPORTED');
  });

  it('at a server that does not answer: the host and the cause, and no workspace made', async () => {
    const r = await tenure([
      'init',
      '-w',
      join(tmp, 'never'),
      '--engine',
      'clickhouse://u:secret@127.0.0.1:1/db?connect_timeout=2',
      '--json',
    ]);
    expect(r.code).not.toBe(0);
    const { error } = json<ErrorOut>(r);
    expect(error.code).toBe('TEN_ENGINE_UNREACHABLE');
    expect(error.message).toContain('127.0.0.1:1');
    expect(r.stdout).not.toContain('secret');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});
