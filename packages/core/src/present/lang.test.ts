import { describe, expect, it } from 'vitest';
import { normalizeLang, parseLang } from './lang.ts';

describe('normalizeLang, the one reading of a language', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH-tw', 'zh-CN'],
    [' zh ', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    // Accept-Language: the preferred language Tenure speaks.
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR,zh-TW;q=0.8,en;q=0.5', 'zh-CN'],
    ['en;q=0.4,zh;q=0.7', 'zh-CN'],
    ['zh;q=0,en;q=0.1', 'en'],
    ['de,fr;q=0.5', 'en'],
  ] as const)('%j → %s', (given, lang) => {
    expect(normalizeLang(given)).toBe(lang);
  });

  it('parseLang reads one tag and refuses, with null, a language Tenure does not speak', () => {
    expect(['zh', 'zh-cn', 'zh_CN', 'en-US', 'fr', 'english'].map(parseLang)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'en',
      null,
      null,
    ]);
  });
});
