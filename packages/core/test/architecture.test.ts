import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === 'node_modules' || n === 'dist') return []; // dist/ is compiled from src/
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js)$/.test(n) ? [p] : [];
  });
}

const importsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);

const bare = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);

/** Subpaths a package declares in its `exports` (`@tenure/core/shell`): public entries, not deep imports. */
const entryPoints = new Set(
  readdirSync(join(root, 'packages')).flatMap((pkg) => {
    const manifest = join(root, 'packages', pkg, 'package.json');
    const { name, exports = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    return Object.keys(exports)
      .filter((k) => k !== '.')
      .map((k) => `${name}/${k.slice(2)}`);
  }),
);

describe('architecture', () => {
  for (const pkg of ['core', 'cli', 'server']) {
    it(`packages/${pkg} imports only its declared dependencies and node built-ins`, () => {
      const dir = join(root, 'packages', pkg);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const allowed = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
        'vitest',
      ]);
      const bad: string[] = [];
      for (const f of files(dir)) {
        for (const spec of importsOf(f)) {
          if (spec.startsWith('.') || spec.startsWith('node:')) continue;
          if (!allowed.has(bare(spec))) bad.push(`${relative(root, f)} imports ${spec}`);
          if (spec.startsWith('@tenure/') && spec.split('/').length > 2 && !entryPoints.has(spec))
            bad.push(`${relative(root, f)} deep-imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('core never reaches into another package by path', () => {
    const core = join(root, 'packages', 'core');
    const bad = files(join(core, 'src')).filter((f) =>
      importsOf(f).some((s) => s.startsWith('.') && relative(core, resolve(dirname(f), s)).startsWith('..')),
    );
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });

  // The dashboard compiles and bundles these entries: they reach no package but the ones named (type-only imports
  // count: the web's tsc follows them too, without Node's types).
  it.each([
    ['api', ['zod']],
    ['present', []],
  ])('core/src/%s, which the dashboard compiles, reaches only %j, through every import', (entry, allowed) => {
    const seen = new Set<string>();
    const outside: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else if (!allowed.includes(spec)) outside.push(`${relative(root, file)} imports ${spec}`);
      }
    };
    visit(join(root, 'packages', 'core', 'src', entry, 'index.ts'));
    expect(outside).toEqual([]);
    expect(seen.size).toBeGreaterThan(4); // the walk followed the entry's own files
  });

  it('the schema layer is pure data: it imports nothing from engine, ingest or workspace', () => {
    const bad = files(join(root, 'packages', 'core', 'src', 'schema')).filter((f) =>
      importsOf(f).some((s) => /\/(engine|ingest|workspace)\//.test(s)),
    );
    expect(bad).toEqual([]);
  });
});
