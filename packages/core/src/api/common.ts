import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../paging.ts';

/**
 * The HTTP API's shapes as zod schemas: the server validates requests and responses with them and derives
 * its OpenAPI document from them (docs/api.md). Zod only: nothing here reaches the engine or the importer.
 */

/** application/problem+json, as every error is rendered. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  hint: z.string(),
  where: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** A model fit's diagnostics (optimiser runs, the degenerate optimum), for callers that want to look deeper. */
  diagnostics: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** ?page=1&pageSize=50 */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** A page of rows: `{ total, page, pageSize, rows }`. */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(row) });

/** A query value that may repeat (`?filter=a&filter=b`), as a list. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** `by=region,channel` → ['region', 'channel']. */
export const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/**
 * `filter=region:华东&filter=region:华北&filter=channel:online` → `{ region: ['华东', '华北'], channel: ['online'] }`.
 * Names are checked against the workspace's dimensions by core, not here.
 */
export const dimensionFilter = repeated.pipe(
  z.array(z.string().regex(/^[^:]+:.*$/, 'use dimension:value')).transform((items) => {
    const out: Record<string, string[]> = {};
    for (const item of items) {
      const at = item.indexOf(':');
      const [dim, value] = [item.slice(0, at).trim(), item.slice(at + 1)];
      out[dim] = [...(out[dim] ?? []), value];
    }
    return out;
  }),
);

/** A period text as the metric queries take it: YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD. */
export const periodText = z
  .string()
  .regex(/^\d{4}(-(\d{2}(-\d{2})?|Q[1-4]))?$/, 'use YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD');

export const grainSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export const unitSchema = z.enum(['count', 'ratio', 'money']);
export const roleSchema = z.enum(['viewer', 'analyst', 'admin']);

/** The body of a 204 response. */
export const noContent = z.null().describe('No content');
