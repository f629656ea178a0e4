import type { z } from 'zod';
import { formatTexts } from './api/common.ts';
import type { OptionFix } from './errors/options.ts';
import { tenureError } from './errors.ts';

/**
 * Options from any shell through one schema: the CLI parses its flags and the API its query string with the
 * same zod schema (`api.metricQuery` …), so both have the same limits and refuse a bad value with the same
 * code, TEN_BAD_OPTION, whose fixes say what is allowed as data the shells word themselves.
 */

type Issue = z.core.$ZodIssue;
type Allowed = OptionFix['allowed'];

const list = (values: readonly unknown[], sep: string) => values.map(String).join(sep);

/** What an issue allows, in both languages; a schema's own message (a date format) where zod knows no more. */
function allowedOf(issue: Issue): Allowed {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int'
        ? { en: 'a whole number', zh: '整数' }
        : issue.expected === 'number'
          ? { en: 'a number', zh: '数字' }
          : { en: `a ${issue.expected}`, zh: issue.expected };
    case 'too_big':
      return issue.inclusive === false
        ? { en: `less than ${issue.maximum}`, zh: `小于 ${issue.maximum}` }
        : { en: `at most ${issue.maximum}`, zh: `不大于 ${issue.maximum}` };
    case 'too_small':
      return issue.inclusive === false
        ? { en: `more than ${issue.minimum}`, zh: `大于 ${issue.minimum}` }
        : { en: `at least ${issue.minimum}`, zh: `不小于 ${issue.minimum}` };
    case 'invalid_value':
      return { en: `one of ${list(issue.values, ', ')}`, zh: `以下之一：${list(issue.values, '、')}` };
    default:
      return Object.values(formatTexts).find((t) => t.en === issue.message) ?? { en: issue.message, zh: issue.message };
  }
}

/** The value a shell was given for a path, as text (a repeated query value is shown as its first bad item). */
function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Zod's issues for an input as fixes; the option is the top-level name (`filter`, not `filter.0`). */
export const optionFixes = (issues: readonly Issue[], input: unknown): OptionFix[] =>
  issues.map((issue) => ({
    option: String(issue.path[0] ?? 'options'),
    value: valueAt(input, issue.path),
    allowed: allowedOf(issue),
  }));

/**
 * Parse options with a core schema, or throw TEN_BAD_OPTION listing every bad one.
 * @example parseOptions(api.metricQuery, { period: 'month', forecast: '61' }) // throws: forecast at most 36
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw tenureError('TEN_BAD_OPTION', { fixes: optionFixes(r.error.issues, input) });
}
