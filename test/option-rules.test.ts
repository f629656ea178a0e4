/**
 * Rules live in core: the CLI parses its flags and the API its query string with the same core schema, so the
 * same bad value is refused by both with the same code (TEN_BAD_OPTION) and names the same option. The CLI is
 * the built `tenure`, the API a real server on 127.0.0.1. A rule kept in one shell only (the CLI once allowed a
 * 60-period forecast where the API stopped at 36) fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, initWorkspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, SLOW, tenure } from '../packages/cli/test/helpers.ts';
import { Client, startServer, type TestServer } from '../packages/server/test/helpers.ts';

interface Fix {
  option: string;
  value: string;
}
interface Refusal {
  code: string;
  hint: string;
  fixes?: Fix[];
}

/** One rule: the same value given as a CLI flag and as an API query parameter. */
interface Case {
  rule: string;
  option: string;
  cli: string[];
  api: string;
}

const metric = (flags: string[], query: string): Pick<Case, 'cli' | 'api'> => ({
  cli: ['metrics', 'churn_rate', ...flags],
  api: `/api/v1/metrics/churn_rate?${query}`,
});

const cases: Case[] = [
  { rule: 'forecast above 36', option: 'forecast', ...metric(['--forecast', '37'], 'forecast=37') },
  {
    rule: 'forecast of 60 (the CLI once allowed it)',
    option: 'forecast',
    ...metric(['--forecast', '60'], 'forecast=60'),
  },
  { rule: 'forecast below 0', option: 'forecast', ...metric(['--forecast=-1'], 'forecast=-1') },
  { rule: 'forecast not whole', option: 'forecast', ...metric(['--forecast', '1.5'], 'forecast=1.5') },
  { rule: 'forecast not a number', option: 'forecast', ...metric(['--forecast', 'soon'], 'forecast=soon') },
  { rule: 'unknown grain', option: 'period', ...metric(['--period', 'fortnight'], 'period=fortnight') },
  { rule: 'month 13', option: 'from', ...metric(['--from', '2024-13'], 'from=2024-13') },
  { rule: 'a day the calendar lacks', option: 'to', ...metric(['--to', '2024-02-30'], 'to=2024-02-30') },
  { rule: 'not a period', option: 'from', ...metric(['--from', 'last year'], 'from=last%20year') },
  {
    rule: 'a grain the metric is not defined for',
    option: 'period',
    cli: ['metrics', 'average_lifetime', '--period', 'week'],
    api: '/api/v1/metrics/average_lifetime?period=week',
  },
  { rule: 'unknown basis', option: 'basis', ...metric(['--basis', 'events'], 'basis=events') },
  { rule: 'filter without a value', option: 'filter', ...metric(['--filter', 'region'], 'filter=region') },
  { rule: 'report format', option: 'format', cli: ['report', '--format', 'pdf'], api: '/api/v1/report?format=pdf' },
  { rule: 'report language', option: 'lang', cli: ['report', '--lang', 'fr'], api: '/api/v1/report?lang=fr' },
  { rule: 'report month', option: 'from', cli: ['report', '--from', '2024-13'], api: '/api/v1/report?from=2024-13' },
  {
    rule: 'page size 0',
    option: 'page_size',
    cli: ['rejects', '--limit', '0'],
    api: '/api/v1/imports/1/rejects?page_size=0',
  },
  {
    rule: 'page size above 500',
    option: 'page_size',
    cli: ['rejects', '--limit', '501'],
    api: '/api/v1/imports/1/rejects?page_size=501',
  },
];

let s: TestServer;
let viewer: Client;
let dir: string;

beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
  // The CLI's own workspace: DuckDB lets one process hold a file, and the server holds its own.
  dir = mkdtempSync(join(tmpdir(), 'tenure-option-rules-'));
  const ws = await initWorkspace(dir);
  await generateDemo(ws, { customers: 200, months: 24, seed: 5 });
  await ws.close();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one option rule for the CLI and the API', SLOW, () => {
  it.each(cases)('$rule: both refuse it with TEN_BAD_OPTION naming $option', async (c) => {
    const [cli, api] = await Promise.all([tenure([...c.cli, '-w', dir, '--json']), viewer.get<Refusal>(c.api)]);
    const fromCli = json<{ error: Refusal }>(cli).error;
    expect(cli.code, cli.stdout).toBe(3);
    expect(api.status, api.text).toBe(400);
    expect(fromCli.code).toBe('TEN_BAD_OPTION');
    expect(api.body.code).toBe('TEN_BAD_OPTION');
    expect(fromCli.fixes?.map((f) => f.option)).toContain(c.option);
    expect(api.body.fixes?.map((f) => f.option)).toContain(c.option);
    // Each shell words the fix itself: the CLI names its flag, the API never does.
    expect(fromCli.hint).toMatch(/--[a-z]/);
    expect(api.body.hint).not.toMatch(/--[a-z]/);
  });

  it('the limit itself is allowed by both: a 36-period forecast and a 500-row page', async () => {
    // One CLI at a time: both open the workspace.
    const cli = await tenure(['metrics', 'churn_rate', '--forecast', '36', '-w', dir, '--json']);
    const rejects = await tenure(['rejects', '--limit', '500', '-w', dir, '--json']);
    const api = await viewer.get('/api/v1/metrics/churn_rate?forecast=36');
    expect(cli.code, cli.stderr + cli.stdout).toBe(0);
    expect(api.status, api.text).toBe(200);
    expect(rejects.code, rejects.stderr + rejects.stdout).toBe(0);
  });
});
