import type { Lang } from './lang.ts';
import { fill, type Text } from './text.ts';
import { isShareUnit, type Unit } from './units.ts';

/**
 * The one number formatting of the report, the CLI and the dashboard, through Intl only (browser-safe). One
 * policy: rates as percents and rate changes in percentage points with one decimal, other figures with up to
 * one decimal, money in whole units from 100 up and with cents below (an MRR of ¥1,234,568, an ARPA of
 * $42.50), p-values to four decimals; a missing or non-finite value is DASH.
 */
export const DASH = '—';

export type Maybe = number | null | undefined;

const missing = (v: Maybe): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

const cache = new Map<string, Intl.NumberFormat>();
const nf = (lang: Lang, o: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${lang}|${JSON.stringify(o)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, o);
    cache.set(key, f);
  }
  return f;
};

const moneyDigits = (v: number) => (Math.abs(v) >= 100 ? 0 : 2);

/** Intl's currency style, or a plain number for a currency Intl does not know or none (settings not loaded). */
function currencyOptions(currency: string | undefined): Intl.NumberFormatOptions {
  if (!currency) return {};
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return { style: 'currency', currency };
  } catch {
    return {};
  }
}

/** How a figure in a unit reads around its number (`{n}`). */
const around: Record<Exclude<Unit, 'ratio' | 'growth' | 'money'>, Text> = {
  count: { en: '{n}', 'zh-CN': '{n}' },
  score: { en: '{n}', 'zh-CN': '{n}' },
  multiple: { en: '{n}×', 'zh-CN': '{n}×' },
  per_1000: { en: '{n} ‰', 'zh-CN': '{n} ‰' },
  hours: { en: '{n} h', 'zh-CN': '{n} 小时' },
  months: { en: '{n} mo', 'zh-CN': '{n} 个月' },
};
const POINTS: Text = { en: '{n} pp', 'zh-CN': '{n} 个百分点' };

export interface Formats {
  lang: Lang;
  /** A value in its unit. @example value('ratio', 0.0342) // '3.4%' */
  value(unit: Unit, v: Maybe): string;
  /** A change of a value, signed: rates in percentage points (`+1.2 pp`), money in money, the rest in their unit. */
  change(unit: Unit, v: Maybe): string;
  /** `low – high`, or DASH when either end is missing. */
  interval(unit: Unit, low: Maybe, high: Maybe): string;
  /** A plain number with up to `digits` decimals: `12,345.6`. */
  number(v: Maybe, digits?: number): string;
  /** A share as a percent with `digits` decimals (default one). */
  percent(v: Maybe, digits?: number): string;
  /** A number with its sign and exactly `digits` decimals: `+1.2`, `-0.4`, `0.0`. */
  signed(v: Maybe, digits?: number): string;
  /** A share as a signed percent: `+3.1%`. */
  signedPercent(v: Maybe): string;
  /** A p-value as journals print it: `p = 0.0123`, `p < 0.0001`. */
  p(v: Maybe): string;
}

/**
 * The formatters of one language (and the workspace currency, for money).
 * @example formats('zh-CN', 'CNY').value('money', 1234567.89) // '¥1,234,568'
 */
export function formats(lang: Lang, currency?: string): Formats {
  const money = currencyOptions(currency);
  const number = (v: Maybe, digits = 1) => (missing(v) ? DASH : nf(lang, { maximumFractionDigits: digits }).format(v));
  const percent = (v: Maybe, digits = 1) =>
    missing(v)
      ? DASH
      : nf(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  const signed = (v: Maybe, digits = 1) =>
    missing(v)
      ? DASH
      : nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v);
  const moneyOf = (v: number, sign: 'auto' | 'exceptZero') =>
    nf(lang, {
      ...money,
      minimumFractionDigits: moneyDigits(v),
      maximumFractionDigits: moneyDigits(v),
      signDisplay: sign,
    }).format(v);
  const f: Formats = {
    lang,
    value: (unit, v) => {
      if (missing(v)) return DASH;
      if (isShareUnit(unit)) return percent(v);
      if (unit === 'money') return moneyOf(v, 'auto');
      return fill(around[unit][lang], { n: number(v) });
    },
    change: (unit, v) => {
      if (missing(v)) return DASH;
      if (isShareUnit(unit)) return fill(POINTS[lang], { n: signed(100 * v) });
      if (unit === 'money') return moneyOf(v, 'exceptZero');
      const n = nf(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
      return fill(around[unit][lang], { n });
    },
    interval: (unit, low, high) =>
      missing(low) || missing(high) ? DASH : `${f.value(unit, low)} – ${f.value(unit, high)}`,
    number,
    percent,
    signed,
    signedPercent: (v) =>
      missing(v)
        ? DASH
        : nf(lang, {
            style: 'percent',
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
            signDisplay: 'exceptZero',
          }).format(v),
    p: (v) =>
      missing(v)
        ? DASH
        : v < 1e-4
          ? `p < ${nf(lang, { minimumFractionDigits: 4 }).format(1e-4)}`
          : `p = ${nf(lang, { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(v)}`,
  };
  return f;
}
