import { z } from 'zod';
import { ACTIONS } from '../errors/actions.ts';
import { groupFilter } from '../metrics/filter.ts';
import { MAX_PAGE_SIZE } from '../paging.ts';
import { LANGS, type Lang, normalizeLang } from '../present/lang.ts';
import { UNITS } from '../present/units.ts';

/**
 * The HTTP API's shapes as zod schemas: the server validates requests and responses with them and derives
 * its OpenAPI document from them (docs/api.md). Zod only: nothing here reaches the engine or the importer.
 */

/** A language as a request names it: `zh` is taken for zh-CN, read by normalizeLang (the one reading). */
export const langParam = z.enum(['en', 'zh', 'zh-CN']).transform(normalizeLang);
/** A language in a response: one of LANGS. */
export const langSchema = z.enum(LANGS);
/** A text in every language (present/text.ts), keyed by the same language tags. */
export const textSchema = z.object({ en: z.string(), 'zh-CN': z.string() } satisfies Record<Lang, z.ZodString>);

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
  /** TEN_BAD_OPTION: each refused option, its value and what is allowed (en, zh-CN), for clients that word the fix. */
  fixes: z.array(z.object({ option: z.string(), value: z.string(), allowed: textSchema })).optional(),
  /** What the reader can do, as data (an action and its arguments), for clients that word it themselves. */
  remedies: z
    .array(z.object({ action: z.enum(ACTIONS), args: z.record(z.string(), z.string()).optional() }))
    .optional(),
  /** TEN_CASE_STALE: the case's current version, to read it again at. */
  version: z.number().int().optional(),
  /** TEN_CASE_FIELD: each refused field of a case, its value (null: missing) and what it takes (en, zh). */
  fields: z
    .array(
      z.object({
        field: z.string(),
        value: z.string().nullable(),
        expected: z.object({ en: z.string(), 'zh-CN': z.string() }),
      }),
    )
    .optional(),
  request_id: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/**
 * How current the figures of a view read from the metric rollups are (the overview, metrics, cohorts, the
 * report). After a data write the server answers at once with the last figures it had, `refreshing`, and
 * replaces them once the rollups are rebuilt; a settings change serves no earlier figure.
 */
export const freshness = {
  /** A moment the figures were exactly true of the data: when computed, or when the write that changed it landed. */
  as_of: z.iso.datetime(),
  /** The data changed since `as_of`: newer figures are being computed (ask again in a few seconds). */
  refreshing: z.boolean(),
};

/** ?page=1&page_size=50 */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** A page of rows: `{ total, page, pageSize, rows }`. */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), page_size: z.number().int(), rows: z.array(row) });

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
 * What a format allows, in both languages. Zod carries the English as its issue's message (an API client's
 * `errors` list); core's TEN_BAD_OPTION finds the Chinese here (options.ts), so a refused value says in either
 * language what to give instead.
 */
export const formatTexts = {
  filter: { en: 'dimension:value', 'zh-CN': '维度:值' },
  day: { en: 'a day as YYYY-MM-DD', 'zh-CN': 'YYYY-MM-DD 格式的日期' },
  month: { en: 'a month as YYYY-MM', 'zh-CN': 'YYYY-MM 格式的月份' },
  period: {
    en: 'a period as YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD',
    'zh-CN': 'YYYY、YYYY-MM、YYYY-Qn 或 YYYY-MM-DD 格式的周期',
  },
  calendar: {
    en: 'a date the calendar has (month 01–12, a day that month has)',
    'zh-CN': '日历上存在的日期（月份 01–12，且该月有这一天）',
  },
} as const;

/**
 * `filter=region:华东&filter=region:华北&filter=channel:online` → `{ region: ['华东', '华北'], channel: ['online'] }`.
 * Names are checked against the workspace's dimensions by core, not here.
 */
export const dimensionFilter = repeated.pipe(
  z
    .array(z.string().regex(/^[^:]+:.*$/, formatTexts.filter.en))
    .transform((items) =>
      groupFilter(items.map((item) => [item.slice(0, item.indexOf(':')).trim(), item.slice(item.indexOf(':') + 1)])),
    ),
);

/** Whether YYYY, YYYY-MM or YYYY-MM-DD names a month and day the calendar has (no 2024-02-30, no month 13). */
function onCalendar(text: string): boolean {
  const [y = 0, m = 1, d = 1] = text.split('-').map(Number);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const NOT_ON_CALENDAR = formatTexts.calendar.en;

/** A day, YYYY-MM-DD, that exists: every date option of the API and of the models goes through this. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, formatTexts.day.en)
  .refine(onCalendar, NOT_ON_CALENDAR);

/** A month, YYYY-MM, that exists. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, formatTexts.month.en)
  .refine(onCalendar, NOT_ON_CALENDAR);

/** A period text as the metric queries take it: YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD. */
export const periodText = z
  .string()
  .regex(/^\d{4}(-(\d{2}(-\d{2})?|Q[1-4]))?$/, formatTexts.period.en)
  .refine((t) => t.includes('Q') || onCalendar(t), NOT_ON_CALENDAR);

export const grainSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export const unitSchema = z.enum(UNITS);
export const roleSchema = z.enum(['viewer', 'analyst', 'admin']);

/** The body of a 204 response. */
export const noContent = z.null().describe('No content');

/**
 * The JSON a schema describes, for clients that import these schemas as types only (the dashboard), so they
 * need no zod of their own.
 * @example type Overview = Infer<typeof overviewResponse>
 */
export type Infer<S> = S extends z.ZodType ? z.output<S> : never;
/** What a client may send for a schema (before defaults and coercion): a page's query string. */
export type Input<S> = S extends z.ZodType ? z.input<S> : never;
