import { codes, describe, type ErrorCode } from '../errors.ts';
import type { Lang } from '../present/lang.ts';

/** A stored reject: its code and the arguments of the code's message, and the English message as stored. */
export type StoredReject = {
  code: string;
  column: string | null;
  value: string | null;
  /** Null on rows stored before the arguments were. */
  expected: string | null;
  message: string;
};

/**
 * A stored reject's message in the reader's language, rendered from its code's arguments (the dashboard and
 * the API show rejects in the reader's language, not the importer's). Rows stored before the arguments were keep
 * their English message.
 * @example rejectMessage({ code: 'TEN_ROW_BAD_DATE', column: 'signup_date', value: '2024-13-45', expected: 'YYYY-MM-DD', message: '…' }, 'zh-CN')
 * // 'signup_date 的值 “2024-13-45” 不是日期'
 */
export function rejectMessage(r: StoredReject, lang: Lang): string {
  if (r.expected === null || !Object.hasOwn(codes, r.code)) return r.message;
  return describe(r.code as ErrorCode, { column: r.column ?? '', value: r.value ?? '', expected: r.expected }, lang)
    .message;
}
