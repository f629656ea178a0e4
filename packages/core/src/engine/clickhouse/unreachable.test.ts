/**
 * A ClickHouse server that is down, refuses the connection or never answers is a connection error naming the
 * host and the cause, within the timeout: never TEN_INTERNAL ("a bug in Tenure"), never a hang. Only local
 * addresses: a port just closed, and a TCP server that accepts and stays silent.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenureError } from '../../errors.ts';
import { ClickHouseConnection } from './connection.ts';

const listen = (server: Server) =>
  new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));

let closedPort: number;
let silent: Server;
let silentPort: number;
const sockets: Socket[] = [];
beforeAll(async () => {
  const probe = createServer();
  closedPort = await listen(probe);
  await new Promise((done) => probe.close(done));
  // Accepts every connection and never writes a byte.
  silent = createServer((socket) => sockets.push(socket));
  silentPort = await listen(silent);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((done) => silent.close(done));
});

async function refusal(target: string): Promise<TenureError> {
  const e = await ClickHouseConnection.open(target).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TenureError);
  return e as TenureError;
}

describe('an unreachable ClickHouse server', () => {
  it('a refused connection names the host and the cause', async () => {
    const e = await refusal(`clickhouse://default:secret@127.0.0.1:${closedPort}/db`);
    expect(e.code).toBe('TEN_ENGINE_UNREACHABLE');
    expect(e.message).toContain(`127.0.0.1:${closedPort}`);
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.message).not.toContain('secret');
  });

  it('a server that accepts and never answers times out after connect_timeout', async () => {
    const started = Date.now();
    const e = await refusal(`clickhouse://127.0.0.1:${silentPort}/db?connect_timeout=1`);
    expect(e.code).toBe('TEN_ENGINE_UNREACHABLE');
    expect(e.message).toContain(`127.0.0.1:${silentPort}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sockets.length).toBeGreaterThan(0);
  });
});
