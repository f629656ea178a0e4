/**
 * Hostile input to the CLI, kept fixed: dimension names that are members of Object.prototype, and a ClickHouse
 * engine that refuses the connection. Each is refused with its code and a normal exit code, never exit 1.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, SLOW, tempDir, tenure } from './helpers.ts';

let dir: string;
let ws: string;
beforeAll(async () => {
  dir = tempDir();
  ws = join(dir, 'ws');
  const r = await tenure(['demo', '-w', ws, '--customers', '200', '--months', '12', '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
}, 180_000);
afterAll(() => cleanup(dir));

describe('--filter with names of Object.prototype members', SLOW, () => {
  it.each(['constructor', '__proto__', 'toString'])('%s is an unknown dimension (exit 3)', async (name) => {
    const metric = ['metrics', 'churn_rate', '--from', '2024-01', '--to', '2024-03', '--filter', `${name}=x`];
    expectJsonError(await tenure([...metric, '-w', ws, '--json']), 3, 'TEN_METRIC_UNKNOWN_SEGMENT');
    expectJsonError(
      await tenure(['survival', '--filter', `${name}=x`, '-w', ws, '--json']),
      3,
      'TEN_METRIC_UNKNOWN_SEGMENT',
    );
  });
});

describe('tenure sync to a ClickHouse server that is not there', SLOW, () => {
  it('is TEN_ENGINE_UNREACHABLE with the host, exit 4', async () => {
    const probe = createServer();
    const port = await new Promise<number>((done) =>
      probe.listen(0, '127.0.0.1', () => done((probe.address() as { port: number }).port)),
    );
    await new Promise((done) => probe.close(done));
    const engine = `clickhouse://127.0.0.1:${port}/tenure`;
    const out = expectJsonError(
      await tenure(['sync', '--engine', engine, '-w', ws, '--json']),
      4,
      'TEN_ENGINE_UNREACHABLE',
    );
    if (!out.error.message.includes(`127.0.0.1:${port}`)) throw new Error(out.error.message);
    expectHumanError(await tenure(['sync', '--engine', engine, '-w', ws]), 4, 'TEN_ENGINE_UNREACHABLE');
  });
});
