/**
 * Numbers, money, percents and dates for a language, through Intl only. Pure (no DOM, no React), so the
 * browser tests format the API's values with the same rules the cards use.
 */

export type Lang = 'en' | 'zh-CN';
export type Unit = 'count' | 'ratio' | 'money';

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (lang: Lang, o: Intl.NumberFormatOptions) => {
  const key = `${lang}|${JSON.stringify(o)}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang, o));
  return formats.get(key) as Intl.NumberFormat;
};

/** Whole units from 100 up (an MRR of ¥1,234,567.89 reads better without cents), cents below (an ARPA of $42.50). */
const moneyDigits = (v: number) => (Math.abs(v) >= 100 ? 0 : 2);

/** How each unit is shown. Without a currency (settings not loaded yet) money is a plain number. */
const unitFormats: Record<Unit, (v: number, currency?: string) => Intl.NumberFormatOptions> = {
  ratio: () => ({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  money: (v, currency) => ({
    ...(currency ? { style: 'currency', currency } : {}),
    minimumFractionDigits: moneyDigits(v),
    maximumFractionDigits: moneyDigits(v),
  }),
  count: () => ({ maximumFractionDigits: 1 }),
};

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/**
 * A metric value: ratios as percents with one decimal, money in the workspace currency, counts with up to one decimal.
 * @example formatValue('en', 'ratio', 0.0342) // '3.4%'
 */
export function formatValue(lang: Lang, unit: Unit, value: number | null | undefined, currency?: string): string {
  if (missing(value)) return '–';
  return numberFormat(lang, unitFormats[unit](value, currency)).format(value);
}

/** @example formatNumber('zh-CN', 12345.6) // '12,345.6' */
export const formatNumber = (lang: Lang, value: number | null | undefined, digits = 1) =>
  missing(value) ? '–' : numberFormat(lang, { maximumFractionDigits: digits }).format(value);

/**
 * A p-value as journals print it: four decimals, and below 0.0001 only that bound (a test on thousands of
 * customers easily gives 1e-40, which no reader needs spelt out).
 * @example formatP('en', 0.01234) // 'p = 0.0123'; formatP('en', 3e-12) // 'p < 0.0001'
 */
export const formatP = (lang: Lang, p: number | null | undefined) =>
  missing(p)
    ? '–'
    : p < 1e-4
      ? `p < ${numberFormat(lang, { minimumFractionDigits: 4 }).format(1e-4)}`
      : `p = ${numberFormat(lang, { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(p)}`;

/** A number with its sign: `+1.2`, `−0.4`, `0`. */
export const formatSigned = (lang: Lang, value: number, digits = 1) =>
  numberFormat(lang, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(value);

/** A share as a signed percent: `+3.1%`. */
export const formatSignedPercent = (lang: Lang, share: number) =>
  numberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(share);

/**
 * Wall-clock timestamps ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' in the workspace's zone) are read and shown as
 * UTC, so the browser's own zone never shifts a date by a day.
 */
const parseWallClock = (s: string) =>
  new Date(`${s.slice(0, 19).replace(' ', 'T')}${s.length > 10 ? '' : 'T00:00:00'}Z`);

const dateFormat = (lang: Lang, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(lang, { ...o, timeZone: 'UTC' });

/** @example formatDate('zh-CN', '2025-03-01') // '2025年3月1日' */
export const formatDate = (lang: Lang, s: string | null | undefined, withTime = false) => {
  if (!s) return '–';
  const d = parseWallClock(s);
  if (Number.isNaN(d.getTime())) return s;
  return dateFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
};

/**
 * A period by its first day. Intl has no quarter field, so the quarter's wording comes from the dictionary.
 * @example formatPeriod('en', 'month', '2025-03-01', 'Q{q} {year}') // 'Mar 2025'
 */
export function formatPeriod(lang: Lang, grain: string, start: string, quarter: string): string {
  const d = parseWallClock(start);
  if (Number.isNaN(d.getTime())) return start;
  if (grain === 'quarter') {
    return quarter
      .replace('{q}', String(Math.floor(d.getUTCMonth() / 3) + 1))
      .replace('{year}', String(d.getUTCFullYear()));
  }
  if (grain === 'year') return dateFormat(lang, { year: 'numeric' }).format(d);
  if (grain === 'month') return dateFormat(lang, { year: 'numeric', month: 'short' }).format(d);
  return dateFormat(lang, { dateStyle: 'medium' }).format(d);
}
