import type { z } from 'zod';
import { formatTexts } from './api/common.ts';
import { snakeKey } from './api/wire.ts';
import type { OptionFix } from './errors/options.ts';
import { type TenureError, tenureError, type Where } from './errors.ts';
import type { Text } from './present/text.ts';

/**
 * Options from any shell through one schema: the CLI parses its flags and the API its query string with the
 * same zod schema (`api.metricQuery` …), so both have the same limits and refuse a bad value with the same
 * code, TEN_BAD_OPTION, whose fixes say what is allowed as data the shells word themselves.
 */

type Issue = z.core.$ZodIssue;
type Allowed = OptionFix['allowed'];

const list = (values: readonly unknown[], sep: string) => values.map(String).join(sep);

/** What an issue allows, in both languages; a schema's own message (a date format) where zod knows no more. */
export function allowedOf(issue: Issue): Allowed {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int'
        ? { en: 'a whole number', 'zh-CN': '整数' }
        : issue.expected === 'number'
          ? { en: 'a number', 'zh-CN': '数字' }
          : { en: `a ${issue.expected}`, 'zh-CN': issue.expected };
    case 'too_big':
      return issue.inclusive === false
        ? { en: `less than ${issue.maximum}`, 'zh-CN': `小于 ${issue.maximum}` }
        : { en: `at most ${issue.maximum}`, 'zh-CN': `不大于 ${issue.maximum}` };
    case 'too_small':
      return issue.inclusive === false
        ? { en: `more than ${issue.minimum}`, 'zh-CN': `大于 ${issue.minimum}` }
        : { en: `at least ${issue.minimum}`, 'zh-CN': `不小于 ${issue.minimum}` };
    case 'unrecognized_keys':
      return { en: 'no such option: leave it out', 'zh-CN': '没有这个选项：请去掉它' };
    case 'invalid_value':
      return { en: `one of ${list(issue.values, ', ')}`, 'zh-CN': `以下之一：${list(issue.values, '、')}` };
    default:
      return (
        Object.values(formatTexts).find((t) => t.en === issue.message) ?? { en: issue.message, 'zh-CN': issue.message }
      );
  }
}

/**
 * The value a shell was given for a path, as text (a repeated query value is shown as its bad item). A value
 * given once where the schema takes a list (`?stage=nowhere`, wrapped as `['nowhere']`) has the list's path
 * (`stage.0`) but is the value itself: the walk stops at it rather than index into a string.
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') break;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Zod's issues for an input as fixes. The option is named as the API names it (snake_case), at the top level
 * (`filter`, not `filter.0`) except inside an option group (`gbdt.max_depth` is `max_depth`); an option the
 * schema does not know is a fix of its own, one for each key.
 */
export const optionFixes = (issues: readonly Issue[], input: unknown, groups: readonly string[] = []): OptionFix[] =>
  issues.flatMap((issue) => {
    const at = groups.includes(String(issue.path[0])) && issue.path.length > 1 ? 2 : 1;
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => ({
      option: snakeKey(String(path.slice(0, at).at(-1) ?? 'options')),
      value: valueAt(input, path),
      allowed: allowedOf(issue),
    }));
  });

/**
 * A refused option that no schema can check (an unknown covariate, a date past the data): one fix, as a
 * schema's would be.
 * @example throw badOption('calibration_end', '2030-01-01', { en: 'a day before …', 'zh-CN': '…之前的日期' })
 */
export const badOption = (option: string, value: string, allowed: Text, where: Where = {}): TenureError =>
  tenureError('TEN_BAD_OPTION', { fixes: [{ option, value, allowed }] }, where);

/**
 * Parse options with a core schema, or throw TEN_BAD_OPTION listing every bad one.
 * @example parseOptions(api.metricQuery, { period: 'month', forecast: '61' }) // throws: forecast at most 36
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, groups?: readonly string[]): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw tenureError('TEN_BAD_OPTION', { fixes: optionFixes(r.error.issues, input, groups) });
}
