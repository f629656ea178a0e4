import { fill, type Text } from '@tenure/core/present';
import type { ErrorText, Lang, OptionFix, Remedy, TenureError } from '@tenure/core/shell';
import { actionWords } from './action-words.ts';

/**
 * The CLI's wording of a fix core gives as data: core's table names an option by its neutral name (the API
 * parameter's) and says what is allowed; here it becomes the flag a user types. Options whose flag is not the
 * name in kebab case are listed.
 */
const flags: Record<string, string> = {
  page_size: '--limit',
  horizon_days: '--horizon',
  horizon_months: '--horizon',
  discount_rate: '--discount',
  max_depth: '--depth',
};

/** `forecast` → `--forecast`, `calibration_end` → `--calibration-end` (core names options as the API does). */
export const flagOf = (option: string): string => flags[option] ?? `--${option.replaceAll('_', '-')}`;

const said = {
  en: {
    message: (f: OptionFix[]) => `Invalid ${f.map((x) => `${flagOf(x.option)} ${JSON.stringify(x.value)}`).join(', ')}`,
    hint: (f: OptionFix[]) => `${f.map((x) => `Give ${flagOf(x.option)} ${x.allowed.en}`).join('; ')}.`,
  },
  'zh-CN': {
    message: (f: OptionFix[]) => `${f.map((x) => `${flagOf(x.option)} 的值 “${x.value}”`).join('，')} 无效`,
    hint: (f: OptionFix[]) => `${f.map((x) => `${flagOf(x.option)} 应为${x.allowed['zh-CN']}`).join('；')}。`,
  },
} satisfies Record<Lang, Record<'message' | 'hint', (f: OptionFix[]) => string>>;

/** An error's message and hint as the CLI prints them: its own wording where core gives the fix as data. */
export function cliText(err: TenureError, lang: Lang): ErrorText {
  if (err.code === 'TEN_BAD_OPTION') {
    const { fixes } = err.args as { fixes: OptionFix[] };
    return { message: said[lang].message(fixes), hint: said[lang].hint(fixes) };
  }
  const { message, hint } = err.text(lang, 'cli');
  return { message, hint: cliHint(hint, err.remedies, lang) };
}

/** Core's neutral hint, then what to do as core names it, in the CLI's words: the command that does it. */
export function cliHint(hint: string, remedies: Remedy[], lang: Lang): string {
  const words = remedies.flatMap((r) => {
    const t: Text | null = actionWords[r.action];
    return t ? [fill(t[lang], r.args)] : [];
  });
  return [hint, ...words].join(lang === 'en' ? ' ' : '');
}

/** An error as `--json` prints it: the table's fields in the CLI's wording, and a bad option's fixes as data. */
export function cliJson(err: TenureError, lang: Lang) {
  const fixes = err.code === 'TEN_BAD_OPTION' ? (err.args as { fixes: OptionFix[] }).fixes : undefined;
  return { ...err.toJSON(lang, 'cli'), ...cliText(err, lang), ...(fixes ? { fixes } : {}) };
}
