/**
 * A metric is one file in src/metrics/ plus one line in catalog.ts; this scan makes the line impossible to
 * forget. Every module of the folder is loaded and every metric it exports (an object made by defineMetric) must
 * be the catalogue's entry under its id. No list of "infrastructure" files to keep up: a module that exports no
 * metric has nothing to register.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/metrics/catalog.ts';

const dir = join(import.meta.dirname, '..', 'src', 'metrics');
const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** What defineMetric returns: an id, a base, titles and a value function. */
const isMetric = (v: unknown): v is { id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  typeof (v as { base?: unknown }).base === 'string' &&
  typeof (v as { value?: unknown }).value === 'function' &&
  typeof (v as { title?: unknown }).title === 'object';

describe('the metric catalogue', () => {
  it('registers every metric a file in src/metrics/ defines, under its id', async () => {
    const found: { file: string; id: string; registered: boolean }[] = [];
    for (const file of modules) {
      const mod = (await import(join(dir, file))) as Record<string, unknown>;
      for (const v of Object.values(mod).filter(isMetric)) {
        found.push({ file, id: v.id, registered: Object.hasOwn(catalog, v.id) && catalog[v.id as never] === v });
      }
    }
    expect(found.filter((f) => !f.registered)).toEqual([]);
    // The scan saw every registered metric, so it cannot pass by finding none.
    expect(new Set(found.map((f) => f.id))).toEqual(new Set(Object.keys(catalog)));
  });
});
