/**
 * FNV-1a, 32 bits: ids and the held-out split from text, the same on every run and in any order of reading.
 * @example fnv('survey|NPS-C1-202401') // an unsigned 32-bit integer
 */
export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
