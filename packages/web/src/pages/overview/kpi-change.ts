import type { Kpi } from '../../api/types.ts';
import { formats, isShareUnit, type Lang } from '../../i18n/format.ts';

/** Metrics where a fall is the good news. */
const LOWER_IS_BETTER = new Set(['churn_rate']);

/** antd Typography tones: better, worse, no visible change. */
export type Tone = 'success' | 'danger' | 'secondary';

export interface KpiChange {
  /** The signed figure as shown (`+1.2`, `−0.4`, `+3.1%`); rates still need their unit (percentage points). */
  figure: string;
  /** True for rates: the figure is in percentage points. */
  points: boolean;
  tone: Tone;
}

/** The change as printed: its value in the printed unit, the decimals printed, and the text. */
function printed(unit: Kpi['unit'], c: number, previous: number | null | undefined, lang: Lang) {
  const f = formats(lang);
  if (isShareUnit(unit)) return { value: c * 100, digits: 1, figure: f.signed(c * 100, 1) };
  if (unit !== 'money') {
    const digits = Number.isInteger(c) ? 0 : 1;
    return { value: c, digits, figure: f.signed(c, digits) };
  }
  if (!previous) return null;
  const share = c / Math.abs(previous);
  return { value: share * 100, digits: 1, figure: f.signedPercent(share) };
}

/**
 * Period-over-period change in the unit a reader expects (rates in percentage points, counts as a signed
 * difference, money relative to the previous period) and its tone. The tone follows the figure as printed: a
 * change that rounds to zero is neutral, never a red "0.0 pp" for a fall too small to print.
 * @example kpiChange({ metric: 'churn_rate', unit: 'ratio', change: -0.0004, previous: 0.03 }, 'en')
 * // { figure: '0.0', points: true, tone: 'secondary' }
 */
export function kpiChange(k: Pick<Kpi, 'metric' | 'unit' | 'change' | 'previous'>, lang: Lang): KpiChange | null {
  if (k.change === null || k.change === undefined) return null;
  const p = printed(k.unit, k.change, k.previous, lang);
  if (!p) return null;
  const visible = Math.round(Math.abs(p.value) * 10 ** p.digits) !== 0;
  const better = k.change * (LOWER_IS_BETTER.has(k.metric) ? -1 : 1);
  return {
    figure: p.figure,
    points: isShareUnit(k.unit),
    tone: !visible ? 'secondary' : better > 0 ? 'success' : 'danger',
  };
}
