/**
 * Numbers come from core's one presentation layer (`@tenure/core/present`: the report and the CLI format with
 * it too); dates are the dashboard's own, through Intl only. Pure (no DOM, no React), so the browser tests
 * format the API's values with the same rules the cards use.
 */
import { DASH, type Lang } from '@tenure/core/present';

export { DASH, type Formats, formats, isShareUnit, type Lang, type Unit } from '@tenure/core/present';

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
  if (!s) return DASH;
  const d = parseWallClock(s);
  if (Number.isNaN(d.getTime())) return s;
  return dateFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
};

/**
 * An instant (ISO 8601 with its zone, as the server stamps when figures were true) on the reader's own clock:
 * the time alone when it is today, else with the date.
 * @example formatClock('en', '2026-12-07T11:02:00Z', new Date('2026-12-07T15:00:00Z')) // '11:02 AM' in UTC
 */
export const formatClock = (lang: Lang, iso: string, now = new Date()) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = d.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    lang,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(d);
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
