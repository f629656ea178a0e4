import type { Text } from '../present/text.ts';
import { def, q, quote } from './define.ts';

/**
 * One refused option, as data: its neutral name (the API parameter's, e.g. `forecast`), the value as given and
 * what is allowed, in both languages. It names no CLI flag and no page control: each shell words the fix
 * itself from these fields (the CLI as `--forecast`, the dashboard as its control), so the table's own texts
 * are the API client's.
 */
export interface OptionFix {
  option: string;
  value: string;
  allowed: Text;
}

/** Options checked by core's option schemas, whichever shell passed them, and a password asked twice. */
export const optionCodes = {
  TEN_BAD_OPTION: def<{ fixes: OptionFix[] }>(
    400,
    {
      en: (a) => `Invalid ${a.fixes.map((f) => `${f.option} ${quote(f.value)}`).join(', ')}`,
      'zh-CN': (a) => `${a.fixes.map((f) => `${f.option} 的值 ${q(f.value)}`).join('，')} 无效`,
    },
    {
      en: (a) => `${a.fixes.map((f) => `${f.option}: ${f.allowed.en}`).join('; ')}.`,
      'zh-CN': (a) => `${a.fixes.map((f) => `${f.option}：${f.allowed['zh-CN']}`).join('；')}。`,
    },
  ),
  TEN_PASSWORD_MISMATCH: def<Record<string, never>>(
    400,
    { en: () => 'The two passwords differ', 'zh-CN': () => '两次输入的密码不一致' },
    {
      en: () => 'Type the same password twice, or pipe it in on standard input.',
      'zh-CN': () => '请两次输入相同的密码，或通过标准输入传入密码。',
    },
  ),
};
