/**
 * The OpenAPI 3 document: generated from the same zod schemas the server validates with, it must list every
 * route of the registry with its parameters, responses and security, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/index.ts';
import { Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
type Operation = {
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, unknown>;
};
let doc: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

beforeAll(async () => {
  s = await startServer();
  const r = await new Client(s.url).get<typeof doc>('/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(() => s.close());

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is OpenAPI 3 with both security schemes', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d$/);
    expect(doc.info).toMatchObject({ title: 'Tenure API', version: expect.any(String) });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth']);
  });

  it('lists exactly the routes of the registry', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const served = routeTable().map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('gives every operation its path parameters, a success and a problem response, a tag and its security', () => {
    for (const r of routeTable()) {
      const path = openApiPath(r.url);
      const op = doc.paths[path]?.[r.method.toLowerCase()] as Operation;
      const what = `${r.method} ${path}`;
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? [], what).toEqual(inPath);
      expect(
        Object.keys(op.responses).some((c) => /^2\d\d$/.test(c)),
        what,
      ).toBe(true);
      expect(Object.keys(op.responses), what).toContain('4XX');
      expect(op.tags?.length, what).toBe(1);
      expect(op.security, what).toEqual(r.access === 'anyone' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }]);
    }
  });

  it('names every parameter and property in snake_case (docs/api.md), bar the models’ T', () => {
    const names: string[] = [];
    const walk = (node: unknown, key: string): void => {
      if (!node || typeof node !== 'object') return;
      // Path, query and header parameters by name; the properties of bodies and responses by key.
      if (key === 'parameters' && Array.isArray(node)) names.push(...(node as { name: string }[]).map((p) => p.name));
      if (key === 'properties') names.push(...Object.keys(node));
      for (const [k, v] of Object.entries(node)) walk(v, Array.isArray(node) ? '' : k);
    };
    walk(doc.paths, 'paths');
    expect(names.length).toBeGreaterThan(300); // the walk saw the document
    // Allowed as in core's wire.test.ts: the BG/NBD paper's T, and the language tag zh-CN keying bilingual texts.
    const other = [...new Set(names)].filter((n) => !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(n) && n !== 'T' && n !== 'zh-CN');
    expect(other).toEqual([]);
  });

  it('has no dangling references', () => {
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = (ref as string).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('is browsable at /api/docs without logging in', async () => {
    const r = await new Client(s.url).get('/api/docs');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html/);
  });
});
