/**
 * Errors in the language asked for: `--lang` where a command takes it, TENURE_LANG everywhere, English otherwise;
 * and what status and quality print, in the language of `--lang`.
 */
import { join } from 'node:path';
import type { QualityReport } from '@tenure/core';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

const tmp = tempDir();
afterAll(() => cleanup(tmp));
const cjk = /[\u4e00-\u9fff]/;

describe('error language', SLOW, () => {
  it('follows TENURE_LANG and --lang; the code, exit code and CLI wording stay', async () => {
    const missing = join(tmp, 'nowhere');
    const [zhEnv, zhFlag, en, zhJson] = await Promise.all([
      tenure(['status', '-w', missing], { env: { TENURE_LANG: 'zh-CN' } }),
      tenure(['report', '-w', missing, '--lang', 'zh']),
      tenure(['status', '-w', missing]),
      tenure(['status', '-w', missing, '--json'], { env: { TENURE_LANG: 'zh' } }),
    ]);
    const [message, hint] = expectHumanError(zhEnv, 4, 'TEN_WORKSPACE_NOT_FOUND');
    expect(cjk.test(message ?? '') && cjk.test(hint ?? '')).toBe(true);
    expect(hint).toContain('--workspace'); // the CLI's hint names the CLI's flags
    expect(cjk.test(expectHumanError(zhFlag, 4, 'TEN_WORKSPACE_NOT_FOUND')[0] ?? '')).toBe(true);
    expect(cjk.test(expectHumanError(en, 4, 'TEN_WORKSPACE_NOT_FOUND').join('\n'))).toBe(false);
    const out = expectJsonError(zhJson, 4, 'TEN_WORKSPACE_NOT_FOUND') as { error: { message: string; hint: string } };
    expect(cjk.test(out.error.message) && cjk.test(out.error.hint)).toBe(true);
  });
});

describe('printed texts', SLOW, () => {
  it('status and quality --lang zh print no English: headers, tables, rule and sentence in Chinese', async () => {
    const ws = join(tmp, 'demo');
    expect((await tenure(['demo', '--customers', '300', '-w', ws])).code).toBe(0);
    // One at a time: DuckDB lets one process hold the workspace.
    const status = await tenure(['status', '-w', ws, '--lang', 'zh']);
    const quality = await tenure(['quality', '-w', ws, '--lang', 'zh', '--now', '2026-01-15']);
    const qualityJson = await tenure(['quality', '-w', ws, '--json', '--now', '2026-01-15']);
    const statusEn = await tenure(['status', '-w', ws]);
    for (const r of [status, quality, statusEn]) expect(r.code, r.stderr).toBe(0);
    // What may stay as it is: the workspace path, and the columns named as the data names them (field ids).
    const columns = json<QualityReport>(qualityJson).entities.flatMap((e) => e.offenders.map((o) => o.column));
    const words = (text: string) =>
      columns.reduce((t, c) => t.replaceAll(c, ''), text.replaceAll(ws, '')).match(/[A-Za-z]{2,}/g) ?? [];
    expect(words(status.stdout)).toEqual([]);
    expect(words(quality.stdout)).toEqual([]);
    expect(cjk.test(status.stdout) && cjk.test(quality.stdout)).toBe(true);
    // The check can fail: English output has English words.
    expect(words(statusEn.stdout).length).toBeGreaterThan(10);
  });
});
