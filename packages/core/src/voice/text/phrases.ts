/**
 * Candidate keyphrases of a document: its content words and the pairs of content words that stand next to each
 * other (no stop word or punctuation between them), as numeric keys: a word is its id t, a pair (a, b) is
 * (a + 1) × V + b, so phrases are counted in maps of numbers rather than strings.
 */
import type { Corpus } from './corpus.ts';

/** The phrase keys of document d, in text order (repeats included). */
export function phraseKeys(c: Corpus, d: number): number[] {
  const V = c.vocab.length;
  const out: number[] = [];
  let prev = -1;
  for (let i = c.offsets[d]!; i < c.offsets[d + 1]!; i++) {
    const t = c.tokens[i]!;
    if (t >= 0) {
      out.push(t);
      if (prev >= 0) out.push((prev + 1) * V + t);
    }
    prev = t;
  }
  return out;
}

/** A phrase key as text: Chinese words joined directly ("网络掉线"), English ones with a space. */
export function phraseText(vocab: readonly string[], key: number, lang: 'zh' | 'en'): string {
  const V = vocab.length;
  if (key < V) return vocab[key]!;
  const a = Math.floor(key / V) - 1;
  return `${vocab[a]}${lang === 'zh' ? '' : ' '}${vocab[key % V]}`;
}
