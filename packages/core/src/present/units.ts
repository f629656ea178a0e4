import type { Text } from './text.ts';

/** What a measure's unit means: whether values may be added across disjoint groups, where they lie, its name. */
export interface UnitSpec {
  /**
   * Counts and money add up over disjoint sets of customers (a region's churned customers are the sum of its
   * segments'); rates, means, scores and multiples do not (the churn rate of two segments is no sum of theirs).
   * The rollups sum measures, so only a summable unit may be stored as a sum (SummableUnit).
   */
  summable: boolean;
  /** The values a measure can take, which a forecast is clamped to. */
  min: number;
  max: number;
  label: Text;
}

const ANY = Number.POSITIVE_INFINITY;

/** Every unit a metric or measure is stated in; the wire (`unitSchema`) and every formatter take these names. */
export const units = {
  count: { summable: true, min: 0, max: ANY, label: { en: 'count', 'zh-CN': '数量' } },
  money: { summable: true, min: -ANY, max: ANY, label: { en: 'money', 'zh-CN': '金额' } },
  /** A rate or share as a fraction (0.034 = 3.4 %); a revenue ratio such as NRR may pass 1. */
  ratio: { summable: false, min: 0, max: ANY, label: { en: 'rate', 'zh-CN': '比率' } },
  /** A change as a fraction of where it started (−0.02 = −2 %): customer growth; read and compared as a rate. */
  growth: { summable: false, min: -1, max: ANY, label: { en: 'growth rate', 'zh-CN': '增长率' } },
  /** Points on a bounded scale: NPS and eNPS (−100 … 100), a 0–100 quality score, a 1–7 CES mean. */
  score: { summable: false, min: -100, max: 100, label: { en: 'score', 'zh-CN': '得分' } },
  /** One quantity per another: LTV : CAC, orders per buyer. */
  multiple: { summable: false, min: 0, max: ANY, label: { en: 'multiple', 'zh-CN': '倍数' } },
  per_1000: { summable: false, min: 0, max: ANY, label: { en: 'per 1,000', 'zh-CN': '每千' } },
  /** Durations, by the time unit the metric states them in. */
  hours: { summable: false, min: 0, max: ANY, label: { en: 'hours', 'zh-CN': '小时' } },
  months: { summable: false, min: 0, max: ANY, label: { en: 'months', 'zh-CN': '月' } },
} as const satisfies Record<string, UnitSpec>;

export type Unit = keyof typeof units;

/** Units that are fractions shown as percents, whose changes are percentage points. */
export const isShareUnit = (u: Unit): u is 'ratio' | 'growth' => u === 'ratio' || u === 'growth';
export const UNITS = Object.keys(units) as [Unit, ...Unit[]];

/** The units the type system lets a rollup sum (cubes.ts). */
export type SummableUnit = { [U in Unit]: (typeof units)[U]['summable'] extends true ? U : never }[Unit];

export const isSummable = (u: Unit): u is SummableUnit => units[u].summable;
