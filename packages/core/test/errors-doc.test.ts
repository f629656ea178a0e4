import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codes, describe as describeCode, type Surface, surfaces, TenureError, tenureError } from '../src/errors.ts';
import type { Lang } from '../src/present/lang.ts';
import { errorsDoc } from './errors-doc.ts';

const docPath = join(import.meta.dirname, '..', '..', '..', 'docs', 'errors.md');

type Fn = (a: unknown, on: Surface) => string;
type Def = { message: Record<Lang, Fn>; hint: Record<Lang, Fn> };

/** Arguments for any code: lists for list arguments, a bilingual text for caller-supplied hints, else a word. */
const args = new Proxy(
  {},
  {
    get: (_t, k) =>
      ['found', 'known', 'sheets', 'problems', 'fields', 'ids'].includes(String(k))
        ? ['a', 'b']
        : k === 'hint' || k === 'problem'
          ? { en: 'hint', 'zh-CN': '提示' }
          : k === 'fieldProblems'
            ? [{ field: 'csat', value: null, expected: { en: 'a whole number from 1 to 5', 'zh-CN': '1 至 5 的整数' } }]
            : k === 'fixes'
              ? [{ option: 'forecast', value: '61', allowed: { en: 'at most 36', 'zh-CN': '不大于 36' } }]
              : k === 'playbookProblems' || k === 'surveyProblems'
                ? [{ path: 'trigger.kind', value: 'x', allowed: { en: 'one of filter', 'zh-CN': '以下之一：filter' } }]
                : 'x',
  },
);
const texts = (code: string, lang: Lang, on: Surface) => {
  const d = codes[code as keyof typeof codes] as unknown as Def;
  return { message: d.message[lang](args, on), hint: d.hint[lang](args, on) };
};
const cjk = /[\u4e00-\u9fff]/;

describe('error codes', () => {
  it('docs/errors.md lists exactly the codes of the table in both languages, as generated', () => {
    const doc = readFileSync(docPath, 'utf8');
    const documented = [...doc.matchAll(/^\| (TEN_[A-Z0-9_]+) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...Object.keys(codes), ...Object.keys(codes)].sort());
    expect(doc).toBe(errorsDoc(codes));
  });

  it('codes are TEN_<AREA>_<WHAT> with an HTTP status, and build errors with hints', () => {
    for (const [code, d] of Object.entries(codes)) {
      expect(code).toMatch(/^TEN_[A-Z]+(_[A-Z0-9]+)*$/);
      expect(d.status).toBeGreaterThanOrEqual(400);
    }
    const e = tenureError('TEN_IMPORT_EMPTY_FILE', { file: 'a.csv' }, { file: 'a.csv' });
    expect(e).toBeInstanceOf(TenureError);
    expect(e.code).toBe('TEN_IMPORT_EMPTY_FILE');
    expect(e.status).toBe(422);
    expect(e.hint.length).toBeGreaterThan(10);
    expect(e.toJSON().where).toEqual({ file: 'a.csv' });
    expect(describeCode('TEN_ROW_BAD_DATE', { column: 'x', value: 'v', expected: 'YYYY' }).message).toContain('"v"');
  });

  it('every code has a Chinese message and hint on every surface', () => {
    const missing = Object.keys(codes).flatMap((code) =>
      surfaces
        .map((on) => ({ on, ...texts(code, 'zh-CN', on) }))
        .filter((t) => !cjk.test(`${t.message} ${t.hint}`) || !t.hint.trim())
        .map((t) => `${code} (${t.on})`),
    );
    expect(missing).toEqual([]);
  });

  it('no dashboard hint names a CLI flag or an API path, in either language', () => {
    const bad = Object.keys(codes).flatMap((code) =>
      (['en', 'zh-CN'] as const)
        .map((lang) => ({ lang, hint: texts(code, lang, 'web').hint }))
        .filter((t) => /(^|[\s(`'"“])--[a-z]/.test(t.hint) || t.hint.includes('/api/') || /`tenure /.test(t.hint))
        .map((t) => `${code} ${t.lang}: ${t.hint}`),
    );
    expect(bad).toEqual([]);
  });

  it('no hint an API client or the dashboard reads names a CLI flag, in either language', () => {
    const bad = Object.keys(codes).flatMap((code) =>
      (['web', 'api'] as const).flatMap((on) =>
        (['en', 'zh-CN'] as const)
          .map((lang) => ({ lang, on, hint: texts(code, lang, on).hint }))
          .filter((t) => /(^|[\s(`'"“])--[a-z]/.test(t.hint))
          .map((t) => `${code} ${t.on} ${t.lang}: ${t.hint}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('an error renders in the language and for the surface asked, the code unchanged', () => {
    const e = tenureError('TEN_IMPORT_TOO_MANY_REJECTS', { file: 'a.csv', rejected: 1, read: 5, max: 0.05 });
    const cli = e.text('en', 'cli');
    const web = e.text('zh-CN', 'web');
    // What to do is data each shell words (the CLI with --max-reject-rate), not a flag in core's hint.
    expect(e.remedies.map((r) => r.action)).toEqual(['list_rejects', 'raise_reject_limit']);
    expect(cli.hint).not.toContain('--');
    expect(cjk.test(web.message) && cjk.test(web.hint)).toBe(true);
    expect(web.hint).not.toContain('--');
    expect(e.toJSON('zh-CN', 'api')).toMatchObject({ code: 'TEN_IMPORT_TOO_MANY_REJECTS', status: 422 });
  });
});
