import { beforeAll, describe, expect, it } from 'vitest';
import { detectLang } from './detect.ts';
import { BREAK, loadSegmenter, type Segmenter } from './segment.ts';

let s: Segmenter;
beforeAll(async () => {
  s = await loadSegmenter(['云帆移动', 'Nimbus Mobile', '尊享版']);
});

const words = (text: string, lang: 'zh' | 'en') => s.words(text, lang).filter((w) => w !== BREAK);

describe('segmentation', () => {
  it('cuts Chinese sentences into the words a reader sees, without stop words or punctuation', () => {
    // Hand-checked: 的 and 了 are particles, 很 and 非常 degree adverbs, all stop words; 经常 stays.
    expect(words('网络经常掉线，客服态度非常好', 'zh')).toEqual(['网络', '经常', '掉线', '客服', '态度', '好']);
    expect(words('涨价以后套餐费用太贵了', 'zh')).toEqual(['涨价', '以后', '套餐', '费用', '太贵']);
    expect(words('路由器坏了', 'zh')).toEqual(['路由器', '坏']);
  });

  it('keeps a user-dictionary word whole that jieba alone would split', async () => {
    const plain = await loadSegmenter([]);
    expect(plain.words('云帆移动的信号很差', 'zh')).not.toContain('云帆移动');
    expect(words('云帆移动的信号很差', 'zh')).toEqual(['云帆移动', '信号', '很差']);
    expect(words('尊享版不值这个价', 'zh')[0]).toBe('尊享版');
  });

  it('marks where a stop word or punctuation separated two words, so no phrase spans them', () => {
    expect(s.words('网络经常掉线，客服态度好', 'zh')).toEqual(['网络', '经常', '掉线', BREAK, '客服', '态度', '好']);
  });

  it('segments English with Intl.Segmenter, lower-cased, stop words dropped, multi-word names merged', () => {
    expect(words('The connection keeps dropping and Nimbus Mobile is cheaper!', 'en')).toEqual([
      'connection',
      'keeps',
      'dropping',
      'nimbus mobile',
      'cheaper',
    ]);
    // Negations are kept: detractors write them.
    expect(words('No signal, not happy', 'en')).toEqual(['no', 'signal', 'not', 'happy']);
  });
});

describe('detectLang', () => {
  it('reads a document as Chinese when a third of its Han characters and Latin words are Han', () => {
    expect(detectLang('网络经常掉线')).toBe('zh');
    expect(detectLang('Nimbus Mobile 的信号很差')).toBe('zh');
    expect(detectLang('The signal is bad')).toBe('en');
    expect(detectLang('The signal at 华南 is bad')).toBe('en');
    expect(detectLang('12345 !!')).toBe('en');
  });
});
