import { z } from 'zod';
import { grainSchema, periodText, textSchema, unitSchema } from './common.ts';

const n = z.number().nullable();

/** Benchmarks over time (dashboard/benchmark-trends.ts): one series per metric, source and segment, with the gap. */
export const benchmarkTrendsResponse = z.object({
  series: z.array(
    z.object({
      metric: z.string(),
      title: textSchema,
      unit: unitSchema,
      benchmark_only: z.boolean(),
      source: z.string(),
      segment: z.string(),
      grain: z.enum(['month', 'quarter', 'year']),
      points: z.array(z.object({ period_start: z.string(), benchmark: z.number(), ours: n, difference: n })),
      gap: z.object({ latest: n, slope: n, direction: z.enum(['narrowing', 'widening', 'steady']).nullable() }),
    }),
  ),
  problems: z.array(
    z.object({ source: z.string(), metric: z.string(), period_start: z.string(), problem: z.string() }),
  ),
});

export const winLossQuery = z.object({
  period: grainSchema.default('month'),
  from: periodText.optional(),
  to: periodText.optional(),
});

/** Win–loss by competitor over a window (dashboard/win-loss.ts, metric churn_by_competitor). */
export const winLossResponse = z.object({
  grain: z.string(),
  from: z.string(),
  to: z.string(),
  period_starts: z.array(z.string()),
  competitors: z.array(
    z.object({
      competitor: z.string(),
      lost: z.number(),
      mrr_lost: z.number(),
      won_back: z.number(),
      reasons: z.array(z.object({ reason: z.string(), lost: z.number() })),
    }),
  ),
  periods: z.array(
    z.object({
      period_start: z.string(),
      competitor: z.string(),
      lost: z.number(),
      mrr_lost: z.number(),
      won_back: z.number(),
    }),
  ),
});
