import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { type CalendarOptions, periodGrid } from '../metrics/calendar.ts';
import type { MetricQuery } from '../metrics/query.ts';
import { sql } from '../sql/sql.ts';

/** The months a report covers (YYYY-MM, inclusive) and the calendar metric periods follow. */
export interface ReportRange {
  from: string;
  to: string;
  /** The month before `to`, for the KPI table's change. */
  prev: string;
  calendar: CalendarOptions;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Months from `from` to `to`, both included. */
export const monthsIn = (from: string, to: string): number => {
  const [a = 0, b = 0] = [from, to].map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)));
  return b - a + 1;
};

function checkMonth(text: string, option: string): string {
  if (!MONTH.test(text))
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `${option} ${JSON.stringify(text)}`,
      hint: { en: 'Use YYYY-MM.', 'zh-CN': '请使用 YYYY-MM。' },
    });
  return text;
}

/**
 * The last complete month with data: the month before the one containing the day after the latest
 * subscription start or end, order or churn event (a month is complete when its last day is in the data).
 */
export async function lastCompleteMonth(conn: Connection, today = new Date()): Promise<string | null> {
  const [r] = await conn.all<{ last: string | null }>(sql`SELECT CAST(max(d) AS VARCHAR) AS last FROM (
      SELECT max(greatest(started_at, coalesce(ended_at, started_at))) AS d FROM subscriptions
      UNION ALL SELECT max(ordered_at) FROM orders
      UNION ALL SELECT max(churned_at) FROM churn_events) x`);
  if (!r?.last) return null;
  const last = new Date(`${r.last.slice(0, 10)}T00:00:00Z`);
  const day = last > today ? today : last;
  const next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1));
  return addMonths(next.toISOString().slice(0, 7), -1);
}

/** from and to when given; otherwise the 12 months ending with the last complete month that has data. */
export async function reportRange(
  conn: Connection,
  calendar: CalendarOptions,
  opts: { from?: string; to?: string },
): Promise<ReportRange> {
  let to = opts.to === undefined ? undefined : checkMonth(opts.to, 'to');
  const from = opts.from === undefined ? undefined : checkMonth(opts.from, 'from');
  if (!to) {
    to = (await lastCompleteMonth(conn)) ?? undefined;
    if (!to)
      throw tenureError('TEN_METRIC_BAD_QUERY', {
        detail: 'the workspace has no subscriptions, orders or churn events to report on',
        hint: { en: 'Import data first, or give the range.', 'zh-CN': '请先导入数据，或指定时间范围。' },
        remedies: [{ action: 'give_range' }],
      });
  }
  const start = from ?? addMonths(to, -11);
  if (start > to)
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `to ${to} is before from ${start}`,
      hint: { en: 'Swap them.', 'zh-CN': '请交换两者。' },
    });
  return { from: start, to, prev: addMonths(to, -1), calendar };
}

const day = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * A query with the whole range as one period when a calendar period (year or quarter) matches it exactly,
 * so totals over the range come from the metric itself; otherwise the range by month.
 */
export function wholeRange(r: ReportRange): MetricQuery {
  for (const grain of ['year', 'quarter'] as const) {
    const grid = periodGrid(grain, day(r.from), day(r.to), r.calendar);
    const end = `${addMonths(r.to, 1)}-01`;
    if (grid.length === 1 && grid[0]?.start.startsWith(`${r.from}-01`) && grid[0].end.startsWith(end))
      return { period: grain, from: r.from, to: r.to };
  }
  return { period: 'month', from: r.from, to: r.to };
}
