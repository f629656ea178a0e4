import type { Formats, Lang } from '../present/index.ts';
import { t } from './text.ts';
import type { SegmentRow } from './types.ts';

/** A breakdown row's cells: segment, rate, interval, churned / active, and '* higher (adjusted p = …)'. */
export function segmentCells(r: SegmentRow, f: Formats, lang: Lang): string[] {
  const sig = r.significant
    ? `* ${r.direction ? `${t(lang, r.direction)} ` : ''}(${t(lang, 'adjusted_p', { p: f.p(r.p_adjusted) })})`
    : '';
  const counts = `${f.number(r.numerator)} / ${f.number(r.denominator)}`;
  return [r.segment, f.value('ratio', r.value), f.interval('ratio', r.ci_low, r.ci_high), counts, sig];
}
