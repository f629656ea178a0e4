/**
 * A ClickHouse server that is down, refuses the connection or never answers is a connection error naming the
 * host and the cause, within the timeout: never TEN_INTERNAL ("a bug in Tenure"), never a hang; one that refuses
 * the credentials says so, naming the host and the user. Only local addresses: a port just closed, a TCP server
 * that accepts and stays silent, and an HTTP server that answers as ClickHouse does to a wrong password.
 */
import { createServer as createHttpServer } from 'node:http';
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

  it("a server that refuses the credentials: the host, the user and the server's words, never the password", async () => {
    // ClickHouse's answer to a wrong password over HTTP (24.x): status 516 and its exception text.
    const http = createHttpServer((_req, res) => {
      res.writeHead(516, { 'X-ClickHouse-Exception-Code': '516', 'Content-Type': 'text/plain' });
      res.end(
        'Code: 516. DB::Exception: alice: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 24.8.4.13 (official build))\n',
      );
    });
    const port = await listen(http as unknown as Server);
    try {
      const e = await refusal(`clickhouse://alice:secret@127.0.0.1:${port}/db`);
      expect(e.code).toBe('TEN_ENGINE_REFUSED');
      expect(e.message).toContain(`127.0.0.1:${port}`);
      expect(e.message).toContain('alice');
      expect(e.message).toContain('Authentication failed');
      expect(e.message).not.toContain('secret');
    } finally {
      await new Promise((done) => http.close(done));
    }
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
