/**
 * Words for the categorical values a reason can show: the demo's dimension values (its Chinese locale, either
 * spelling: a zh demo stores 按月, an en one month_to_month) and the canonical codes of billing periods and ticket
 * categories. A value without words is shown as stored, quoted, so a reader sees where the data speaks.
 */

import type { Text } from '../present/text.ts';
import { DEMO_ZH } from '../workspace/demo/locale.ts';

/** Canonical codes (kept in English in both demos: metrics read them), by feature. */
const CODES: Record<string, Record<string, string>> = {
  billing_period: { week: '周', month: '月', quarter: '季', year: '年' },
  open_ticket_category: { billing: '账单', network: '网络', product: '产品', service: '服务' },
};

/** Feature → stored value (English code or its Chinese translation) → its words. */
const words = new Map<string, Map<string, Text>>();
for (const [feature, table] of Object.entries({ ...DEMO_ZH.customers, ...DEMO_ZH.subscriptions, ...CODES })) {
  const byValue = new Map<string, Text>();
  for (const [code, zh] of Object.entries(table)) {
    const text = { en: code.replace(/_/g, ' '), 'zh-CN': zh };
    byValue.set(code, text).set(zh, text);
  }
  words.set(feature, byValue);
}

/**
 * A categorical value in words, or the value as stored in quotes when core has no words for it.
 * @example valueWords('contract', 'month_to_month') // { en: 'month to month', 'zh-CN': '按月' }
 * @example valueWords('contract', 'Gold') // { en: '"Gold"', 'zh-CN': '“Gold”' }
 */
export const valueWords = (feature: string, value: string): Text =>
  words.get(feature)?.get(value) ?? { en: `"${value}"`, 'zh-CN': `“${value}”` };
