/**
 * Vitest global setup: bring dist/ up to date before any test runs, as `npm run build` does. The CLI tests run the
 * built `tenure` as a user does, so a source edit must reach dist/ first; `tsc -b` is incremental, a no-op when
 * nothing changed.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function build(): void {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (e) {
    // Type errors still emit JavaScript (the type-check step of `npm test` reports them): say so, run the tests.
    process.stderr.write(`tsc -b reported errors; dist/ was written anyway:\n${(e as { stdout?: Buffer }).stdout}\n`);
  }
  // The rest of `npm run build`: the DuckDB binding's JavaScript in one file, which the built CLI loads.
  execFileSync(process.execPath, [join(root, 'scripts/bundle-duckdb.js')], { cwd: root, stdio: 'pipe' });
}
