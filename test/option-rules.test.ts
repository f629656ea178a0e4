/**
 * Rules live in core: the CLI parses its flags and the API its query string with the same core schema, so the
 * same bad value is refused by both with the same code (TEN_BAD_OPTION) and names the same option. The CLI is
 * the built `tenure`, the API a real server on 127.0.0.1. A rule kept in one shell only (the CLI once allowed a
 * 60-period forecast where the API stopped at 36) fails here.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  remedies?: { action: string; args?: Record<string, string> }[];
}

/** A request with a body of options (a fit, a training, an upload's options), sent by an analyst. */
interface Post {
  url: string;
  json?: unknown;
  /** An upload's `options` field. */
  upload?: Record<string, unknown>;
}

/** One rule: the same value given as a CLI flag and as an API query parameter or body field. */
interface Case {
  rule: string;
  option: string;
  cli: string[];
  api: string | Post;
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

/** Model, prediction and import options: the same rules, the same code, from the CLI and from the API. */
const runCases: Case[] = [
  {
    rule: 'survival time unit',
    option: 'unit',
    cli: ['survival', '--unit', 'fortnight'],
    api: '/api/v1/models/survival?unit=fortnight',
  },
  {
    rule: 'survival as-of month 13',
    option: 'as_of',
    cli: ['survival', '--as-of', '2024-13-01'],
    api: '/api/v1/models/survival?as_of=2024-13-01',
  },
  {
    rule: 'validation calibration end not a day',
    option: 'calibration_end',
    cli: ['models', 'validate', '--calibration-end', '30.09.1997'],
    api: '/api/v1/models/validate?calibration_end=30.09.1997',
  },
  {
    rule: 'fit: time unit',
    option: 'unit',
    cli: ['fit', 'km', '--unit', 'fortnight'],
    api: { url: '/api/v1/models/km/fit', json: { unit: 'fortnight' } },
  },
  {
    rule: 'fit: discount rate above 1',
    option: 'discount_rate',
    cli: ['fit', 'clv', '--discount', '2'],
    api: { url: '/api/v1/models/clv/fit', json: { discount_rate: 2 } },
  },
  {
    rule: 'sBG survivors that rise',
    option: 'survivors',
    cli: ['fit', 'sbg', '--survivors', '100,90,95'],
    api: { url: '/api/v1/models/sbg/survivors', json: { survivors: [100, 90, 95] } },
  },
  {
    rule: 'sBG survivors not numbers',
    option: 'survivors',
    cli: ['fit', 'sbg', '--survivors', '100,ninety,80'],
    api: { url: '/api/v1/models/sbg/survivors', json: { survivors: [100, 'ninety', 80] } },
  },
  {
    rule: 'churn model: tree depth not a number',
    option: 'max_depth',
    cli: ['model', 'train', '--depth', 'deep'],
    api: { url: '/api/v1/churn/train', json: { gbdt: { max_depth: 'deep' } } },
  },
  {
    rule: 'churn model: horizon under a week',
    option: 'horizon_days',
    cli: ['model', 'train', '--horizon', '3'],
    api: { url: '/api/v1/churn/train', json: { horizon_days: 3 } },
  },
  {
    rule: 'churn model: classifier',
    option: 'classifier',
    cli: ['model', 'evaluate', '--classifier', 'forest'],
    api: { url: '/api/v1/churn/train', json: { classifier: 'forest' } },
  },
  {
    rule: 'scoring day not on the calendar',
    option: 'as_of',
    cli: ['model', 'score', '--as-of', '2024-02-30'],
    api: { url: '/api/v1/churn/score', json: { as_of: '2024-02-30' } },
  },
  {
    rule: 'import: reject rate above 1',
    option: 'max_reject_rate',
    cli: ['import', 'customers', 'customers.csv', '--max-reject-rate', '1.5'],
    api: { url: '/api/v1/imports', upload: { max_reject_rate: 1.5 } },
  },
  {
    rule: 'import: reject rate not a number',
    option: 'max_reject_rate',
    cli: ['import', 'customers', 'customers.csv', '--max-reject-rate', 'abc'],
    api: { url: '/api/v1/imports', upload: { max_reject_rate: 'abc' } },
  },
];

let s: TestServer;
let viewer: Client;
let analyst: Client;
let dir: string;

beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
  analyst = new Client(s.url, s.keys.analyst);
  // The CLI's own workspace: DuckDB lets one process hold a file, and the server holds its own.
  dir = mkdtempSync(join(tmpdir(), 'tenure-option-rules-'));
  const ws = await initWorkspace(dir);
  await generateDemo(ws, { customers: 200, months: 24, seed: 5 });
  await ws.close();
  // A file for the import cases: the option is refused before it is read.
  writeFileSync(join(dir, 'customers.csv'), 'customer_id\nC1\n');
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The API's answer to a case: a GET of its query, or an analyst's POST of its body or upload. */
function ask(api: Case['api']) {
  if (typeof api === 'string') return viewer.get<Refusal>(api);
  if (!api.upload) return analyst.call<Refusal>('POST', api.url, { json: api.json });
  const form = new FormData();
  form.set('entity', 'customers');
  form.set('options', JSON.stringify(api.upload));
  form.set('file', new Blob(['customer_id\nC1\n']), 'customers.csv');
  return analyst.call<Refusal>('POST', api.url, { form });
}

describe('one option rule for the CLI and the API', SLOW, () => {
  it.each([...cases, ...runCases])('$rule: both refuse it with TEN_BAD_OPTION naming $option', async (c) => {
    const [cli, api] = await Promise.all([tenure([...c.cli, '-w', dir, '--json'], { cwd: dir }), ask(c.api)]);
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

  it.each([
    ['customers', ['--customers', 'abc']],
    ['months', ['--months', '0']],
    ['seed', ['--seed', '1.5']],
    ['lang', ['--lang', 'fr']],
  ])('the demo refuses a bad %s with TEN_BAD_OPTION, naming it, before anything is written', async (option, flags) => {
    const target = join(dir, `demo-${option}`);
    const r = await tenure(['demo', ...flags, '-w', target, '--json']);
    expect(r.code, r.stdout).toBe(3);
    const e = json<{ error: Refusal }>(r).error;
    expect(e.code).toBe('TEN_BAD_OPTION');
    expect(e.fixes?.map((f) => f.option)).toEqual([option]);
    expect(e.hint).toContain(`--${option}`);
    expect(existsSync(target)).toBe(false);
  });

  it('a refused list value is named as given, once or repeated (`?stage=nowhere` once said `""`)', async () => {
    const [once, repeated] = await Promise.all([
      viewer.get<Refusal>('/api/v1/cases?stage=nowhere'),
      viewer.get<Refusal>('/api/v1/cases?stage=received&stage=nowhere'),
    ]);
    for (const r of [once, repeated]) {
      expect(r.status, r.text).toBe(400);
      expect(r.body.code).toBe('TEN_BAD_OPTION');
      expect(r.body.fixes).toEqual([expect.objectContaining({ option: 'stage', value: 'nowhere' })]);
    }
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

describe('a remedy, named by core, worded by each shell', SLOW, () => {
  it('the CLI names the command, in English and Chinese', async () => {
    for (const lang of ['en', 'zh']) {
      const r = await tenure(['model', 'score', '--lang', lang, '-w', dir, '--json']);
      expect(r.code, r.stdout).toBe(4);
      const e = json<{ error: Refusal }>(r).error;
      expect(e.code).toBe('TEN_PREDICT_NO_MODEL');
      expect(e.remedies).toEqual([{ action: 'train_model' }]);
      expect(e.hint).toContain('`tenure model train`');
    }
  });

  it('the API names the route; to the dashboard it sends the remedy as data, with no route and no command', async () => {
    const [api, web, fit] = await Promise.all([
      viewer.get<Refusal>('/api/v1/customers/NOBODY'),
      viewer.call<Refusal>('GET', '/api/v1/customers/NOBODY', {}, { headers: { 'x-tenure-client': 'web' } }),
      viewer.get<Refusal>('/api/v1/models/clv/latest'),
    ]);
    expect([api.body.code, web.body.code]).toEqual(['TEN_CUSTOMER_NOT_FOUND', 'TEN_CUSTOMER_NOT_FOUND']);
    expect(api.body.remedies).toEqual([{ action: 'find_customer' }]);
    expect(web.body.remedies).toEqual([{ action: 'find_customer' }]);
    expect(api.body.hint).toContain('/api/v1/customers');
    expect(web.body.hint).not.toMatch(/\/api\/|tenure |--[a-z]/);
    expect(fit.body.code).toBe('TEN_MODEL_NO_RUN');
    expect(fit.body.remedies).toEqual([{ action: 'fit_model', args: { model: 'clv' } }]);
    expect(fit.body.hint).toContain('POST /api/v1/models/clv/fit');
    expect(fit.body.hint).not.toMatch(/tenure |--[a-z]/);
  });

  it("a fit's own remedy (a later as-of date): the CLI names the flag, the API the parameter, the dashboard neither", async () => {
    const url = '/api/v1/models/survival?as_of=1990-01-01';
    const [cli, api, web] = await Promise.all([
      tenure(['survival', '--as-of', '1990-01-01', '-w', dir, '--json']),
      viewer.get<Refusal>(url),
      viewer.call<Refusal>('GET', url, {}, { headers: { 'x-tenure-client': 'web' } }),
    ]);
    const fromCli = json<{ error: Refusal }>(cli).error;
    for (const r of [fromCli, api.body, web.body]) {
      expect(r.code).toBe('TEN_MODEL_INSUFFICIENT_DATA');
      expect(r.remedies).toEqual([{ action: 'later_as_of' }]);
    }
    expect(fromCli.hint).toContain('--as-of');
    expect(api.body.hint).toContain('as_of');
    expect(api.body.hint).not.toMatch(/--[a-z]/);
    expect(web.body.hint).not.toMatch(/\/api\/|tenure |--[a-z]|as_of/);
  });
});
