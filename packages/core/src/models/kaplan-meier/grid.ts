/**
 * Survival curves read at evenly spaced times, for drawing. A Kaplan–Meier table has a row per distinct
 * lifetime, about one per day of the data's span (time-units.ts): a thousand or more over a few years; a chart
 * needs a few hundred points, and sharing the times lets every segment use one axis.
 */
import type { KmRow } from './kaplan-meier.ts';
import type { SurvivalResult } from './survival.ts';

/** Ŝ(t) with its 95 % band; null beyond the curve's last observed time, where the estimate is undefined. */
export interface CurvePoint {
  time: number;
  survival: number | null;
  lower: number | null;
  upper: number | null;
}

/** A survival result whose curves carry points at shared times instead of their tables. */
export type SurvivalGrid = Omit<SurvivalResult, 'curves'> & {
  curves: (Omit<SurvivalResult['curves'][number], 'table'> & { points: CurvePoint[] })[];
};

/**
 * The step function's value at each time: the last row at or before it (1, with no band width, before the
 * first row).
 *
 * @example
 * curveAt(kaplanMeier(patterns).table, [0, 1.5, 3]).map((p) => p.survival); // [1, 2/3, 0]
 */
export function curveAt(table: readonly KmRow[], times: readonly number[]): CurvePoint[] {
  const last = table.at(-1)?.time ?? 0;
  let j = -1;
  return times.map((time) => {
    if (time > last) return { time, survival: null, lower: null, upper: null };
    while (j + 1 < table.length && table[j + 1]!.time <= time) j++;
    const row = table[j];
    return row
      ? { time, survival: row.survival, lower: row.lower, upper: row.upper }
      : { time, survival: 1, lower: 1, upper: 1 };
  });
}

/**
 * Every curve at `points` evenly spaced times from 0 to the longest observed time (times must be ascending).
 *
 * @example
 * survivalOnGrid(await survival(ws.db, ws.config, { unit: 'month', by: ['contract'] }), 200).curves[0].points;
 */
export function survivalOnGrid(r: SurvivalResult, points: number): SurvivalGrid {
  const end = Math.max(0, ...r.curves.map((c) => c.table.at(-1)?.time ?? 0));
  const times = Array.from({ length: points }, (_, i) => rounded((end * i) / (points - 1)));
  return {
    ...r,
    curves: r.curves.map(({ table, ...c }) => ({ ...c, points: curveAt(table, times).map(roundedPoint) })),
  };
}

/**
 * A drawn point to four decimals: a hundredth of a percentage point (pages show a tenth), a tenth of the narrowest
 * 95 % band a million customers give (±1e-3 at Ŝ = 0.5), four minutes of a month. Full doubles (17 digits) made
 * five curves of 200 points 113 KB (32 KB as brotli; 10 KB now), most of the survival route's time at a hundred
 * connections.
 */
const rounded = (x: number) => Math.round(x * 1e4) / 1e4;
const roundedOrNull = (x: number | null) => (x === null ? null : rounded(x));
const roundedPoint = (p: CurvePoint): CurvePoint => ({
  time: p.time,
  survival: roundedOrNull(p.survival),
  lower: roundedOrNull(p.lower),
  upper: roundedOrNull(p.upper),
});
