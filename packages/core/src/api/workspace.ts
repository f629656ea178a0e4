import { z } from 'zod';
import { benchmarkOnlyNames } from '../metrics/benchmark-only.ts';
import { ENTITY_NAMES } from '../present/labels.ts';
import { configSchema, settingsPatchSchema } from '../workspace/config.ts';
import { freshness, isoMonth, langParam, langSchema, unitSchema } from './common.ts';

export const statusResponse = z.object({
  entities: z.array(
    z.object({
      entity: z.enum(ENTITY_NAMES),
      rows: z.number(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      last_import: z.string().nullable(),
      /** Rows the entity's latest import rejected (earlier batches' rejects are history, not the state). */
      rejected_rows: z.number(),
      last_batch: z.number().nullable().optional(),
    }),
  ),
  last_complete_month: z.string().nullable(),
  headline: z
    .object({
      month: z.string(),
      active_at_start: z.number(),
      churned: z.number(),
      rate: z.number().nullable(),
      basis: z.string(),
      /** The snapshot as-of date when the churn comes from a snapshot import (a share churned, not a rate). */
      snapshot: z.string().nullable().optional(),
    })
    .nullable(),
  dimensions: z.array(z.string()),
  /** Dimensions computed from the data (value tier, RFM, lifecycle stage): for metric breakdowns and filters. */
  derived_dimensions: z.array(z.string()),
});

/** The workspace config; a PUT takes any part of it, key by key at any depth, and is checked against the whole. */
export const settingsResponse = configSchema;
export const settingsBody = settingsPatchSchema;

export const reportQuery = z.object({
  lang: langParam.default('en'),
  format: z.enum(['json', 'html', 'md']).default('json'),
  from: isoMonth.optional(),
  to: isoMonth.optional(),
});

const score = z.number().nullable();

/** Each dimension of an entity's data quality: its 0–100 score and the counts behind it (quality/*.ts). */
const qualityDimensions = {
  completeness: z.object({
    score,
    columns: z.array(
      z.object({
        column: z.string(),
        required: z.boolean(),
        filled: z.number(),
        share: z.number().nullable(),
        weight: z.number(),
      }),
    ),
  }),
  validity: z.object({
    score,
    invalid_rows: z.number(),
    rules: z.array(
      z.object({
        column: z.string(),
        rule: z.enum(['enum', 'nonNegative', 'range', 'notBefore', 'notFuture']),
        expected: z.string(),
        violations: z.number(),
      }),
    ),
  }),
  uniqueness: z.object({
    score,
    key: z.array(z.string()).readonly(),
    distinct_keys: z.number(),
    duplicate_groups: z.number(),
    duplicate_rows: z.number(),
    extra_rows: z.number(),
  }),
  integrity: z.object({
    score,
    references: z.array(
      z.object({ column: z.string(), references: z.string(), checked: z.number(), orphans: z.number() }),
    ),
  }),
  freshness: z.object({
    score,
    column: z.string().nullable(),
    newest: z.string().nullable(),
    age_days: z.number().nullable(),
    status: z.enum(['fresh', 'stale', 'expired']).nullable(),
  }),
};

/** A column or rule and what it costs: points of its dimension (`loss`) and of the entity score (`impact`). */
export const qualityOffenderSchema = z.object({
  dimension: z.enum(['completeness', 'validity', 'uniqueness', 'integrity', 'freshness']),
  column: z.string(),
  rule: z.string(),
  count: z.number(),
  loss: z.number(),
  impact: z.number(),
});

/** The quality scorecard (quality/index.ts): per entity a 0–100 score, each dimension, and the worst offenders. */
export const qualityResponse = z.object({
  overall: z.number().nullable(),
  now: z.string(),
  data_end: z.string(),
  entities: z.array(
    z.object({
      entity: z.enum(ENTITY_NAMES),
      rows: z.number(),
      score,
      ...qualityDimensions,
      offenders: z.array(qualityOffenderSchema),
    }),
  ),
});

/** Benchmarks set against our own figures (metrics/benchmarks-compare.ts). */
export const benchmarksResponse = z.object({
  rows: z.array(
    z.object({
      source: z.string(),
      metric: z.string(),
      metric_id: z.string().nullable(),
      benchmark_only: z.enum(benchmarkOnlyNames).nullable(),
      unit: unitSchema.nullable(),
      period_start: z.string(),
      period_end: z.string().nullable(),
      grain: z.enum(['month', 'quarter', 'year']).nullable(),
      segment: z.string(),
      note: z.string().nullable(),
      benchmark: z.number(),
      ours: z.number().nullable(),
      difference: z.number().nullable(),
      ratio: z.number().nullable(),
      problem: z.string().nullable(),
    }),
  ),
  unknown_metrics: z.array(z.object({ metric: z.string(), rows: z.number(), suggestion: z.string().optional() })),
});

/**
 * The management report as data (reports/types.ts). Each section's body depends on its kind (kpi, trend,
 * cohort, pareto, segments, scorecard) and is passed through as the renderers read it.
 */
export const reportResponse = z.object({
  lang: langSchema,
  title: z.string(),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  sections: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(['kpi', 'trend', 'cohort', 'pareto', 'segments', 'scorecard']),
      title: z.string(),
      metrics: z.array(z.string()),
      skipped: z.boolean(),
      notes: z.array(z.string()),
    }),
  ),
  ...freshness,
});

export const healthResponse = z.object({ status: z.literal('ok'), version: z.string() });
