import { z } from 'zod';
import { activityBases } from '../metrics/activity-bases.ts';
import { ENTITY_NAMES } from '../present/labels.ts';
import { commaList, dimensionFilter, freshness, grainSchema, periodText, textSchema, unitSchema } from './common.ts';
import { langQuery } from './predict.ts';

export const metricListResponse = z.object({
  metrics: z.array(
    z.object({
      id: z.string(),
      title: textSchema,
      unit: unitSchema,
      description: textSchema,
      grains: z.array(grainSchema),
    }),
  ),
});

export const metricParams = z.object({ name: z.string() });

/** GET /metrics/:name. Without from and to: the 12 periods ending with the last complete one. */
export const metricQuery = z.object({
  period: grainSchema.default('month'),
  from: periodText.optional(),
  to: periodText.optional(),
  by: commaList,
  filter: dimensionFilter,
  basis: z.enum(activityBases).default('auto'),
  forecast: z.coerce.number().int().min(0).max(36).default(0),
  /** The language of `missing`'s texts; without it, the user's choice or Accept-Language. */
  lang: langQuery.shape.lang,
});

const n = z.number().nullable();
export const metricRowSchema = z.object({
  metric: z.string(),
  period_start: z.string(),
  period_end: z.string(),
  segment: z.record(z.string(), z.string()),
  value: n,
  numerator: n,
  denominator: n,
  ci_low: n,
  ci_high: n,
  parts: z.record(z.string(), z.number()).optional(),
  change: n.optional(),
  p_value: n.optional(),
  p_adjusted: n.optional(),
  significant: z.boolean().optional(),
  forecast: z.string().optional(),
  /** The snapshot as-of date(s) when the figure's churn comes from a snapshot import (no trend, no forecast). */
  snapshot: z.string().optional(),
  /** Why the value is null though the data is there (e.g. CRM ROI without a control group: not measurable). */
  reason: textSchema.optional(),
});
/**
 * Why a result holds no value: the data it needs that the workspace has none of (import any one of `entities`),
 * with the message and hint in the request's language.
 */
export const missingDataSchema = z.object({
  entities: z.array(z.enum(ENTITY_NAMES)),
  message: z.string(),
  hint: z.string(),
});
export const metricResponse = z.object({
  metric: z.string(),
  rows: z.array(metricRowSchema),
  missing: z.array(missingDataSchema),
  ...freshness,
});

export const overviewQuery = z.object({
  period: grainSchema.default('month'),
  to: periodText.optional(),
  periods: z.coerce.number().int().min(2).max(120).default(12),
});
export const overviewResponse = z.object({
  period: grainSchema,
  from: z.string(),
  to: z.string(),
  kpis: z.array(
    z.object({
      metric: z.string(),
      unit: unitSchema,
      value: n,
      previous: n,
      change: n,
      ci_low: n,
      ci_high: n,
      series: z.array(z.object({ period_start: z.string(), value: n })),
      snapshot: z.string().optional(),
      /** Without a value for want of data: the tables to import, each a list any one of which will do. */
      missing: z.array(z.array(z.enum(ENTITY_NAMES))),
    }),
  ),
  ...freshness,
});

/** What a cohort heatmap shows (dashboard/cohorts.ts). */
const cohortModes = ['customers', 'revenue', 'order_revenue', 'order_revenue_capped'] as const;
export const cohortsQuery = z.object({
  period: grainSchema.default('month'),
  from: periodText.optional(),
  to: periodText.optional(),
  mode: z.enum(cohortModes).default('customers'),
  by: commaList,
});
export const cohortsResponse = z.object({
  mode: z.enum(cohortModes),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      segment: z.record(z.string(), z.string()),
      size: z.number(),
      cells: z.array(z.object({ age: z.number().int(), value: n, count: z.number() })),
    }),
  ),
  ...freshness,
});

export const churnReasonsQuery = z.object({ from: periodText.optional(), to: periodText.optional() });
const node = z.object({ name: z.string(), count: z.number(), share: z.number() });
export const churnReasonsResponse = z.object({
  from: z.string(),
  to: z.string(),
  reasons: z.array(
    z.object({
      reason: z.string(),
      count: z.number(),
      mrr_lost: z.number(),
      share: z.number(),
      cumulative_share: z.number(),
    }),
  ),
  taxonomy: z.array(node.extend({ children: z.array(node).optional() })),
});
