import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/fixtures/predict/synthetic.ts';
import { findText, type TextIndex, textIndex } from './search-text.ts';

// Texts as the directory writes them (lower-cased id, a newline, the name): the demo's "Customer n", Chinese
// people and companies, English names, some with a phone or an address; a few short or empty ones (an id of one
// character and no name), which no bigram lists. Enough of them that posting lists outgrow the reused work space.
const rand = mulberry32(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const NAMES = [
  (n: number) => `customer ${n}`,
  () => pick([...'张王李刘陈']) + pick([...'伟芳娜明']) + (rand() < 0.5 ? pick([...'伟明华']) : ''),
  () => `${pick(['上海', '北京'])}${pick([...'华信'])}${pick(['科技', '贸易'])}有限公司`,
  () => `${pick(['john', 'mary', 'abab'])} ${pick(['smith', 'abba', 'lee'])}`,
  () => `li na 138${Math.floor(rand() * 1e8)}`,
  () => `zhang.wei${Math.floor(rand() * 100)}@qq.com`,
];
const texts = Array.from({ length: 6000 }, (_, i) => `c${String(i + 1).padStart(7, '0')}\n${pick(NAMES)(i + 1)}`);
texts.push('x', '', '张', 'c9\n'.repeat(40));
const status = Uint8Array.from(texts, () => Math.floor(rand() * 3));

let index: TextIndex;
beforeAll(async () => {
  index = await textIndex(texts);
});

/** The answer by reading every text: the oracle. */
const scanned = (q: string, keep?: (d: number) => boolean) =>
  texts.flatMap((t, d) => (t.includes(q) && (!keep || keep(d)) ? [d] : []));

const part = (s: string, k: number) => {
  const from = Math.floor(rand() * Math.max(1, s.length - k + 1));
  return s.slice(from, from + k);
};

describe('the text search of the customer search index', () => {
  it('finds exactly the texts that hold the fragment, in order, with and without a filter', () => {
    const queries = [
      ...Array.from({ length: 400 }, () => part(pick(texts), 1 + Math.floor(rand() * 14))),
      ...['', 'c', 'x', '张', '9', '\n', 'cu', '12', 'customer 1', 'customer 12', '有限公司', '张伟', '伟明', '张伟明'],
      ...['abab', 'bab', 'ab abab', 'abab ab', '@qq.com', 'zzz', 'qq.com.cn', '李娜娜', 'c9\nc9\nc9\nc9', '9\nc'],
      'c9\n'.repeat(30),
    ];
    for (const q of queries) {
      expect(Array.from(findText(index, q)), JSON.stringify(q)).toEqual(scanned(q));
      const keep = (d: number) => status[d] === 1;
      expect(Array.from(findText(index, q, keep)), JSON.stringify(q)).toEqual(scanned(q, keep));
    }
  });

  it('finds nothing when one of the grams is in no text, however common the others', () => {
    expect(Array.from(findText(index, 'customer 1qz'))).toEqual([]);
    expect(Array.from(findText(index, 'qz'))).toEqual([]);
  });

  it('checks candidates against their text: every trigram present, in another order, is no hit', () => {
    // "ab abab": ab␠, b␠a, ␠ab, aba, bab, all in "abab abba" and "abab smith"… but never in this order.
    expect(scanned('ab abab')).toEqual([]);
    expect(findText(index, 'ab abab').length).toBe(0);
    expect(findText(index, 'abab abba').length).toBeGreaterThan(0);
  });

  it('answers Chinese fragments of two characters from their bigram, of three from their trigram', () => {
    for (const q of ['张伟', '伟明', '张伟明', '司', '有限', '华科技']) {
      expect(Array.from(findText(index, q)), q).toEqual(scanned(q));
      expect(scanned(q).length, q).toBeGreaterThan(0);
    }
  });
});
