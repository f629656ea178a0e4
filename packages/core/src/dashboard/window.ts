import type { Grain } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { type CalendarOptions, calendarOf, periodGrid, periodStartOf } from '../metrics/calendar.ts';
import { parseDay } from '../metrics/query.ts';
import { lastCompleteMonth } from '../reports/range.ts';
import type { TenureConfig } from '../workspace/config.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** The periods a dashboard view covers, as the start days (YYYY-MM-DD) of its first and last period. */
export interface PeriodWindow {
  grain: Grain;
  from: string;
  to: string;
}

export interface WindowOptions {
  period?: Grain;
  /** Any day in the first period; by default `periods` periods before `to`. */
  from?: string;
  /** Any day in the last period (YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD); by default the last complete one. */
  to?: string;
  periods?: number;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const previous = (g: Grain, start: Date, c: CalendarOptions) => periodStartOf(g, new Date(start.getTime() - DAY), c);

/**
 * The last period of `grain` that ends on or before the end of the last complete month with data (the month
 * the report leads with, reports/range.ts), so every view of the dashboard agrees with the report.
 */
async function lastComplete(conn: Connection, grain: Grain, c: CalendarOptions): Promise<Date> {
  const month = await lastCompleteMonth(conn);
  if (!month)
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: 'the workspace has no subscriptions, orders or churn events yet',
      hint: { en: 'Import data first, or give the range.', 'zh-CN': '请先导入数据，或指定时间范围。' },
      remedies: [{ action: 'give_range' }],
    });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 1));
  const start = periodStartOf(grain, new Date(end.getTime() - DAY), c);
  const last = periodGrid(grain, start, start, c)[0];
  return last && new Date(`${last.end.slice(0, 10)}T00:00:00Z`) > end ? previous(grain, start, c) : start;
}

/**
 * The first day (YYYY-MM-DD) of the last complete period of `grain`: what a view without a date shows.
 * @example await lastCompletePeriod(ws.db, ws.config, 'year') // '2025-01-01'
 */
export async function lastCompletePeriod(conn: Connection, config: TenureConfig, grain: Grain): Promise<string> {
  return iso(await lastComplete(conn, grain, calendarOf(config)));
}

/**
 * Resolve a view's periods: `periods` (default 12) periods of `period` ending with `to`, or from `from` to `to`.
 * @example await periodWindow(ws, { period: 'quarter', periods: 8 }) // { grain: 'quarter', from: '2024-01-01', to: '2025-10-01' }
 */
export async function periodWindow(
  ws: Pick<Workspace, 'config'> & { db: Connection },
  o: WindowOptions = {},
): Promise<PeriodWindow> {
  const grain = o.period ?? 'month';
  const c = calendarOf(ws.config);
  const to = o.to ? periodStartOf(grain, parseDay(o.to, 'to'), c) : await lastComplete(ws.db, grain, c);
  let from = to;
  if (o.from) from = periodStartOf(grain, parseDay(o.from, 'from'), c);
  else for (let i = 1; i < Math.min(Math.max(1, o.periods ?? 12), 1000); i++) from = previous(grain, from, c);
  return { grain, from: iso(from), to: iso(to) };
}
