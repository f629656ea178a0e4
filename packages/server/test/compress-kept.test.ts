/**
 * Kept answers (cached views) go compressed to clients that accept it (brotli, else gzip), from the second
 * request on, and are byte for byte the plain answer once unpacked; other clients get the plain answer.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
}, 120_000);
afterAll(() => s?.close());

/** A raw GET (fetch would unpack the body and hide how it came). */
function get(
  path: string,
  encoding: string,
): Promise<{ coding: string | undefined; vary: string | undefined; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(`${s.url}${path}`, {
      headers: { authorization: `Bearer ${s.keys.analyst}`, 'accept-encoding': encoding },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        done({
          coding: res.headers['content-encoding'],
          vary: res.headers.vary as string | undefined,
          body: Buffer.concat(parts),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/** Asks until the compressed form is ready (it is made off the event loop after the first answer). */
async function compressed(path: string, encoding: string) {
  for (let i = 0; i < 100; i++) {
    const r = await get(path, encoding);
    if (r.coding) return r;
    await new Promise((go) => setTimeout(go, 20));
  }
  throw new Error(`${path} never came compressed`);
}

describe('kept answers', () => {
  for (const path of [
    '/api/v1/metrics',
    '/api/v1/metrics/churn_rate?by=region',
    '/api/v1/metrics/churn_rate?by=region&lang=zh',
  ]) {
    it(`are sent compressed to who accepts it, and unpack to the plain answer: ${path}`, async () => {
      const plain = await get(path, 'identity');
      expect(plain.coding).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(4096);
      const br = await compressed(path, 'gzip, deflate, br');
      expect(br.coding).toBe('br');
      expect(br.vary).toMatch(/accept-encoding/);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const gz = await get(path, 'gzip');
      expect(gz.coding).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      // Refused with q=0: plain again.
      expect((await get(path, 'gzip;q=0, br;q=0')).coding).toBeUndefined();
    });
  }
});
