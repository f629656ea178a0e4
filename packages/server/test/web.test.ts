/**
 * The dashboard's files at /: static files as they are, the dashboard's own paths falling back to
 * index.html, and API paths never falling back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let web: string;
let s: TestServer;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'tenure-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tenure</title><div id="root"></div>');
  writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log("tenure")');
  s = await startServer({ webDir: web });
});
afterAll(async () => {
  await s.close();
  rmSync(web, { recursive: true, force: true });
});

describe('dashboard files', () => {
  it('serves index.html at / and the assets as files', async () => {
    const c = new Client(s.url);
    const index = await c.get('/');
    expect([index.status, index.type.split(';')[0]]).toEqual([200, 'text/html']);
    expect(index.text).toContain('id="root"');
    const js = await c.get('/assets/index-abc123.js');
    expect([js.status, js.type.split(';')[0], js.text]).toEqual([
      200,
      'application/javascript',
      'console.log("tenure")',
    ]);
  });

  it("answers the dashboard's own paths with index.html, so a reload works", async () => {
    const r = await new Client(s.url).get('/customers/C0000001');
    expect(r.status).toBe(200);
    expect(r.text).toContain('id="root"');
  });

  it('never answers API paths with the page', async () => {
    const c = new Client(s.url, s.keys.viewer);
    expectProblem(await c.get('/api/v1/no-such-route'), 404, 'TEN_NOT_FOUND');
    expectProblem(await new Client(s.url).call('POST', '/customers'), 404, 'TEN_NOT_FOUND');
  });
});
