/**
 * A document's language from its script: the share of Han characters among Han characters and Latin words. A Han
 * character is about a word's worth of text and a Latin word several letters, so words, not letters, are counted
 * on the Latin side; comments mix scripts (a product name in Latin letters inside a Chinese sentence), so a third
 * being Han already makes the text Chinese. Code-unit ranges rather than a Unicode regex per character:
 * this runs on every document of a million-comment analysis.
 */
export type TextLang = 'zh' | 'en';

/** The share of Han characters above which a document is Chinese. */
export const HAN_SHARE = 1 / 3;

const isHan = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);

/**
 * The language of one text: zh when Han characters make up at least HAN_SHARE of its Han characters and Latin
 * words, else en.
 * @example detectLang('网络经常掉线 Nimbus') // 'zh'
 */
export function detectLang(text: string): TextLang {
  let han = 0;
  let latin = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = isLatin(c);
    if (isHan(c)) han++;
    else if (letter && !inWord) latin++;
    inWord = letter;
  }
  return han > 0 && han >= HAN_SHARE * (han + latin) ? 'zh' : 'en';
}
