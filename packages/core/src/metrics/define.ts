import type { Dialect, Grain } from '../engine/dialect.ts';
import { grains } from '../engine/dialect.ts';
import type { Text, Unit } from '../present/index.ts';
import { type QualityRow, qualitySql } from '../quality/index.ts';
import type { Sql } from '../sql/sql.ts';
import { type CampaignRow, campaignExperimentsSql } from './campaign-experiments.ts';
import { type CaseFlowRow, caseFlowSql } from './case-flow.ts';
import { CASE_DIMENSIONS } from './case-segments.ts';
import { type CaseSlaRow, caseSlaSql } from './case-sla.ts';
import { type CaseStageRow, caseStagesSql } from './case-stages.ts';
import { type ChurnCompetitorRow, churnCompetitorsSql } from './churn-competitors.ts';
import { type ChurnCategoryRow, type ChurnReasonRow, churnCategoriesSql, churnReasonsSql } from './churn-events.ts';
import { type CohortRow, cohortsSql } from './cohorts.ts';
import { type FlowRow, flowSql } from './flow.ts';
import { type OrderCohortRow, orderCohortsSql } from './order-cohorts.ts';
import { type ProfitRow, profitSql } from './profit.ts';
import { type PurchaseRow, purchasesSql } from './purchases.ts';
import type { NormalQuery } from './query.ts';
import { type RenewalRow, renewalsSql } from './renewals.ts';
import type { Requirement } from './requires.ts';
import { type RetaliatoryRow, retaliatorySql } from './retaliatory.ts';
import { type RevenueRow, revenueSql } from './revenue.ts';
import { type SatisfactionRow, satisfactionSql } from './satisfaction.ts';
import { type ServiceRow, serviceSql } from './service.ts';
import { type ValueRow, valueSql } from './value.ts';

/** A base's SQL builder, tagged with the type of the rows its query returns (`row` exists in the type only). */
export type Base<Row> = ((q: NormalQuery, d: Dialect) => Sql) & { readonly row?: Row };
type RowOf<T> = T extends Base<infer Row> ? Row : never;
const base = <Row>(build: (q: NormalQuery, d: Dialect) => Sql): Base<Row> => build;

/**
 * Base measures: the few SQL queries metrics are derived from. A base returns a plain query (no engine
 * settings suffix, so bases can be nested in one another); `compute` appends the dialect's suffix. A metric names its base and maps a base row
 * to its value, so "active at start" has one definition shared by churn and both retention formulas.
 */
export const bases = {
  flow: base<FlowRow>(flowSql),
  revenue: base<RevenueRow>(revenueSql),
  service: base<ServiceRow>(serviceSql),
  satisfaction: base<SatisfactionRow>(satisfactionSql),
  value: base<ValueRow>(valueSql),
  profit: base<ProfitRow>(profitSql),
  quality: base<QualityRow>(qualitySql),
  purchases: base<PurchaseRow>(purchasesSql),
  renewals: base<RenewalRow>(renewalsSql),
  churn_reasons: base<ChurnReasonRow>(churnReasonsSql),
  churn_categories: base<ChurnCategoryRow>(churnCategoriesSql),
  churn_competitors: base<ChurnCompetitorRow>(churnCompetitorsSql),
  cohorts: base<CohortRow>(cohortsSql),
  order_cohorts: base<OrderCohortRow>(orderCohortsSql),
  cases: base<CaseFlowRow>(caseFlowSql),
  case_stages: base<CaseStageRow>(caseStagesSql),
  case_sla: base<CaseSlaRow>(caseSlaSql),
  retaliatory: base<RetaliatoryRow>(retaliatorySql),
  campaigns: base<CampaignRow>(campaignExperimentsSql),
};
export type BaseName = keyof typeof bases;

/**
 * Breakdowns a base offers beyond the customer dimensions every base has: the case bases break down by the
 * case's own columns (case-segments.ts). A query may use them when every metric it computes offers them.
 */
export const baseDimensions: Partial<Record<BaseName, readonly string[]>> = {
  cases: CASE_DIMENSIONS,
  case_stages: CASE_DIMENSIONS,
  case_sla: CASE_DIMENSIONS,
};

/** The breakdowns beyond customer dimensions that every one of `defs` offers (none unless all do). */
export function extraDimensions(defs: readonly Pick<MetricDef, 'base'>[]): string[] {
  const [first, ...rest] = defs.map((d) => baseDimensions[d.base] ?? []);
  return (first ?? []).filter((x) => rest.every((r) => r.includes(x)));
}

/** The row each base's query returns, read off the registry above: a base cannot be in one and not the other. */
export type BaseRows = { [B in BaseName]: RowOf<(typeof bases)[B]> };

export interface Value {
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Named components (e.g. MRR movements). */
  parts?: Record<string, number>;
  /** A 95 % interval the metric derives itself (`interval: 'own'`); an end it cannot bound is null. */
  ci?: { low: number | null; high: number | null };
  /** Why the value is null when the data is there but the figure cannot be had (e.g. not measurable), worded. */
  reason?: Text;
}

export interface MetricDef<B extends BaseName = BaseName> {
  id: string;
  title: Text;
  /** Formula in words, numerator and denominator: rendered into docs/metrics.md. */
  description: Text;
  /** What the value measures (present/units.ts): how it is formatted, bounded and whether it may be summed. */
  unit: Unit;
  grains: readonly Grain[];
  /** What the metric needs rows of (`a|b`: any one will do); an empty result names those missing (requires.ts). */
  requires: readonly Requirement[];
  base: B;
  /** Rates get Wilson 95 % intervals from numerator and denominator; `own`: the value states its interval (`ci`). */
  interval: 'wilson' | 'own' | 'none';
  value: (row: BaseRows[B]) => Value;
}

/** A metric over any base: the catalog's element type, derived so a new base needs no edit here. */
export type AnyMetric = { [B in BaseName]: MetricDef<B> }[BaseName];

/** Declare a metric; `grains` default to all. */
export const defineMetric = <B extends BaseName>(
  d: Omit<MetricDef<B>, 'grains'> & { grains?: readonly Grain[] },
): MetricDef<B> => ({
  grains,
  ...d,
});

/** numerator ÷ denominator, null when the denominator is 0. */
export const ratio = (numerator: number, denominator: number): Value => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});
