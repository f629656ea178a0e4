/**
 * Multipart imports over real HTTP: a mapping preview of a GBK file with Chinese headers, an import job
 * with progress and rejects, a refused import, and the upload limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe as describeError, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'ingest');
const UPLOAD_LIMIT = 20 * 1024 * 1024;

let s: TestServer;
let analyst: Client;
beforeAll(async () => {
  s = await startServer({ maxUploadBytes: UPLOAD_LIMIT });
  analyst = new Client(s.url, s.keys.analyst);
});
afterAll(() => s.close());

type Summary = {
  status: string;
  encoding: string;
  mapping: { field: string; header: string }[];
  preview?: Record<string, unknown>[];
  rows_new: number;
  rows_rejected: number;
  file: string;
  problems?: { example: string }[];
};
type Job = { state: string; progress: { phase: string; percent: number }; summary?: Summary; error?: { code: string } };

function form(entity: string, name: string, content: string | Buffer, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('entity', entity);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([content]), name);
  return f;
}

/** Orders with Chinese headers; `bad` lines (1-based data rows) get an impossible date. */
function ordersCsv(n: number, bad: number[]): string {
  const lines = ['订单号,客户编号,订单日期,金额'];
  for (let i = 1; i <= n; i++)
    lines.push(
      `UP-${i},C0000${String(1 + (i % 300)).padStart(3, '0')},${bad.includes(i) ? '2025-02-30' : '2025-03-04'},${(i % 97) + 0.5}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Poll a job until it ends; the states, and the phases reported while running, seen on the way. */
async function follow(jobId: string): Promise<{ job: Job; seen: Set<string> }> {
  const seen = new Set<string>();
  for (;;) {
    const r = await analyst.get<Job>(`/api/v1/imports/${jobId}`);
    seen.add(r.body.state);
    if (r.body.state === 'running') seen.add(`running:${r.body.progress.phase}`);
    if (r.body.state === 'done' || r.body.state === 'failed') return { job: r.body, seen };
    await sleep(20);
  }
}

type Preview = {
  columns: string[];
  mapping: { field: string; header: string }[];
  missing: string[];
  max_reject_rate: number;
  refused: boolean;
  summary: Summary | null;
};

/** Members with a card number no alias knows; `bad` data rows (1-based) get an impossible date. */
function membersCsv(bad: number[]): string {
  const rows = [1, 2, 3, 4, 5].map((i) => `M-${i},会员${i},${bad.includes(i) ? '2024-02-30' : `2024-03-0${i}`},华东`);
  return `会员卡号,客户名称,注册日期,地区\n${rows.join('\n')}\n`;
}

describe('import preview', () => {
  it('maps the Chinese headers of a GBK file and shows the first rows without writing anything', async () => {
    const file = readFileSync(join(fixtures, 'customers-gbk.csv'));
    const r = await analyst.call<Preview>('POST', '/api/v1/imports/preview', {
      form: form('customers', '客户.csv', file),
    });
    expect(r.status).toBe(200);
    expect(r.body.missing).toEqual([]);
    expect(r.body.summary).toMatchObject({ status: 'dry-run', file: '客户.csv' });
    expect(r.body.summary?.encoding).toMatch(/^gb/);
    expect(r.body.summary?.mapping).toEqual(
      expect.arrayContaining([
        { field: 'customer_id', header: '客户编号' },
        { field: 'created_at', header: '注册日期' },
        { field: 'region', header: '地区' },
      ]),
    );
    expect(r.body.summary?.preview?.map((p) => p.region)).toEqual(['华东', '华北', '华南']);
    const [n] = await s.ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM customers WHERE customer_id LIKE 'G%'`);
    expect(n?.n).toBe(0);
  });

  it('lists the columns and the missing field of a file no alias maps, instead of refusing it', async () => {
    const r = await analyst.call<Preview>('POST', '/api/v1/imports/preview', {
      form: form('customers', 'members.csv', membersCsv([])),
    });
    expect(r.status).toBe(200);
    expect(r.body.columns).toEqual(['会员卡号', '客户名称', '注册日期', '地区']);
    expect(r.body.missing).toEqual(['customer_id']);
    expect(r.body.mapping).toEqual(expect.arrayContaining([{ field: 'created_at', header: '注册日期' }]));
    expect(r.body.summary).toBeNull();
  });

  it('says the import would be refused at the reject limit, and not once the limit is raised', async () => {
    const send = (options: object) =>
      analyst.call<Preview>('POST', '/api/v1/imports/preview', {
        form: form('customers', 'members.csv', membersCsv([3]), {
          map: JSON.stringify({ customer_id: '会员卡号' }),
          options: JSON.stringify(options),
        }),
      });
    const strict = await send({});
    expect(strict.body).toMatchObject({ missing: [], max_reject_rate: 0.05, refused: true });
    expect(strict.body.summary).toMatchObject({ rows_read: 5, rows_rejected: 1 });
    const lenient = await send({ max_reject_rate: 0.25 });
    expect(lenient.body).toMatchObject({ max_reject_rate: 0.25, refused: false });
  });
});

describe('import jobs', () => {
  it('run in the background with progress, load the good rows and list the rejects by line', async () => {
    const n = 150_000;
    const start = await analyst.call<{ job_id: string }>('POST', '/api/v1/imports', {
      form: form('orders', '订单.csv', ordersCsv(n, [7, 1000])),
    });
    expect(start.status).toBe(202);
    const { job, seen } = await follow(start.body.job_id);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    // importFile's phases show while the job runs (the file is large enough to be caught between polls).
    expect(
      [...seen].some((x) => /^running:(read|load)$/.test(x)),
      [...seen].join(),
    ).toBe(true);
    expect(job.progress).toEqual({ phase: 'done', percent: 100 });
    expect(job.summary).toMatchObject({ status: 'loaded', rows_new: n - 2, rows_rejected: 2, file: '订单.csv' });
    const rejects = await analyst.get<{ total: number; rows: { line: number; code: string; column: string }[] }>(
      `/api/v1/imports/${start.body.job_id}/rejects`,
    );
    // Line numbers as a spreadsheet shows them: the header is line 1.
    expect(rejects.body.rows.map((x) => [x.line, x.code, x.column])).toEqual([
      [8, 'TEN_ROW_BAD_DATE', '订单日期'],
      [1001, 'TEN_ROW_BAD_DATE', '订单日期'],
    ]);
    const batches = await analyst.get<{ rows: { file_name: string; rows_loaded: number }[] }>(
      '/api/v1/imports?page_size=1',
    );
    expect(batches.body.rows[0]).toMatchObject({ file_name: '订单.csv', rows_loaded: n - 2 });
  });

  it('a file with too many bad rows loads nothing; the job fails with the code and keeps its rejects', async () => {
    const start = await analyst.call<{ job_id: string }>('POST', '/api/v1/imports', {
      form: form('orders', 'bad.csv', ordersCsv(20, [1, 2, 3]), { options: JSON.stringify({ max_reject_rate: 0.1 }) }),
    });
    const { job } = await follow(start.body.job_id);
    expect(job).toMatchObject({
      state: 'failed',
      error: { code: 'TEN_IMPORT_TOO_MANY_REJECTS' },
      summary: { status: 'refused' },
    });
    expect((await analyst.get<{ total: number }>(`/api/v1/imports/${start.body.job_id}/rejects`)).body.total).toBe(3);
  });

  it('shows rejects in the reader’s language: ?lang=zh, else Accept-Language, and English by default', async () => {
    const start = await analyst.call<{ job_id: string }>(
      'POST',
      '/api/v1/imports',
      { form: form('orders', 'zh.csv', ordersCsv(40, [3])) },
      { headers: { 'accept-language': 'zh-CN' } },
    );
    const { job } = await follow(start.body.job_id);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    type Row = { code: string; column: string; value: string; message: string };
    const rejects = (query: string, headers: Record<string, string> = {}) =>
      analyst
        .call<{ rows: Row[] }>('GET', `/api/v1/imports/${start.body.job_id}/rejects${query}`, {}, { headers })
        .then((r) => r.body.rows);
    // A bad date's message names column and value only, so any `expected` renders it.
    const said = (x: Row, lang: 'en' | 'zh-CN') =>
      describeError('TEN_ROW_BAD_DATE', { column: x.column, value: x.value, expected: '' }, lang).message;
    const [zh] = await rejects('?lang=zh');
    expect(zh).toMatchObject({ code: 'TEN_ROW_BAD_DATE', column: '订单日期', value: '2025-02-30' });
    expect(zh!.message).toBe(said(zh!, 'zh-CN'));
    expect(zh!.message).not.toBe(said(zh!, 'en'));
    expect((await rejects('', { 'accept-language': 'zh-CN,zh;q=0.9' }))[0]?.message).toBe(said(zh!, 'zh-CN'));
    expect((await rejects(''))[0]?.message).toBe(said(zh!, 'en'));
    // The job's summary, started from a Chinese page, gives its example in Chinese too.
    expect(job.summary?.problems?.[0]?.example).toBe(said(zh!, 'zh-CN'));
  });

  it('refuses uploads over the limit (413), forms without a file, bad options and unknown jobs', async () => {
    const huge = Buffer.alloc(UPLOAD_LIMIT + 1024, 'a');
    expectProblem(
      await analyst.call('POST', '/api/v1/imports', { form: form('orders', 'huge.csv', huge) }),
      413,
      'TEN_PAYLOAD_TOO_LARGE',
    );
    const noFile = new FormData();
    noFile.append('entity', 'orders');
    expectProblem(await analyst.call('POST', '/api/v1/imports', { form: noFile }), 400, 'TEN_BAD_REQUEST');
    const badOptions = await analyst.call<{ errors: { path: string }[]; fixes?: { option: string }[] }>(
      'POST',
      '/api/v1/imports/preview',
      {
        form: form('orders', 'o.csv', ordersCsv(2, []), { options: '{"max_reject_rate": 7}' }),
      },
    );
    expectProblem(badOptions, 400, 'TEN_BAD_OPTION');
    expect(badOptions.body.fixes?.map((f) => f.option)).toEqual(['max_reject_rate']);
    expect(badOptions.body.errors.map((e) => e.path)).toEqual(['body.options.max_reject_rate']);
    expectProblem(
      await analyst.call('POST', '/api/v1/imports', { json: { entity: 'orders' } }),
      415,
      'TEN_UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(await analyst.get('/api/v1/imports/no-such-job'), 404, 'TEN_JOB_NOT_FOUND');
  });
});
