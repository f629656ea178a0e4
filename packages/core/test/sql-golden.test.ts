/**
 * The printed SQL of every metric × grain × engine, kept as golden files under sql-golden/<engine>/<metric>.<grain>.sql
 * (STYLE.md practice 7), so a change to the SQL any metric runs shows in review as a diff of these files.
 * A missing file is written and the test passes (commit it with the change that made it); a file that differs
 * fails, and the new text is written beside it as <name>.changed.sql (git-ignored): read the diff, then move it
 * over the golden if the change is meant. Under CI=true nothing is written and a missing file fails.
 * The SQL is printed without a database (`_normalizeQuery` + `_metricSql`), for the default config, the
 * subscriptions basis, no breakdown, three periods of each grain from 2024-01-01, and now = 2024-04-01.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Grain } from '../src/engine/dialect.ts';
import { type EngineName, engines } from '../src/engine/index.ts';
import { catalog, metricNames } from '../src/metrics/catalog.ts';
import { _metricSql, sqlListing } from '../src/metrics/metric-sql.ts';
import { _normalizeQuery } from '../src/metrics/query.ts';
import { parseConfig } from '../src/workspace/config.ts';
import { MIN_ENGINES } from './engine-suite.ts';

const GOLDEN = join(import.meta.dirname, 'sql-golden');
const inCi = !!process.env.CI && process.env.CI !== 'false';
const config = parseConfig('{}', 'tenure.config.json');

/** Three periods of each grain: enough to show the grid's parameters, short enough to read. */
const ranges: Record<Grain, { from: string; to: string }> = {
  day: { from: '2024-01-01', to: '2024-01-03' },
  week: { from: '2024-01-01', to: '2024-01-15' },
  month: { from: '2024-01', to: '2024-03' },
  quarter: { from: '2024-Q1', to: '2024-Q3' },
  year: { from: '2024', to: '2026' },
};

const engineNames = Object.keys(engines) as EngineName[];
const cases = engineNames.flatMap((engine) =>
  metricNames.flatMap((metric) => catalog[metric].grains.map((grain) => ({ engine, metric, grain }))),
);

function printed(engine: EngineName, metric: (typeof metricNames)[number], grain: Grain): string {
  const { dialect } = engines[engine];
  const asked = _normalizeQuery(config, { period: grain, ...ranges[grain], basis: 'subscriptions' }, []);
  return sqlListing(_metricSql(catalog[metric], { ...asked, basis: 'subscriptions' }, dialect));
}

describe('printed SQL goldens', () => {
  // The data-quality base binds the reference time (now): fixed here, so its golden does not change every second.
  beforeAll(() => {
    vi.useFakeTimers({ now: new Date('2024-04-01T00:00:00Z'), toFake: ['Date'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`cover at least ${MIN_ENGINES} engines`, () => {
    expect(engineNames.length).toBeGreaterThanOrEqual(MIN_ENGINES);
  });

  it.each(cases)('$engine/$metric.$grain.sql', ({ engine, metric, grain }) => {
    const text = printed(engine, metric, grain);
    const file = join(GOLDEN, engine, `${metric}.${grain}.sql`);
    if (!existsSync(file)) {
      if (inCi) expect.fail(`CI=true, but ${file} is missing: run this test locally and commit the file it writes`);
      mkdirSync(join(GOLDEN, engine), { recursive: true });
      writeFileSync(file, text);
      return;
    }
    const golden = readFileSync(file, 'utf8');
    const changed = file.replace(/\.sql$/, '.changed.sql');
    if (!inCi) {
      if (text === golden) rmSync(changed, { force: true });
      else writeFileSync(changed, text);
    }
    expect(text, `${file} changed: compare it with ${changed}`).toBe(golden);
  });

  it('hold no file for a metric, grain or engine that no longer exists', () => {
    const expected = new Set(cases.map((c) => `${c.engine}/${c.metric}.${c.grain}.sql`));
    const present = existsSync(GOLDEN)
      ? readdirSync(GOLDEN).flatMap((engine) =>
          readdirSync(join(GOLDEN, engine))
            .filter((f) => !f.endsWith('.changed.sql'))
            .map((f) => `${engine}/${f}`),
        )
      : [];
    expect(present.filter((f) => !expected.has(f))).toEqual([]);
  });
});
