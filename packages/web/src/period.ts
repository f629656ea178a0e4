import dayjs, { type Dayjs } from 'dayjs';
import type { Grain } from './api/types.ts';

/** The grains the dashboard's pickers offer (antd has a picker for each). */
export const pickerGrains = ['month', 'quarter', 'year'] as const;
export type PickerGrain = (typeof pickerGrains)[number];

/**
 * The API's text for the period that contains a day: `2025-03`, `2025-Q1`, `2025` or `2025-03-14`.
 * @example periodOf(dayjs('2025-05-20'), 'quarter') // '2025-Q2'
 */
export function periodOf(d: Dayjs, grain: Grain): string {
  if (grain === 'year') return d.format('YYYY');
  if (grain === 'quarter') return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
  if (grain === 'month') return d.format('YYYY-MM');
  return d.format('YYYY-MM-DD');
}

/** How far back a trend looks by default (two years of months, eight quarters, five years), and each grain in months. */
const HISTORY: Record<PickerGrain, number> = { month: 24, quarter: 8, year: 5 };
const MONTHS: Record<PickerGrain, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The default range for a grain: ending with the last complete month in the data (from GET /status), or the
 * previous month when the workspace cannot tell.
 * @example defaultRange('2025-11', 'quarter') // [2024-02-01, 2025-11-01]: eight quarters ending in 2025-Q4
 */
export function defaultRange(lastCompleteMonth: string | null | undefined, grain: PickerGrain): [Dayjs, Dayjs] {
  const end = lastCompleteMonth
    ? dayjs(`${lastCompleteMonth.slice(0, 7)}-01`)
    : dayjs().startOf('month').subtract(1, 'month');
  return [end.subtract((HISTORY[grain] - 1) * MONTHS[grain], 'month'), end];
}
