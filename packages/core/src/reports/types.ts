import type { MetricRow } from '../metrics/compute.ts';
import type { MetricQuery } from '../metrics/query.ts';
import type { Formats, Lang, Text, Unit } from '../present/index.ts';
import type { TenureConfig } from '../workspace/config.ts';
import type { ReportRange } from './range.ts';

/** A metric's value in the KPI table: straight from the metric's row for the month. */
export interface KpiRow {
  metric: string;
  title: string;
  unit: Unit;
  value: number | null;
  change: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

export interface SeriesPoint {
  /** YYYY-MM */
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  forecast: boolean;
}

export interface Series {
  metric: string;
  title: string;
  unit: Unit;
  /** The forecasting method of the forecast points, null without any. */
  method: string | null;
  points: SeriesPoint[];
}

export interface CohortMatrix {
  /** YYYY-MM for monthly cohorts. */
  cohorts: string[];
  /** Customers acquired in each cohort. */
  sizes: (number | null)[];
  ages: number[];
  /** cells[cohort][age]: the share still active; null where the cohort has not reached that age. */
  cells: (number | null)[][];
}

export interface ParetoBar {
  reason: string;
  count: number;
  share: number | null;
  cumulative: number | null;
  mrr_lost: number | null;
}

export interface CategoryRow {
  kind: string;
  category: string;
  count: number;
  share: number | null;
}

export interface SegmentRow {
  segment: string;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  numerator: number | null;
  denominator: number | null;
  p_adjusted: number | null;
  significant: boolean;
  /** For a significant segment: above or below the rate of all segments together. */
  direction: 'higher' | 'lower' | null;
}

export interface ScoreRow {
  entity: string;
  label: string;
  score: number | null;
}

export type SectionBody =
  | { kind: 'kpi'; month: string; rows: KpiRow[] }
  | { kind: 'trend'; series: Series[] }
  | { kind: 'cohort'; matrix: CohortMatrix }
  | { kind: 'pareto'; reasons: ParetoBar[]; categories: CategoryRow[] }
  | { kind: 'segments'; dimension: string; month: string; rows: SegmentRow[]; total: SegmentRow | null }
  | { kind: 'scorecard'; rows: ScoreRow[] };

export type Kind = SectionBody['kind'];

/** The body of one kind of section. */
export type Body<K extends Kind> = Extract<SectionBody, { kind: K }>;

/** A section as computed: its title in the report's language, what it shows, and notes (including why not). */
export type Section = {
  id: string;
  title: string;
  metrics: string[];
  /** True when none of the section's metrics could be computed; `notes` says why. */
  skipped: boolean;
  notes: string[];
} & SectionBody;

export interface ReportData {
  lang: Lang;
  title: string;
  /** YYYY-MM: the first and last month of the report. */
  from: string;
  to: string;
  currency: string;
  sections: Section[];
}

/** What a section's code sees besides its rows. */
export interface BuildContext {
  lang: Lang;
  fmt: Formats;
  range: ReportRange;
  /** The workspace's config: notes that name a configured rule (the retaliatory window) read it. */
  config: TenureConfig;
}

/**
 * A section of a report, as data: its title, its metrics, the query they are computed with, and the kind of
 * section that turns the rows into a table or chart (sections.ts). Kinds read their metrics by position:
 * pareto = [reasons, taxonomy split]; cohort, segments and scorecard use the first.
 */
export interface SectionDef {
  id: string;
  kind: Kind;
  title: Text;
  metrics: string[];
  /** One query, or several whose rows are put together (e.g. a breakdown and its total). */
  query: (r: ReportRange) => MetricQuery | MetricQuery[];
  /** trend: months to forecast. */
  horizon?: number;
  /** cohort: the part of each row to show (e.g. 'active_share'); the value when absent. */
  part?: string;
  /** Extra notes computed from the section's rows. */
  notes?: (rows: MetricRow[], c: BuildContext) => string[];
}
