import { z } from 'zod';
import type { BenchmarkReport } from '../metrics/benchmarks-compare.ts';
import type { QualityReport } from '../quality/index.ts';
import type { ReportData } from '../reports/types.ts';
import { configSchema } from '../workspace/config.ts';

export const statusResponse = z.object({
  entities: z.array(
    z.object({
      entity: z.string(),
      rows: z.number(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      lastImport: z.string().nullable(),
      /** Rows the entity's latest import rejected (earlier batches' rejects are history, not the state). */
      rejectedRows: z.number(),
      lastBatch: z.number().nullable().optional(),
    }),
  ),
  lastCompleteMonth: z.string().nullable(),
  headline: z
    .object({
      month: z.string(),
      activeAtStart: z.number(),
      churned: z.number(),
      rate: z.number().nullable(),
      basis: z.string(),
      /** The snapshot as-of date when the churn comes from a snapshot import (a share churned, not a rate). */
      snapshot: z.string().nullable().optional(),
    })
    .nullable(),
  dimensions: z.array(z.string()),
});

/** The workspace config; a PUT takes any part of it, `churn` key by key, and is checked against the whole. */
export const settingsResponse = configSchema;
export const settingsBody = configSchema
  .omit({ churn: true, version: true })
  .partial()
  .extend({ churn: configSchema.shape.churn.unwrap().partial().optional() })
  .strict();

export const reportQuery = z.object({
  lang: z.enum(['en', 'zh', 'zh-CN']).default('en'),
  format: z.enum(['json', 'html', 'md']).default('json'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'use YYYY-MM')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'use YYYY-MM')
    .optional(),
});

/**
 * A JSON object whose shape is documented by its core type rather than repeated here (the quality scorecard,
 * benchmark comparisons and the report carry many nested figures): passed through unchanged.
 */
const opaque = <T>(description: string) => z.looseObject({}).describe(description) as unknown as z.ZodType<T>;

export const qualityResponse = opaque<QualityReport>(
  'QualityReport: overall, now, dataEnd, entities[] (packages/core/src/quality)',
);
export const benchmarksResponse = opaque<BenchmarkReport>(
  'BenchmarkReport: rows[], unknownMetrics[] (metrics/benchmarks-compare.ts)',
);
export const reportResponse = opaque<ReportData>(
  'ReportData: lang, title, from, to, currency, sections[] (reports/types.ts)',
);

export const healthResponse = z.object({ status: z.literal('ok'), version: z.string() });
