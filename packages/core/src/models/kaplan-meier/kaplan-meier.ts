/**
 * Kaplan–Meier survival with Greenwood confidence bands (Kaplan & Meier 1958, "Nonparametric estimation from
 * incomplete observations", JASA 53:457–481, eq. 3; Kalbfleisch & Prentice, "The Statistical Analysis of
 * Failure Time Data", 2nd ed., 2002, eqs. 1.10–1.13):
 *   Ŝ(t) = Π_{tⱼ ≤ t} (1 − dⱼ / nⱼ),   var(ln Ŝ(t)) = Σ_{tⱼ ≤ t} dⱼ / (nⱼ (nⱼ − dⱼ))   (Greenwood 1926),
 * bands on the log scale by default (R survfit's conf.type = "log": Ŝ · exp(±z·se), capped at 1) or the
 * log-log scale (Kalbfleisch & Prentice eq. 1.14), and the median and restricted mean as R's survival
 * package computes them, so the reference tests compare like with like.
 */
import { Z95 } from '../../stats/wilson.ts';

export type ConfType = 'log' | 'log-log';

/** Lifetimes as weighted patterns: `count` customers at `time`, `events` of whom churned then. */
export interface SurvivalPatterns {
  time: Float64Array;
  events: Float64Array;
  count: Float64Array;
}

export interface KmRow {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood standard error of Ŝ(t); null once everyone at risk has churned. */
  stderr: number | null;
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeier {
  n: number;
  events: number;
  confType: ConfType;
  table: KmRow[];
  /** The median lifetime and its 95 % interval; null where the curve (or band) never reaches ½. */
  median: { estimate: number | null; lower: number | null; upper: number | null };
  /** ∫₀^τ Ŝ(t) dt, the mean lifetime restricted to τ, with its standard error. */
  restrictedMean: { tau: number; estimate: number; stderr: number };
}

/** Distinct times in ascending order with their events and removals. */
function byTime(p: SurvivalPatterns): { time: number[]; events: number[]; removed: number[]; n: number } {
  const order = Array.from(p.time.keys()).sort((i, j) => p.time[i]! - p.time[j]!);
  const time: number[] = [];
  const events: number[] = [];
  const removed: number[] = [];
  let n = 0;
  for (const i of order) {
    const t = p.time[i]!;
    if (time.at(-1) !== t) {
      time.push(t);
      events.push(0);
      removed.push(0);
    }
    events[events.length - 1]! += p.events[i]!;
    removed[removed.length - 1]! += p.count[i]!;
    n += p.count[i]!;
  }
  return { time, events, removed, n };
}

/**
 * Fit Kaplan–Meier to weighted patterns.
 *
 * @example
 * kaplanMeier({ time: Float64Array.of(1, 2, 3), events: Float64Array.of(1, 0, 1), count: Float64Array.of(1, 1, 1) })
 *   .table.map((r) => r.survival); // [2/3, 2/3, 0]
 */
export function kaplanMeier(p: SurvivalPatterns, opts: { confType?: ConfType; tau?: number } = {}): KaplanMeier {
  const confType = opts.confType ?? 'log';
  const { time, events, removed, n } = byTime(p);
  const table: KmRow[] = [];
  let atRisk = n;
  let s = 1;
  let greenwood = 0;
  time.forEach((t, j) => {
    const d = events[j]!;
    s *= 1 - d / atRisk;
    greenwood = d >= atRisk ? Number.POSITIVE_INFINITY : greenwood + d / (atRisk * (atRisk - d));
    const seLog = Math.sqrt(greenwood);
    const [lower, upper] = band(s, seLog, confType);
    const stderr = Number.isFinite(seLog) ? s * seLog : null;
    table.push({ time: t, atRisk, events: d, censored: removed[j]! - d, survival: s, stderr, lower, upper });
    atRisk -= removed[j]!;
  });
  const tau = opts.tau ?? time.at(-1) ?? 0;
  return {
    n,
    events: events.reduce((a, b) => a + b, 0),
    confType,
    table,
    median: {
      estimate: quantileTime(table, (r) => r.survival),
      // The lower band reaches ½ first, so it bounds the median from below.
      lower: quantileTime(table, (r) => r.lower),
      upper: quantileTime(table, (r) => r.upper),
    },
    restrictedMean: restrictedMean(table, tau),
  };
}

function band(s: number, seLog: number, type: ConfType): [number | null, number | null] {
  if (!Number.isFinite(seLog) || s <= 0) return [null, null];
  if (type === 'log') return [s * Math.exp(-Z95 * seLog), Math.min(1, s * Math.exp(Z95 * seLog))];
  if (s >= 1) return [null, null];
  // ln(−ln S) has standard error se / |ln S|; transforming back flips the ends.
  const w = (Z95 * seLog) / Math.log(s);
  return [s ** Math.exp(-w), s ** Math.exp(w)];
}

/**
 * The first time the curve reaches ½ (R's quantile.survfit): when it sits exactly at ½ over an interval, the
 * midpoint of that interval; null when it never gets there.
 */
function quantileTime(table: KmRow[], curve: (r: KmRow) => number | null): number | null {
  const drops = table.filter((r) => r.events > 0);
  const eps = Math.sqrt(Number.EPSILON);
  for (let j = 0; j < drops.length; j++) {
    const v = curve(drops[j]!);
    if (v === null || v > 0.5 + eps) continue;
    if (Math.abs(v - 0.5) <= eps && j + 1 < drops.length) return (drops[j]!.time + drops[j + 1]!.time) / 2;
    return drops[j]!.time;
  }
  return null;
}

/** ∫₀^τ Ŝ and its variance Σ_{tⱼ ≤ τ} (∫_{tⱼ}^τ Ŝ)² dⱼ / (nⱼ (nⱼ − dⱼ)) (R survival's survmean). */
function restrictedMean(table: KmRow[], tau: number): KaplanMeier['restrictedMean'] {
  const steps = table.filter((r) => r.events > 0 && r.time <= tau);
  let variance = 0;
  let end = tau;
  // Walk back from τ: `tail` is the area under Ŝ from the current step to τ.
  let tail = 0;
  for (let j = steps.length - 1; j >= 0; j--) {
    const r = steps[j]!;
    tail += r.survival * (end - r.time);
    end = r.time;
    if (r.atRisk > r.events) variance += (tail * tail * r.events) / (r.atRisk * (r.atRisk - r.events));
  }
  // Before the first churn Ŝ = 1.
  return { tau, estimate: tail + end, stderr: Math.sqrt(variance) };
}
