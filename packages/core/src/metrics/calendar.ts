import type { Dialect, Grain } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';

/**
 * Periods are half-open [start, end) in the workspace's wall-clock time. Weeks start on the configured day
 * and quarters/years on the fiscal-year start month. Engines only know ISO calendars, so a timestamp is
 * *shifted* (a day for Sunday weeks, back m−1 months for fiscal periods), bucketed on the ISO calendar, and
 * the grid's boundaries are the shifted boundaries shifted back.
 */
export interface CalendarOptions {
  fiscalStartMonth: number;
  weekStart: 'monday' | 'sunday';
}

/** The workspace's calendar, from its config: the one place the config's names meet the calendar's. */
export const calendarOf = (config: Pick<TenureConfig, 'fiscal_year_start_month' | 'week_start'>): CalendarOptions => ({
  fiscalStartMonth: config.fiscal_year_start_month,
  weekStart: config.week_start,
});

export interface Period {
  k: number;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} 00:00:00`;

/** The offset applied before ISO bucketing: +1 day (Sunday weeks) or −(m−1) months (fiscal quarters/years). */
function shiftOf(grain: Grain, o: CalendarOptions): { days: number; months: number } {
  if (grain === 'week' && o.weekStart === 'sunday') return { days: 1, months: 0 };
  if (grain === 'quarter' || grain === 'year') return { days: 0, months: -(o.fiscalStartMonth - 1) };
  return { days: 0, months: 0 };
}

function move(d: Date, days: number, months: number): Date {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  r.setUTCDate(r.getUTCDate() + days);
  return r;
}

function isoStart(grain: Grain, d: Date): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (grain) {
    case 'day':
      return new Date(Date.UTC(y, m, d.getUTCDate()));
    case 'week': {
      const r = new Date(Date.UTC(y, m, d.getUTCDate()));
      r.setUTCDate(r.getUTCDate() - ((r.getUTCDay() + 6) % 7));
      return r;
    }
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

function isoAdd(grain: Grain, d: Date, n: number): Date {
  if (grain === 'day') return move(d, n, 0);
  if (grain === 'week') return move(d, 7 * n, 0);
  return move(d, 0, n * (grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12));
}

/** Start of the period (in this calendar) that contains `day`. */
export function periodStartOf(grain: Grain, day: Date, o: CalendarOptions): Date {
  const s = shiftOf(grain, o);
  return move(isoStart(grain, move(day, s.days, s.months)), -s.days, -s.months);
}

/**
 * How a period is written for people, from its start (`YYYY-MM-DD…`): 2024-03-15 (day, and week: its first day),
 * 2024-03 (month), 2024-Q1 (quarter), 2024 (year). With a fiscal year that does not start in January, quarters and
 * years are the fiscal ones, named by the calendar year the fiscal year starts in: FY2024-Q1, FY2024.
 */
export function periodLabel(grain: Grain, start: string, o: CalendarOptions): string {
  if (grain === 'day' || grain === 'week') return start.slice(0, 10);
  if (grain === 'month') return start.slice(0, 7);
  const d = move(new Date(`${start.slice(0, 10)}T00:00:00Z`), 0, shiftOf(grain, o).months);
  const year = `${o.fiscalStartMonth === 1 ? '' : 'FY'}${d.getUTCFullYear()}`;
  return grain === 'year' ? year : `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The periods from the one containing `from` to the one containing `to`, inclusive. */
export function periodGrid(grain: Grain, from: Date, to: Date, o: CalendarOptions): Period[] {
  const s = shiftOf(grain, o);
  const first = isoStart(grain, move(from, s.days, s.months));
  const last = isoStart(grain, move(to, s.days, s.months));
  const out: Period[] = [];
  for (let k = 0, cur = first; cur <= last; k++, cur = isoAdd(grain, first, k)) {
    out.push({
      k,
      start: fmt(move(cur, -s.days, -s.months)),
      end: fmt(move(isoAdd(grain, first, k + 1), -s.days, -s.months)),
    });
    if (out.length > 5000) break;
  }
  return out;
}

/** SQL: the index (relative to the grid's first period) of the period containing ts; may be < 0 or ≥ n. */
export function periodIndex(d: Dialect, grain: Grain, o: CalendarOptions, origin: string, ts: Sql): Sql {
  const shifted = shiftSql(d, grain, o, ts);
  return d.periodsBetween(grain, shiftSql(d, grain, o, d.timestamp(sql`${origin}`)), shifted);
}

/** SQL: whether ts is exactly a period boundary of this calendar. */
export function isBoundary(d: Dialect, grain: Grain, o: CalendarOptions, ts: Sql): Sql {
  const shifted = shiftSql(d, grain, o, ts);
  return sql`(${d.periodStart(grain, shifted)} = ${shifted})`;
}

function shiftSql(d: Dialect, grain: Grain, o: CalendarOptions, ts: Sql): Sql {
  const s = shiftOf(grain, o);
  if (s.days) return d.addPeriods('day', ts, sql`${s.days}`);
  if (s.months) return d.addPeriods('month', ts, sql`${s.months}`);
  return ts;
}
