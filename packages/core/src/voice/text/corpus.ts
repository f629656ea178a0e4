/**
 * The documents of one language as typed arrays: every word an integer id into `vocab`, documents laid end to
 * end in `tokens` (CSR: document d is tokens[offsets[d] … offsets[d + 1])), -1 where a break separates words
 * that may not form a phrase. Topics, keyphrases and sentiment all read this one form.
 */
import { BREAK } from './segment.ts';

export interface Corpus {
  n: number;
  vocab: string[];
  offsets: Int32Array;
  tokens: Int32Array;
  /** Documents each term occurs in. */
  df: Int32Array;
}

/** Collects documents' words into a Corpus without keeping the word lists. */
export class CorpusBuilder {
  private readonly ids = new Map<string, number>();
  private readonly vocab: string[] = [];
  private offsets: Int32Array = new Int32Array(1024);
  private tokens: Int32Array = new Int32Array(16384);
  private n = 0;
  private used = 0;

  /** The id of a word, made on its first sight. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.vocab.length;
      this.ids.set(word, id);
      this.vocab.push(word);
    }
    return id;
  }

  /** Add one document's words (BREAK-separated, as a Segmenter gives them). */
  add(words: readonly string[]): void {
    this.addParts([Int32Array.from(words, (w) => (w === BREAK ? -1 : this.intern(w)))]);
  }

  /** Add one document as parts of word ids (-1 a break), a break between parts: its clauses, cut and interned once. */
  addParts(parts: readonly Int32Array[]): void {
    let len = parts.length;
    for (const p of parts) len += p.length;
    if (this.n + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    if (this.used + len > this.tokens.length)
      this.tokens = grow(this.tokens, Math.max(this.tokens.length * 2, this.used + len));
    parts.forEach((p, i) => {
      if (i > 0 && p.length) this.tokens[this.used++] = -1;
      this.tokens.set(p, this.used);
      this.used += p.length;
    });
    this.offsets[++this.n] = this.used;
  }

  build(): Corpus {
    const { n, vocab } = this;
    const offsets = this.offsets.slice(0, n + 1);
    const tokens = this.tokens.slice(0, this.used);
    const df = new Int32Array(vocab.length);
    const seen = new Int32Array(vocab.length).fill(-1);
    for (let d = 0; d < n; d++)
      for (let i = offsets[d]!; i < offsets[d + 1]!; i++) {
        const t = tokens[i]!;
        if (t >= 0 && seen[t] !== d) {
          seen[t] = d;
          df[t]!++;
        }
      }
    return { n, vocab, offsets, tokens, df };
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
