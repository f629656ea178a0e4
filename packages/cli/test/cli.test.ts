/**
 * The `tenure` command as a user runs it: a real child process, real workspaces in temp folders.
 * Usage and help, init, demo, status, rejects options, TENURE_WORKSPACE and a workspace held by another process.
 * Imports are in import.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  type DemoOut,
  expectHumanError,
  expectJsonError,
  fixture,
  holderScript,
  int,
  json,
  type RejectsOut,
  root,
  SLOW,
  type StatusOut,
  tempDir,
  tenure,
} from './helpers.ts';

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => cleanup(tmp));

describe('usage', SLOW, () => {
  it('--help, `help` and `help <command>` exit 0 and list the commands and options', async () => {
    const [top, helpImport] = await Promise.all([tenure(['--help']), tenure(['help', 'import'])]);
    for (const r of [top, helpImport]) expect(r.code, r.stderr).toBe(0);
    for (const c of ['init', 'demo', 'import', 'status', 'rejects']) expect(top.stdout).toContain(c);
    for (const o of ['--map', '--as-of', '--max-reject-rate', '--dry-run', '--encoding'])
      expect(helpImport.stdout).toContain(o);
  });

  it('an unknown command, an unknown option or no command at all is a usage error: exit 2', async () => {
    const [cmd, optJson, none] = await Promise.all([
      tenure(['bogus']),
      tenure(['--json', 'status', '--bogus']),
      tenure([]),
    ]);
    for (const r of [cmd, optJson, none]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: tenure');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(cmd.stdout).toBe('');
    // With --json, scripts also get the usage error as JSON on stdout.
    expect(json<{ error: { code: string } }>(optJson).error.code).toBe('TEN_USAGE');
  });
});

describe('init', SLOW, () => {
  it('creates a workspace, refuses to overwrite it (exit 5) and replaces it with --force', async () => {
    const ws = join(tmp, 'init-ws');
    const first = await tenure(['init', '--workspace', ws, '--json']);
    expect(first.code).toBe(0);
    const created = json<{ workspace: string; config: { currency: string; timezone: string } }>(first);
    expect(created.workspace).toBe(ws);
    expect(existsSync(join(ws, 'tenure.duckdb'))).toBe(true);
    expect(existsSync(join(ws, 'tenure.config.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ws, 'tenure.config.json'), 'utf8'))).toMatchObject(created.config);

    const again = await tenure(['init', '-w', ws, '--json']);
    expect(expectJsonError(again, 5, 'TEN_WORKSPACE_EXISTS').error.status).toBe(409);

    // Put data in, then --force: a fresh empty workspace with the new settings.
    expect((await tenure(['import', 'customers', fixture('customers.csv'), '-w', ws, '--json'])).code).toBe(0);
    const forced = await tenure(['init', '-w', ws, '--force', '--currency', 'CNY', '--timezone', 'Asia/Shanghai']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(ws);
    expect(JSON.parse(readFileSync(join(ws, 'tenure.config.json'), 'utf8'))).toMatchObject({
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
    });
    const st = json<StatusOut>(await tenure(['status', '-w', ws, '--json']));
    expect(st.entities.find((e) => e.entity === 'customers')?.rows).toBe(0);
  });
});

describe('demo and status', SLOW, () => {
  const demoArgs = ['demo', '--customers', '500', '--months', '12', '--json'];
  let a: string;
  let demoA: DemoOut;

  it('builds a workspace with rows in every table and ground truth; the same seed gives the same rows', async () => {
    a = join(tmp, 'demo-a');
    const [ra, rb] = await Promise.all([
      tenure([...demoArgs, '--seed', '7', '-w', a]),
      tenure([...demoArgs, '--seed', '7', '-w', join(tmp, 'demo-b')]),
    ]);
    for (const r of [ra, rb]) expect(r.code, r.stderr).toBe(0);
    demoA = json<DemoOut>(ra);
    expect(demoA.workspace).toBe(a);
    expect(demoA.customers).toBe(500);
    expect(demoA.rows.customers).toBe(500);
    for (const t of ['subscriptions', 'orders', 'activity', 'tickets', 'surveys', 'churn_events', 'costs', 'campaigns'])
      expect(demoA.rows[t], t).toBeGreaterThan(0);
    expect(demoA.groundTruthFile).toBe(join(a, 'ground-truth.json'));
    expect(JSON.parse(readFileSync(demoA.groundTruthFile, 'utf8'))).toBeTypeOf('object');
    expect(existsSync(join(a, 'tenure.duckdb'))).toBe(true);

    expect(json<DemoOut>(rb).rows).toEqual(demoA.rows);
  });

  it('refuses a bad option with exit 3 before creating anything, and an existing workspace without --force', async () => {
    const bad = join(tmp, 'demo-bad');
    const zero = join(tmp, 'demo-zero');
    const [abc, zeroRun, human, exists] = await Promise.all([
      tenure(['demo', '--customers', 'abc', '-w', bad, '--json']),
      tenure(['demo', '--customers', '0', '-w', zero, '--json']),
      tenure(['demo', '--seed', 'x', '-w', bad]),
      tenure(['demo', '--customers', '50', '--months', '2', '-w', a, '--json']),
    ]);
    const e = expectJsonError(abc, 3, 'TEN_BAD_OPTION');
    expect(e.error.message).toContain('abc'); // the value as typed, not NaN
    expectJsonError(zeroRun, 3, 'TEN_BAD_OPTION');
    expectHumanError(human, 3, 'TEN_BAD_OPTION');
    // No half-made workspace is left behind, so the corrected command is not refused as "exists".
    expect(existsSync(bad)).toBe(false);
    expect(existsSync(zero)).toBe(false);
    expectJsonError(exists, 5, 'TEN_WORKSPACE_EXISTS');
  });

  it('--lang zh builds the demo with Chinese regions, plans and reasons; a language it lacks is refused', async () => {
    const zh = join(tmp, 'demo-zh');
    const r = await tenure(['demo', '--lang', 'zh', '--customers', '300', '--months', '12', '-w', zh, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = await tenure([
      'metrics',
      'active_customers',
      '--by',
      'region',
      '--from',
      '2025-12',
      '--to',
      '2025-12',
      '-w',
      zh,
      '--json',
    ]);
    expect(m.code, m.stderr).toBe(0);
    const regions = json<{ segment: { region: string } }[]>(m).map((x) => x.segment.region);
    expect(regions.sort()).toEqual(['华东', '华中', '华北', '华南', '西部'].sort());
    expectJsonError(await tenure(['demo', '--lang', 'fr', '-w', join(tmp, 'demo-fr'), '--json']), 3, 'TEN_BAD_OPTION');
  });

  it('status --json gives rows and date ranges per entity and the latest monthly churn', async () => {
    const [jr, hr] = await Promise.all([
      tenure(['status', '-w', a, '--json']),
      tenure(['status', '-w', join(tmp, 'demo-b')]),
    ]);
    expect(jr.code, jr.stderr).toBe(0);
    const st = json<StatusOut>(jr);
    expect(st.workspace).toBe(a);
    // Every table the demo filled is listed with the same row count (entities added later may list 0 rows).
    const byEntity = new Map(st.entities.map((e) => [e.entity as string, e]));
    for (const [t, n] of Object.entries(demoA.rows)) expect(byEntity.get(t)?.rows, t).toBe(n);
    for (const t of ['customers', 'subscriptions', 'orders', 'churn_events'])
      expect(byEntity.get(t)?.from, t).not.toBeNull();
    for (const e of st.entities) {
      expect(e.rejectedRows).toBe(0);
      if (e.from === null || e.to === null) continue; // empty, or no date of its own (campaign_members)
      expect(e.from, e.entity).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(e.to, e.entity).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(e.from <= e.to, e.entity).toBe(true);
    }
    expect(st.churn).toEqual(demoA.churn);
    const c = st.churn;
    if (!c || c.rate === null) throw new Error('no churn rate after the demo');
    const rate = c.rate;
    expect(c.basis).toBe('subscriptions');
    expect(c.month).toMatch(/^\d{4}-\d{2}$/);
    expect(c.rate).toBeGreaterThan(0);
    expect(c.rate).toBeLessThan(0.2);
    expect(c.rate).toBeCloseTo(c.churned / c.activeAtStart, 10);

    // Human status of the same-seed twin: the table and the churn line with its numbers.
    expect(hr.code, hr.stderr).toBe(0);
    expect(hr.stderr).toBe('');
    for (const h of ['entity', 'rows', 'from', 'to', 'rejected']) expect(hr.stdout).toContain(h);
    for (const [t, n] of Object.entries(demoA.rows)) expect(hr.stdout).toMatch(new RegExp(`^${t} +${int(n)} `, 'm'));
    const churnLine = hr.stdout.split('\n').find((l) => l.startsWith(`Churn in ${c.month}`));
    expect(churnLine).toBeDefined();
    for (const s of [int(c.churned), int(c.activeAtStart), `${(100 * rate).toFixed(1)}%`, c.basis])
      expect(churnLine).toContain(s);
  });
});

describe('rejects options', SLOW, () => {
  it('a --batch or --limit that is not a positive integer is a bad option (core’s schema), not an empty list', async () => {
    const ws = join(tmp, 'demo-b');
    const [batch, limit, ok] = await Promise.all([
      tenure(['rejects', '-w', ws, '--batch', 'abc', '--json']),
      tenure(['rejects', '-w', ws, '--limit', '0']),
      tenure(['rejects', '-w', ws, '--json']),
    ]);
    for (const r of [batch, limit]) {
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(json<{ error: { code: string } }>(batch).error.code).toBe('TEN_BAD_OPTION');
    expect(ok.code, ok.stderr).toBe(0);
    expect(json<RejectsOut>(ok)).toEqual({ total: 0, rows: [] }); // the demo rejected nothing
  });
});

describe('TENURE_WORKSPACE', SLOW, () => {
  it('is the workspace when --workspace is omitted; --workspace wins over it', async () => {
    const ws = join(tmp, 'demo-a');
    const elsewhere = tempDir(); // run from a folder without a workspace, so the default could not be found
    const missing = join(tmp, 'no-such-workspace');
    try {
      const [fromEnv, override, notFound] = await Promise.all([
        tenure(['status', '--json'], { env: { TENURE_WORKSPACE: ws }, cwd: elsewhere }),
        tenure(['status', '--json', '-w', join(tmp, 'demo-b')], { env: { TENURE_WORKSPACE: missing }, cwd: elsewhere }),
        tenure(['status', '--json'], { env: { TENURE_WORKSPACE: missing }, cwd: elsewhere }),
      ]);
      expect(fromEnv.code, fromEnv.stderr).toBe(0);
      expect(json<StatusOut>(fromEnv).workspace).toBe(ws);
      expect(override.code).toBe(0);
      expect(json<StatusOut>(override).workspace).toBe(join(tmp, 'demo-b'));
      expect(expectJsonError(notFound, 4, 'TEN_WORKSPACE_NOT_FOUND').error.message).toContain(missing);
      expect(existsSync(missing)).toBe(false);
    } finally {
      cleanup(elsewhere);
    }
  });
});

describe('a workspace held by another process', SLOW, () => {
  let holder: ChildProcess | undefined;
  afterAll(() => {
    if (holder && holder.exitCode === null) holder.kill('SIGKILL');
  });

  /** Start the holder and resolve once it printed "ready" (the workspace is open and locked). */
  const hold = (ws: string) =>
    new Promise<ChildProcess>((done, fail) => {
      const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx/esm', holderScript, ws], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) done(child);
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('exit', (code) => fail(new Error(`holder exited with ${code} before it was ready:\n${err}`)));
    });

  it('is refused with exit 5 TEN_WORKSPACE_LOCKED, and works again once the holder stops', async () => {
    const ws = join(tmp, 'init-ws');
    holder = await hold(ws);
    const [st, human, imp, force] = await Promise.all([
      tenure(['status', '-w', ws, '--json']),
      tenure(['status', '-w', ws]),
      tenure(['import', 'customers', fixture('customers.csv'), '-w', ws, '--json']),
      tenure(['init', '-w', ws, '--force', '--json']),
    ]);
    expect(expectJsonError(st, 5, 'TEN_WORKSPACE_LOCKED').error.status).toBe(423);
    expectHumanError(human, 5, 'TEN_WORKSPACE_LOCKED');
    expectJsonError(imp, 5, 'TEN_WORKSPACE_LOCKED');
    // --force must not delete a workspace that another process has open.
    expectJsonError(force, 5, 'TEN_WORKSPACE_LOCKED');
    expect(existsSync(join(ws, 'tenure.duckdb'))).toBe(true);
    expect(existsSync(join(ws, 'tenure.config.json'))).toBe(true);

    const h = holder;
    const exited = new Promise((done) => h.once('exit', done));
    h.kill('SIGTERM');
    await exited;
    const after = await tenure(['status', '-w', ws, '--json']);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(json<StatusOut>(after).workspace).toBe(ws);
  });
});
