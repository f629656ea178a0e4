/**
 * Words of a document: Chinese cut by jieba (`@node-rs/jieba`, prebuilt binaries, loaded on the first analysis
 * and never by the CLI's start-up), English by `Intl.Segmenter`; both lower-cased, stop words and punctuation
 * dropped. A dropped word leaves a break ('') so keyphrases never join words that were not next to each other.
 * User dictionary entries (product names) are kept whole: Chinese ones are added to jieba's dictionary, and a
 * name of several Latin words ("Nimbus Mobile") is merged into one token after cutting.
 */
import type { TextLang } from './detect.ts';
import { EN_STOP_WORDS, ZH_STOP_WORDS } from './stop-words.ts';

/** A break between words that may not form a phrase: a stop word, punctuation or a clause boundary. */
export const BREAK = '';

export interface Segmenter {
  /** The content words of `text` in order, with BREAK where something was dropped. */
  words(text: string, lang: TextLang): string[];
}

type Jieba = { cut(s: string, hmm?: boolean): string[] };

let base: Promise<{
  Jieba: { withDict(d: Uint8Array): Jieba & { loadDict(d: Uint8Array): void } };
  dict: Uint8Array;
}> | null = null;

/** jieba's module and default dictionary, imported once per process (0.6 s: the dictionary is parsed). */
function loadJieba() {
  base ??= Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]).then(([m, d]) => ({
    Jieba: (m.default ?? m).Jieba,
    dict: (d.default ?? d).dict,
  }));
  return base;
}

const HAN = /\p{Script=Han}/u;
const WORDISH = /[\p{L}\p{N}]/u;
const DIGITS = /^\d+$/;
/** Clause boundaries: punctuation, and in Chinese spaces too (which English needs between its words). */
const ZH_CLAUSE = /[，。！？、；：,.!?;:\s]+/;
const EN_CLAUSE = /[,.!?;:\n]+/;

/**
 * A text's clauses, which the analysis cuts once each and reuses: comments repeat phrases ("网络很差",
 * "客服态度好"), and a clause never holds a phrase that crosses punctuation.
 * @example clausesOf('网络很差，客服态度好', 'zh') // ['网络很差', '客服态度好']
 */
export const clausesOf = (text: string, lang: TextLang): string[] =>
  text.split(lang === 'zh' ? ZH_CLAUSE : EN_CLAUSE).filter((c) => c.trim());

/**
 * A segmenter with the user dictionary `dictionary` (product names and other words to keep whole).
 * @example const s = await loadSegmenter(['云帆移动']); s.words('云帆移动的信号很差', 'zh') // ['云帆移动', '信号', '差']
 */
export async function loadSegmenter(dictionary: readonly string[]): Promise<Segmenter> {
  const zhWords = dictionary.filter((w) => HAN.test(w));
  const { Jieba, dict } = await loadJieba();
  const jieba = Jieba.withDict(dict);
  // A high frequency makes jieba prefer the whole word over any split of it.
  if (zhWords.length)
    jieba.loadDict(new TextEncoder().encode(zhWords.map((w) => `${w.replace(/\s+/g, '')} 100000 nz`).join('\n')));
  const keep = new Set(dictionary.map((w) => w.toLowerCase()));
  const phrases = phraseIndex(dictionary.filter((w) => !HAN.test(w) && /\s/.test(w.trim())));
  const en = new Intl.Segmenter('en', { granularity: 'word' });

  const clean = (raw: string[], stop: ReadonlySet<string>, out: string[]) => {
    for (const w0 of raw) {
      const w = w0.toLowerCase().trim();
      if (!w || !WORDISH.test(w) || DIGITS.test(w) || (stop.has(w) && !keep.has(w))) {
        if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
      } else out.push(w);
    }
  };
  const zh = (text: string): string[] => {
    const out: string[] = [];
    for (const clause of clausesOf(text, 'zh')) {
      if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
      clean(jieba.cut(clause, true), ZH_STOP_WORDS, out);
    }
    return mergePhrases(out, phrases);
  };
  const english = (text: string): string[] => {
    const raw: string[] = [];
    for (const s of en.segment(text)) if (s.isWordLike || !/^\s+$/.test(s.segment)) raw.push(s.segment);
    const out: string[] = [];
    clean(raw, EN_STOP_WORDS, out);
    return mergePhrases(out, phrases);
  };
  return { words: (text, lang) => (lang === 'zh' ? zh(text) : english(text)) };
}

type PhraseIndex = Map<string, string[][]>;

/** Multi-word dictionary entries by their first word, longest first. */
function phraseIndex(entries: readonly string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const e of entries) {
    const parts = e.toLowerCase().trim().split(/\s+/);
    index.set(
      parts[0]!,
      [...(index.get(parts[0]!) ?? []), parts].sort((a, b) => b.length - a.length),
    );
  }
  return index;
}

/** Join the words of a multi-word dictionary entry into one token ("nimbus", "mobile" → "nimbus mobile"). */
function mergePhrases(words: string[], index: PhraseIndex): string[] {
  while (words.at(-1) === BREAK) words.pop();
  if (!index.size) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = index.get(words[i]!)?.find((p) => p.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push(hit.join(' '));
      i += hit.length - 1;
    } else out.push(words[i]!);
  }
  return out;
}
