import { z } from 'zod';
import { pageOf, pageQuery, problemSchema } from './common.ts';
import { langQuery } from './predict.ts';

/** The text fields of a multipart import next to its `file`: JSON objects arrive as JSON text. */
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      try {
        return s ? JSON.parse(s) : undefined;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());

/** Options of an upload, as the CLI's import options (ImportOptions). */
export const importOptionsSchema = z
  .object({
    format: z.string(),
    encoding: z.string(),
    sheet: z.string(),
    delimiter: z.string(),
    date_format: z.string(),
    as_of: z.string(),
    max_reject_rate: z.number().min(0).max(1),
    create_missing_customers: z.boolean(),
    drop_unmapped: z.boolean(),
  })
  .partial()
  .strict();

export const importFields = z.object({
  entity: z.string(),
  map: json(z.record(z.string(), z.string())),
  options: json(importOptionsSchema),
});

export const importSummarySchema = z.object({
  batch_id: z.number().nullable(),
  entity: z.string(),
  file: z.string(),
  format: z.string(),
  encoding: z.string(),
  sha256: z.string(),
  status: z.enum(['loaded', 'refused', 'dry-run']),
  rows_read: z.number(),
  rows_loaded: z.number(),
  rows_rejected: z.number(),
  rows_blank: z.number(),
  rows_new: z.number(),
  rows_updated: z.number(),
  rows_unchanged: z.number(),
  customers_created: z.number(),
  churn_events_derived: z.number(),
  mapping: z.array(z.object({ field: z.string(), header: z.string() })),
  extras: z.array(z.object({ header: z.string(), column: z.string(), type: z.string() })),
  dropped: z.array(z.string()),
  snapshot: z.object({ tenure: z.string(), churn: z.string() }).optional(),
  derived_key: z.boolean(),
  problems: z.array(
    z.object({
      code: z.string(),
      column: z.string().nullable(),
      count: z.number(),
      first_line: z.number().nullable(),
      example: z.string(),
    }),
  ),
  /** Dry runs: the first rows as they would load. */
  preview: z.array(z.record(z.string(), z.unknown())).optional(),
  seconds: z.number(),
});

/** POST /imports/preview: the dry run with what the wizard's mapping editor and reject limit need. */
export const importPreviewSchema = z.object({
  columns: z.array(z.string()),
  fields: z.array(z.object({ name: z.string(), required: z.boolean() })),
  mapping: z.array(z.object({ field: z.string(), header: z.string() })),
  missing: z.array(z.string()),
  max_reject_rate: z.number(),
  refused: z.boolean(),
  summary: importSummarySchema.nullable(),
});

export const jobSchema = z.object({
  job_id: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ phase: z.string(), percent: z.number() }),
  summary: importSummarySchema.optional(),
  error: problemSchema.optional(),
});
export const jobParams = z.object({ job_id: z.string() });
export const jobCreated = z.object({ job_id: z.string() });

export const batchRowSchema = z.object({
  batch_id: z.number(),
  entity: z.string(),
  file_name: z.string(),
  format: z.string().nullable(),
  status: z.string(),
  rows_read: z.number(),
  rows_loaded: z.number(),
  rows_rejected: z.number(),
  rows_new: z.number(),
  rows_updated: z.number(),
  rows_unchanged: z.number(),
  started_at: z.string(),
  finished_at: z.string(),
});
export const batchesResponse = pageOf(batchRowSchema);

export const rejectRowSchema = z.object({
  batch_id: z.number(),
  file_name: z.string().nullable(),
  entity: z.string().nullable(),
  line: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const rejectsResponse = pageOf(rejectRowSchema);
/** GET /imports/{jobId}/rejects: a page, the messages in `lang` (else the request's Accept-Language). */
export const rejectsQuery = pageQuery.extend(langQuery.shape);
/** `tenure rejects`: a batch and how many rows, the page size the API's rejects pages have. */
export const rejectsOptions = z.object({
  batch: z.coerce.number().int().min(1).optional(),
  page_size: pageQuery.shape.page_size,
});

export const eventParams = z.object({ entity: z.string() });
export const eventsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())) });
export const eventsResponse = z.object({
  batch_id: z.number().nullable(),
  received: z.number(),
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejects: z.array(rejectRowSchema),
});
