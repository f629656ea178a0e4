/**
 * What the dashboard says names what is on its pages: never a CLI command or flag, never an API path. Its own
 * dictionaries are checked here; the server's problems are worded for it by surface (errors-doc.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../packages/web/src/i18n/en.ts';
import { zhCN } from '../packages/web/src/i18n/zh-CN.ts';

const shellWords = /`tenure |(^|[\s(`'"“])--[a-z]|\/api\//;

describe('dashboard texts', () => {
  it('name controls on the page, not CLI commands, flags or API paths, in both languages', () => {
    const bad = Object.entries({ en, 'zh-CN': zhCN }).flatMap(([lang, dict]) =>
      Object.entries(dict)
        .filter(([, text]) => shellWords.test(text))
        .map(([key, text]) => `${lang} ${key}: ${text}`),
    );
    expect(bad).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(100);
  });
});
