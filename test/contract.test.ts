/**
 * One API contract for server and dashboard. The server validates each response with a zod schema from
 * `@tenure/core/api`; the dashboard's types are derived from the same schemas (`web/src/api/types.ts`), so a
 * changed schema fails the dashboard's type-check where a page reads what is no longer sent. What tsc cannot
 * see is the pairing of a route with its schema: the web client's endpoint map must name, for every route the
 * server registers, the very schema object that route answers with, and no route the server does not have.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeGroups } from '../packages/server/src/routes/index.ts';
import { endpoints, queries } from '../packages/web/src/api/endpoints.ts';

type Schemas = Record<string, unknown>;

/** A route's success response schema; a route with several content types (the report) answers JSON with its schema. */
function successSchema(response: Schemas | undefined): unknown[] {
  return Object.entries(response ?? {})
    .filter(([status]) => status.startsWith('2'))
    .map(([, s]) => {
      const content = (s as { content?: Record<string, { schema: unknown }> }).content;
      return content ? content['application/json']?.schema : s;
    });
}

const served = Object.values(routeGroups).flatMap((g) =>
  g.routes.flatMap((r) =>
    [r.method].flat().map((method) => ({
      key: `${method} ${g.prefix}${r.url}`,
      schemas: successSchema((r.schema as { response?: Schemas } | undefined)?.response),
      query: (r.schema as { querystring?: unknown } | undefined)?.querystring,
    })),
  ),
);

describe('the API contract', () => {
  it('every route declares exactly one success response schema', () => {
    const without = served.filter((r) => r.schemas.length !== 1 || r.schemas[0] === undefined).map((r) => r.key);
    expect(without).toEqual([]);
    expect(served.length).toBeGreaterThan(40); // the walk saw the registry
  });

  it('the web client’s endpoint map names every route, with the schema the server answers with', () => {
    const mapped = endpoints as Record<string, unknown>;
    expect(Object.keys(mapped).sort()).toEqual(served.map((r) => r.key).sort());
    const differ = served.filter((r) => mapped[r.key] !== r.schemas[0]).map((r) => r.key);
    expect(differ).toEqual([]);
  });

  it('the query-string map names every route that takes one, with the schema the server parses it with', () => {
    const mapped = queries as Record<string, unknown>;
    const taking = served.filter((r) => r.query !== undefined);
    expect(Object.keys(mapped).sort()).toEqual(taking.map((r) => r.key).sort());
    expect(taking.filter((r) => mapped[r.key] !== r.query).map((r) => r.key)).toEqual([]);
  });

  it('the dashboard takes the contract as types only: no schema, zod or Node code reaches its bundle', () => {
    const src = join(import.meta.dirname, '..', 'packages', 'web', 'src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
      });
    const bad: string[] = [];
    for (const f of files(src)) {
      const name = relative(src, f);
      for (const m of readFileSync(f, 'utf8').matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)) {
        const [, typeOnly, spec = ''] = m;
        if (spec === '@tenure/core') bad.push(`${name} imports @tenure/core (DuckDB and Node), not @tenure/core/api`);
        const contract = spec === '@tenure/core/api' || spec.endsWith('/endpoints.ts') || spec === 'zod';
        if (contract && !typeOnly && name !== join('api', 'endpoints.ts'))
          bad.push(`${name} imports ${spec} as values`);
      }
    }
    expect(bad).toEqual([]);
  });
});
