import { def, q, quote, type V } from './define.ts';

/** Row-level codes: stored per rejected row in the `rejects` table. */
export const rowCodes = {
  TEN_ROW_MALFORMED: def<V>(
    422,
    { en: (a) => `The line does not fit the header: ${a.expected}`, 'zh-CN': (a) => `该行与表头不符：${a.expected}` },
    {
      en: () => 'Check for a stray delimiter or an unclosed quote on this line.',
      'zh-CN': () => '请检查该行是否有多余的分隔符或未闭合的引号。',
    },
  ),
  TEN_ROW_MISSING_VALUE: def<V>(
    422,
    { en: (a) => `${a.column} is empty but required`, 'zh-CN': (a) => `${a.column} 为空，但它是必填项` },
    { en: () => 'Fill in the value or remove the row.', 'zh-CN': () => '请填写该值或删除该行。' },
  ),
  TEN_ROW_BAD_DATE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a date`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是日期`,
    },
    { en: (a) => `Use ${a.expected}.`, 'zh-CN': (a) => `请使用 ${a.expected}。` },
  ),
  TEN_ROW_BAD_NUMBER: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a number`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是数字`,
    },
    {
      en: (a) => `Use ${a.expected}, with a dot for decimals and no currency sign.`,
      'zh-CN': (a) => `请使用 ${a.expected}，小数点用英文句点，不带货币符号。`,
    },
  ),
  TEN_ROW_BAD_VALUE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not an allowed value`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不在允许范围内`,
    },
    { en: (a) => `Use one of: ${a.expected}.`, 'zh-CN': (a) => `请使用以下之一：${a.expected}。` },
  ),
  TEN_ROW_BAD_CURRENCY: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a currency code`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是币种代码`,
    },
    {
      en: () =>
        'Use a three-letter ISO 4217 code such as USD, EUR or CNY, or leave it empty for the workspace currency.',
      'zh-CN': () => '请使用三个字母的 ISO 4217 代码，如 USD、EUR 或 CNY；留空表示工作区币种。',
    },
  ),
  TEN_ROW_NEGATIVE_AMOUNT: def<V>(
    422,
    { en: (a) => `${a.column} ${quote(a.value)} is negative`, 'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 为负数` },
    {
      en: () => 'Amounts must be zero or more; record refunds as their own rows in a later release or net them out.',
      'zh-CN': () => '金额须大于或等于零；请先将退款冲抵后再导入。',
    },
  ),
  TEN_ROW_OUT_OF_RANGE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is out of range`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 超出范围`,
    },
    { en: (a) => `Expected ${a.expected}.`, 'zh-CN': (a) => `应为 ${a.expected}。` },
  ),
  TEN_ROW_END_BEFORE_START: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is before the start of the same row`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 早于同一行的开始日期`,
    },
    {
      en: (a) => `${a.expected} must not be later than ${a.column}.`,
      'zh-CN': (a) => `${a.expected} 不得晚于 ${a.column}。`,
    },
  ),
  TEN_ROW_DATE_OUT_OF_RANGE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is outside the dates Tenure accepts`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 超出 Tenure 接受的日期范围`,
    },
    {
      en: (a, on) =>
        `Use a date from ${a.expected}; check the year and the date format${on === 'web' ? '.' : ' (the range is import.min_date and import.max_date in tenure.config.json).'}`,
      'zh-CN': (a, on) =>
        `请使用 ${a.expected} 之间的日期，并检查年份和日期格式${on === 'web' ? '。' : '（范围由 tenure.config.json 中的 import.min_date 和 import.max_date 设定）。'}`,
    },
  ),
  TEN_ROW_FUTURE_DATE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is in the future`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 是未来的日期`,
    },
    {
      en: (a) => `Dates must not be after ${a.expected}; check the year and the date format.`,
      'zh-CN': (a) => `日期不得晚于 ${a.expected}；请检查年份和日期格式。`,
    },
  ),
  TEN_ROW_DUPLICATE_KEY: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} appears more than once in the file (first on line ${a.expected})`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 在文件中出现多次（首次在第 ${a.expected} 行）`,
    },
    {
      en: (a) => `Keep one row per ${a.column}; only the first occurrence is loaded.`,
      'zh-CN': (a) => `每个 ${a.column} 只保留一行；只导入第一次出现的行。`,
    },
  ),
  TEN_ROW_UNKNOWN_CUSTOMER: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a known customer`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是已知客户`,
    },
    {
      en: () => 'Import the customers first, or fix the id.',
      'zh-CN': () => '请先导入客户，或修正编号。',
    },
    () => [{ action: 'import_customers' }],
  ),
} as const;
