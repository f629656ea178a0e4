/**
 * Business hours: a weekly calendar of open intervals in a time zone, with holidays, and the time at which N
 * hours of it have passed since a start. Pure TypeScript over `Intl` (no time-zone library): an interval's
 * boundaries are wall-clock times of its day, turned into instants in the calendar's zone, so a day with a
 * daylight-saving change counts the hours that really pass (an open day 00:00–24:00 on the spring-forward day is
 * 23 hours long).
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A calendar as the config holds it: per weekday its open intervals `HH:MM-HH:MM` (end up to 24:00). */
export interface BusinessCalendar {
  time_zone: string;
  week: Partial<Record<Weekday, readonly string[]>>;
  /** Whole days closed, `YYYY-MM-DD` in the calendar's zone. */
  holidays: readonly string[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How far ahead a due time is looked for: a calendar open one hour a year still gets its targets. */
const MAX_DAYS = 3 * 366;

/** Minutes since midnight of `HH:MM` (24:00 allowed), or null. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : null;
}

/** An interval `HH:MM-HH:MM` as [from, to) minutes, or null when malformed or empty. */
export function intervalOf(text: string): [number, number] | null {
  const [a, b, ...rest] = text.split('-');
  if (a === undefined || b === undefined || rest.length) return null;
  const from = minutesOf(a.trim());
  const to = minutesOf(b.trim());
  return from !== null && to !== null && from < to ? [from, to] : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is a time zone this runtime knows (an IANA name such as Asia/Shanghai). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at instant `ms`, as if it were UTC (so the difference is the zone's offset). */
function wallClock(ms: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(new Date(ms))) p[type] = Number(value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/**
 * The instant at which the wall clock in `zone` reads `local` (a UTC-encoded wall time). A zone changes its
 * offset at most once within a day either side, so the offsets a day before and after are the only
 * candidates. A time repeated by a fall-back change is its first occurrence; a time skipped by a spring-forward
 * change is moved forward by the change (10 minutes past a skipped 2:00 is 3:10), as Temporal's `compatible`.
 */
function instantOf(local: number, zone: string): number {
  const offsetAt = (ms: number) => wallClock(ms, zone) - Math.floor(ms / 1000) * 1000;
  const before = local - offsetAt(local - DAY_MS);
  const after = local - offsetAt(local + DAY_MS);
  const reads = [before, after].filter((t) => wallClock(t, zone) === local);
  return reads.length ? Math.min(...reads) : before;
}

const dateText = (day: number) => new Date(day).toISOString().slice(0, 10);

/**
 * The time at which `hours` of the calendar's open time have passed since `start` (a start outside open hours
 * waits for the next opening). Holidays are closed all day. Hours may be fractional; 0 is `start` itself.
 * @example addBusinessHours(new Date('2026-03-06T09:00:00Z'), 4, { time_zone: 'Asia/Shanghai', week: { mon: ['09:00-18:00'], fri: ['09:00-18:00'] }, holidays: [] })
 * // Friday 17:00 in Shanghai + 4 h = 1 h on Friday, then 3 h on Monday: 2026-03-09T04:00:00Z (12:00 local)
 */
export function addBusinessHours(start: Date, hours: number, cal: BusinessCalendar): Date {
  let left = hours * HOUR_MS;
  const t0 = start.getTime();
  if (left <= 0) return new Date(t0);
  const holidays = new Set(cal.holidays);
  const week = new Map<number, [number, number][]>(
    WEEKDAYS.map((d, i) => [
      i,
      (cal.week[d] ?? [])
        .flatMap((s) => (intervalOf(s) ? [intervalOf(s) as [number, number]] : []))
        .sort((a, b) => a[0] - b[0]),
    ]),
  );
  // The start's local day, as the UTC midnight of that date.
  const firstDay = Math.floor(wallClock(t0, cal.time_zone) / DAY_MS) * DAY_MS;
  for (let n = 0; n <= MAX_DAYS; n++) {
    const day = firstDay + n * DAY_MS;
    if (holidays.has(dateText(day))) continue;
    for (const [from, to] of week.get(new Date(day).getUTCDay()) ?? []) {
      const open = Math.max(instantOf(day + from * 60_000, cal.time_zone), t0);
      const close = instantOf(day + to * 60_000, cal.time_zone);
      if (close <= open) continue;
      if (close - open >= left) return new Date(open + left);
      left -= close - open;
    }
  }
  throw new RangeError(`the calendar has fewer than ${hours} open hours in ${MAX_DAYS} days`);
}

/**
 * The due time of a target: `hours` after `start` around the clock, or in the calendar's business hours.
 * @example dueAfter(new Date('2026-01-01T00:00:00Z'), 8, null) // 2026-01-01T08:00:00.000Z
 */
export const dueAfter = (start: Date, hours: number, cal: BusinessCalendar | null): Date =>
  cal ? addBusinessHours(start, hours, cal) : new Date(start.getTime() + hours * HOUR_MS);
