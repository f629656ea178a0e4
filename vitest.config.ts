import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the `source` condition and dist/ by default:
// tests run the sources, so they never see a stale build (the CLI tests run the built `tenure`: test/build.ts builds it first).
const conditions = ['source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test file opens its own DuckDB files; two forks match the two cores of CI machines.
    globalSetup: ['./test/build.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
