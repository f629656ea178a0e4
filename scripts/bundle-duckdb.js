// Build step (the root `build` script, after `tsc -b`): bundles the JavaScript of @duckdb/node-api, ~180 CommonJS
// files, into one file in core's dist/, which the DuckDB connection loads instead of the package. Resolving, reading
// and wrapping those files one by one cost every command that opens a workspace 60–150 ms, half of a `tenure
// status` (issue 11 §3). The native binding (@duckdb/node-bindings) stays outside, loaded as the package loads it.
// Plain JavaScript, so `npm ci` runs it on every supported Node without a TypeScript loader.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const core = join(import.meta.dirname, '..', 'packages', 'core');
/** Where connection.ts looks for it (dist/engine/duckdb/ → dist/vendor/). */
const outfile = join(core, 'dist', 'vendor', 'duckdb-node-api.cjs');

// The package core depends on, resolved as core resolves it.
const entry = createRequire(join(core, 'package.json')).resolve('@duckdb/node-api');
const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));

const { outputFiles } = await build({
  entryPoints: [entry],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@duckdb/node-bindings'],
  banner: { js: `// ${pkg.name} ${pkg.version} (${pkg.license}), bundled by scripts/bundle-duckdb.js` },
  logLevel: 'warning',
});

// Written only when it changed, aside and then renamed: vitest's global setup runs this before every test run,
// and a `tenure` of another run may be reading the file at that moment.
const [bundle] = outputFiles;
let current = '';
try {
  current = readFileSync(outfile, 'utf8');
} catch {
  // not built yet
}
if (bundle.text !== current) {
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(`${outfile}.${process.pid}`, bundle.contents);
  renameSync(`${outfile}.${process.pid}`, outfile);
}
