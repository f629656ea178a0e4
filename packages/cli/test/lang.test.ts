/** Errors in the language asked for: `--lang` where a command takes it, TENURE_LANG everywhere, English otherwise. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, SLOW, tempDir, tenure } from './helpers.ts';

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
