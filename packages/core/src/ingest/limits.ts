import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'use a real calendar date');

/**
 * Bounds on what one import may bring in, in tenure.config.json under "import". Each guards against a file
 * that is legal but would crash, exhaust memory or poison later reads: dates outside the range break the
 * metrics (JavaScript cannot represent -infinity or year 0), a 5,000-column file takes minutes to plan,
 * one 10 MB line exhausts DuckDB's scanner, an XLSX cell at XFD200000 expands to gigabytes of empty CSV,
 * and JSON nested 100,000 deep overflows the parser's stack.
 */
export const importLimitsSchema = z
  .object({
    /** Earliest date a date or timestamp cell may hold; earlier ones are rejected rows. */
    min_date: isoDate.default('1900-01-01'),
    /** Latest date a date or timestamp cell may hold (fields that must not be in the future are stricter). */
    max_date: isoDate.default('2200-01-01'),
    /** Columns a file may have. Checking cost grows faster than the width, so this keeps imports quick. */
    max_columns: z.number().int().min(2).max(5000).default(500),
    /** Bytes in one line of a CSV/TSV/NDJSON file, or in one object of a JSON file (a cell cannot be longer). */
    max_line_bytes: z
      .number()
      .int()
      .min(1024)
      .max(256 << 20)
      .default(4 << 20),
    /** Cells in an XLSX sheet's used range (rows × columns), empty ones included. */
    max_sheet_cells: z.number().int().min(100).max(500_000_000).default(20_000_000),
    /** Levels of nested arrays and objects in a JSON value. */
    max_json_depth: z.number().int().min(2).max(1000).default(64),
  })
  .strict()
  .refine((l) => l.min_date < l.max_date, 'min_date must be before max_date');

export type ImportLimits = z.infer<typeof importLimitsSchema>;

export const defaultImportLimits: ImportLimits = importLimitsSchema.parse({});
