/**
 * A flag's text as the number it spells, or else the text itself: core's option schema then refuses the text
 * as typed, naming the option (TEN_BAD_OPTION), as the API refuses the same value. Number('') is 0 and
 * Number('0x10') 16, so only plain decimals count.
 * @example numberOrText('0.05') // 0.05; numberOrText('deep') // 'deep'
 */
export const numberOrText = (v: string | undefined): number | string | undefined =>
  v !== undefined && /^\s*-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?\s*$/i.test(v) ? Number(v) : v;
