import { type Lang, t } from './text.ts';
import type { SegmentRow } from './types.ts';

export type Unit = 'count' | 'ratio' | 'money';

/** Number formatting for one language: Intl with zh-CN or en-US conventions; null shows as a dash. */
export interface Formats {
  value(unit: Unit, v: number | null | undefined): string;
  /** Change of a value: ratios in percentage points, with a sign. */
  change(unit: Unit, v: number | null | undefined): string;
  interval(unit: Unit, low: number | null | undefined, high: number | null | undefined): string;
  pct(v: number | null | undefined, digits?: number): string;
  count(v: number | null | undefined): string;
  p(v: number | null | undefined): string;
}

export const DASH = '—';
const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 });
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }
}

export function formats(lang: Lang, currency: string): Formats {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  const pcts = [0, 1, 2].map(
    (d) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }),
  );
  const pct2 = pcts[2] as Intl.NumberFormat;
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const pts = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  const money = moneyFormat(locale, currency);
  const signedMoney = new Intl.NumberFormat(locale, { ...money.resolvedOptions(), signDisplay: 'exceptZero' });
  const f: Formats = {
    value: (unit, v) =>
      !ok(v) ? DASH : unit === 'ratio' ? pct2.format(v) : unit === 'money' ? money.format(v) : num.format(v),
    change: (unit, v) => {
      if (!ok(v)) return DASH;
      if (unit === 'ratio') return `${pts.format(100 * v)} ${t(lang, 'points')}`;
      return unit === 'money' ? signedMoney.format(v) : signed.format(v);
    },
    interval: (unit, low, high) => (ok(low) && ok(high) ? `${f.value(unit, low)} – ${f.value(unit, high)}` : DASH),
    pct: (v, digits) => (!ok(v) ? DASH : digits === undefined ? pct2.format(v) : (pcts[digits] ?? pct2).format(v)),
    count: (v) => (ok(v) ? num.format(v) : DASH),
    p: (v) => (!ok(v) ? DASH : v < 0.001 ? '< 0.001' : v.toFixed(3)),
  };
  return f;
}

/** A breakdown row's cells: segment, rate, interval, churned / active, and '* higher (adjusted p = …)'. */
export function segmentCells(r: SegmentRow, f: Formats, lang: Lang): string[] {
  const sig = r.significant
    ? `* ${r.direction ? `${t(lang, r.direction)} ` : ''}(${t(lang, 'adjusted_p', { p: f.p(r.p_adjusted) })})`
    : '';
  const counts = `${f.count(r.numerator)} / ${f.count(r.denominator)}`;
  return [r.segment, f.value('ratio', r.value), f.interval('ratio', r.ci_low, r.ci_high), counts, sig];
}
