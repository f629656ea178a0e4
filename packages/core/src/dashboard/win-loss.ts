import { calendarOf, periodGrid } from '../metrics/calendar.ts';
import { computeMetrics } from '../metrics/compute.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { periodWindow, type WindowOptions } from './window.ts';

/** Customers lost to one competitor over a window, and how many of them came back. */
export interface CompetitorLosses {
  competitor: string;
  lost: number;
  mrrLost: number;
  wonBack: number;
  /** Their reasons, most frequent first (then by name). */
  reasons: { reason: string; lost: number }[];
}

export interface WinLoss {
  grain: string;
  from: string;
  to: string;
  /** The first day of every period of the window, those without a loss too. */
  periodStarts: string[];
  /** Most customers lost first (then by name). */
  competitors: CompetitorLosses[];
  /** Per period and competitor: the losses of that period and how many of them were won back since. */
  periods: { periodStart: string; competitor: string; lost: number; mrrLost: number; wonBack: number }[];
}

/**
 * Win–loss by competitor over a window (by default the 12 periods ending with the last complete one), from the
 * `churn_by_competitor` metric: its rows (period × competitor × reason) summed per competitor and per period.
 * @example const w = await winLoss(ws, { period: 'quarter' }); w.competitors[0] // { competitor: 'Nimbus Mobile', lost: 41, … }
 */
export async function winLoss(ws: Workspace, opts: WindowOptions = {}): Promise<WinLoss> {
  const w = await periodWindow(ws, opts);
  const rows = await computeMetrics(ws.db, ws.config, ['churn_by_competitor'], {
    period: w.grain,
    from: w.from,
    to: w.to,
  });
  const byCompetitor = new Map<string, CompetitorLosses>();
  const byPeriod = new Map<string, WinLoss['periods'][number]>();
  for (const r of rows) {
    const { competitor = '', reason = 'unknown' } = r.segment;
    const n = r.value ?? 0;
    const mrr = r.parts?.mrr_lost ?? 0;
    const back = r.parts?.won_back ?? 0;
    const c = byCompetitor.get(competitor) ?? { competitor, lost: 0, mrrLost: 0, wonBack: 0, reasons: [] };
    c.lost += n;
    c.mrrLost += mrr;
    c.wonBack += back;
    const known = c.reasons.find((x) => x.reason === reason);
    if (known) known.lost += n;
    else c.reasons.push({ reason, lost: n });
    byCompetitor.set(competitor, c);
    const key = JSON.stringify([r.period_start, competitor]);
    const p = byPeriod.get(key) ?? { periodStart: r.period_start, competitor, lost: 0, mrrLost: 0, wonBack: 0 };
    p.lost += n;
    p.mrrLost += mrr;
    p.wonBack += back;
    byPeriod.set(key, p);
  }
  const competitors = [...byCompetitor.values()].sort(
    (a, b) => b.lost - a.lost || a.competitor.localeCompare(b.competitor),
  );
  for (const c of competitors) c.reasons.sort((a, b) => b.lost - a.lost || a.reason.localeCompare(b.reason));
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  const periodStarts = periodGrid(w.grain, day(w.from), day(w.to), calendarOf(ws.config)).map((p) =>
    p.start.slice(0, 10),
  );
  return { grain: w.grain, from: w.from, to: w.to, periodStarts, competitors, periods: [...byPeriod.values()] };
}
