/**
 * Start-up cost stays off commands that do not need it (issue 11 §3), checked on what a real `tenure` process
 * loads rather than on timings: loader hooks (record-modules.js) log every module it loads. `--help` must define
 * every command without zod, DuckDB or core's metric, model and prediction code; `status` must load no other
 * command's module, DuckDB's JavaScript as the build's one bundled file, read the schema version in one
 * statement, and not load the metric catalogue while its stored headline churn is current, nor zod while the
 * config is unchanged, and must recompute that figure after an import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixture, json, root, SLOW, type StatusOut, tempDir, tenure } from './helpers.ts';

const recorder = pathToFileURL(join(root, 'packages/cli/test/record-modules.js')).href;

let tmp: string;
let runs = 0;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => cleanup(tmp));

/** Run `tenure …` and return its result with the modules it loaded, as paths relative to the repository. */
async function loading(args: string[], env: Record<string, string> = {}) {
  const log = join(tmp, `modules-${++runs}.log`);
  writeFileSync(log, '');
  const run = await tenure(args, { env: { ...env, NODE_OPTIONS: `--import=${recorder}`, TENURE_MODULE_LOG: log } });
  const base = pathToFileURL(root).href;
  const loaded = readFileSync(log, 'utf8').split('\n');
  const modules = loaded.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length + 1));
  // Node's own modules imported from ESM (node:fs, …): some are not in Node's start-up snapshot and cost a compile.
  const builtins = loaded.filter((u) => u.startsWith('node:'));
  return { run, modules, builtins };
}

/**
 * What `tenure --help` loads of core besides the error table: the shell entry and the few small modules it names,
 * and the presentation layer (present/: languages, texts, units, formatters, labels), which the CLI's labels and
 * output helpers are built on: pure TypeScript over Intl, loading nothing else.
 */
const HELP_CORE = [
  'packages/core/dist/access/roles.js',
  'packages/core/dist/cases/workflow.js',
  'packages/core/dist/engine/dialect.js',
  'packages/core/dist/entries/shell.js',
  'packages/core/dist/ingest/formats.js',
  'packages/core/dist/metrics/activity-bases.js',
  'packages/core/dist/metrics/filter.js',
  'packages/core/dist/models/names.js',
  'packages/core/dist/models/time-units.js',
  'packages/core/dist/present/case-labels.js',
  'packages/core/dist/present/format.js',
  'packages/core/dist/present/index.js',
  'packages/core/dist/present/labels.js',
  'packages/core/dist/present/lang.js',
  'packages/core/dist/present/segment-labels.js',
  'packages/core/dist/present/text.js',
  'packages/core/dist/present/units.js',
  'packages/core/dist/schema/names.js',
  'packages/core/dist/sql/sql.js',
  'packages/core/dist/workspace/files.js',
];

/** The modules of a package under node_modules, or of a folder of core's build. */
const of = (modules: string[], prefix: string) => modules.filter((m) => m.startsWith(prefix));

describe('what a command loads', SLOW, () => {
  it('--help and a command’s --help load commander and core’s shell entry, never zod, DuckDB or core’s analysis code', async () => {
    for (const args of [['--help'], ['fit', '--help'], ['metrics', '--help'], ['cases', 'move', '--help']]) {
      const { run, modules, builtins } = await loading(args);
      expect(run.code, run.stderr).toBe(0);
      // The hooks saw the process: the CLI, commander and the shell entry are there.
      expect(modules).toContain('packages/cli/dist/main.js');
      expect(modules).toContain('packages/core/dist/entries/shell.js');
      expect(of(modules, 'node_modules/commander/').length).toBeGreaterThan(0);
      // Of node_modules, commander alone: no zod, DuckDB, chdb, exceljs or Fastify.
      expect(
        of(modules, 'node_modules/').filter((m) => !m.startsWith('node_modules/commander/')),
        args.join(' '),
      ).toEqual([]);
      // Nor node:readline (a password prompt) or node:crypto (serve's first admin), which cost a compile each.
      expect(
        builtins.filter((b) => /^node:(readline|crypto)/.test(b)),
        args.join(' '),
      ).toEqual([]);
      // Of core, only the error table and the few small modules the shell entry names, for every command's
      // definition (a command's --help loads its own: cli/src/registry.ts).
      const core = of(modules, 'packages/core/dist/').filter(
        (m) => !/^packages\/core\/dist\/(errors\.js|errors\/[a-z-]+\.js)$/.test(m),
      );
      if (args[0] === '--help') expect(core.sort()).toEqual(HELP_CORE);
      else {
        expect(HELP_CORE, args.join(' ')).toEqual(expect.arrayContaining(core));
        expect(of(modules, 'packages/cli/dist/commands/')).toEqual([`packages/cli/dist/commands/${args[0]}.js`]);
      }
    }
  });

  it('status reads its stored headline churn without the metric catalogue, and recomputes it after an import', async () => {
    const ws = join(tmp, 'ws');
    expect((await tenure(['init', '-w', ws])).code).toBe(0);
    expect((await tenure(['import', 'customers', fixture('customers.csv'), '-w', ws])).code).toBe(0);
    // Three subscriptions from January; one runs into March, so February is the last complete month.
    const subs = (ended: string) =>
      `subscription_id,customer_id,plan,started_at,ended_at,mrr\nS1,C1,basic,2024-01-01,2024-03-15,10\nS2,C2,basic,2024-01-01,${ended},10\nS3,C3,basic,2024-01-01,,10\n`;
    writeFileSync(join(tmp, 'subs-1.csv'), subs(''));
    writeFileSync(join(tmp, 'subs-2.csv'), subs('2024-02-10'));
    expect((await tenure(['import', 'subscriptions', join(tmp, 'subs-1.csv'), '-w', ws])).code).toBe(0);

    const first = await loading(['status', '-w', ws, '--json']);
    expect(json<StatusOut>(first.run).churn).toMatchObject({ month: '2024-02', churned: 0, activeAtStart: 3 });
    const again = await loading(['status', '-w', ws, '--json'], { TENURE_TRACE: '1' });
    expect(json<StatusOut>(again.run).churn).toEqual(json<StatusOut>(first.run).churn);
    // The first status computed the figure (the catalogue loaded); the second read it (no catalogue, yet DuckDB).
    expect(first.modules).toContain('packages/core/dist/metrics/catalog.js');
    expect(of(again.modules, 'node_modules/@duckdb/').length).toBeGreaterThan(0);
    // Of the commands' modules, status's alone (cli/src/registry.ts).
    expect(of(again.modules, 'packages/cli/dist/commands/')).toEqual(['packages/cli/dist/commands/status.js']);
    // DuckDB's JavaScript from the build's one-file bundle (scripts/bundle-duckdb.js), not its ~180 files.
    expect(again.modules).toContain('packages/core/dist/vendor/duckdb-node-api.cjs');
    expect(of(again.modules, 'node_modules/@duckdb/node-api/')).toEqual([]);
    for (const heavy of ['metrics/compute.js', 'metrics/catalog.js', 'models/catalog.js', 'predict/index.js'])
      expect(again.modules).not.toContain(`packages/core/dist/${heavy}`);
    // Nor zod: the config is unchanged since it was last checked, so the kept result is read (config-file.ts).
    expect(again.modules).toContain('packages/core/dist/workspace/config-file.js');
    expect(again.modules).not.toContain('packages/core/dist/workspace/config.js');
    expect(of(again.modules, 'node_modules/zod/')).toEqual([]);
    // And an up-to-date workspace opens with reads only: no migration transaction, no schema statement.
    const statements = again.run.stderr
      .split('\n')
      .filter((l) => l.startsWith('[trace]'))
      .map((l) => l.replace(/^\[trace\]\s+[\d.]+\s+[\d.]+ ms\s+/, ''));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((q) => !/^(SELECT|WITH|SET) /.test(q))).toEqual([]);
    // The schema version is one read (migrations/run.ts), not a catalog lookup and then a read.
    expect(statements.filter((q) => /schema_migrations/.test(q))).toHaveLength(1);

    // S2 now ends in February: the stored 0 % would be stale, and the catalogue agrees with the new figure.
    expect((await tenure(['import', 'subscriptions', join(tmp, 'subs-2.csv'), '-w', ws])).code).toBe(0);
    const after = json<StatusOut>(await tenure(['status', '-w', ws, '--json'])).churn;
    expect(after).toMatchObject({ month: '2024-02', churned: 1, activeAtStart: 3 });
    const [metric] = json<{ value: number }[]>(
      await tenure(['metrics', 'churn_rate', '--from', '2024-02', '--to', '2024-02', '-w', ws, '--json']),
    );
    expect(after?.rate).toBe(metric?.value);
  });
});
