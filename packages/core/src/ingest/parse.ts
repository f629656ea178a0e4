import type { FieldType } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';

/**
 * SQL expressions that turn a raw text cell into a typed value, NULL when it does not parse. The validator
 * compares "raw present, typed NULL" to find unparseable cells, so parse and check stay one definition.
 */

/** Accepted without --date-format, tried in order after ISO 8601. Day-first dates need --date-format. */
export const DATE_FORMATS = [
  '%Y/%m/%d',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%Y-%m-%d %H:%M',
  '%Y%m%d',
  '%Y.%m.%d',
  '%Y年%m月%d日',
  '%Y年%m月%d日 %H:%M:%S',
  '%m/%d/%Y',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
];

export const dateExpected = (format?: string): string =>
  format
    ? `dates like ${JSON.stringify(format)}`
    : 'YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (also YYYY/MM/DD, YYYYMMDD, YYYY年MM月DD日, MM/DD/YYYY)';

/** Blank cells are missing values: outer spaces and tabs trimmed, then empty → NULL. */
export const cell = (col: string): Sql => {
  const c = sql.id(col);
  // trim() on every cell costs a third of the checking pass; only cells with outer white space need it.
  // prefix()/suffix() test that at half the cost of starts_with()/ends_with() (DuckDB 1.5, 10M cells).
  return sql`CASE WHEN ${c} = '' THEN NULL WHEN prefix(${c}, ' ') OR suffix(${c}, ' ') OR prefix(${c}, chr(9))
    OR suffix(${c}, chr(9)) THEN NULLIF(trim(${c}, ' ' || chr(9)), '') ELSE ${c} END`;
};

export function parseTimestamp(v: Sql, format?: string): Sql {
  const formats = format ? [format] : DATE_FORMATS;
  return sql`COALESCE(TRY_CAST(${v} AS TIMESTAMP), try_strptime(${v}, ${formats}))`;
}

/** Numbers: plain first (fast path), then without thousands separators, spaces and currency signs. */
export function parseNumber(v: Sql, type: 'DOUBLE' | 'BIGINT' | 'DECIMAL(18,4)'): Sql {
  // DuckDB rounds '29.85' when cast to BIGINT: whole numbers are parsed as DOUBLE and must have no fraction.
  const t = sql.raw(type === 'BIGINT' ? 'DOUBLE' : type);
  const n = sql`COALESCE(TRY_CAST(${v} AS ${t}), TRY_CAST(regexp_replace(${v}, '[,\\s¥￥$€£]', '', 'g') AS ${t}))`;
  return type === 'BIGINT' ? sql`CAST(CASE WHEN ${n} = trunc(${n}) AND abs(${n}) < 9e15 THEN ${n} END AS BIGINT)` : n;
}

/** Enum values are compared case-insensitively, with spaces and dashes as underscores ("Non-malicious"). */
export const normalizeEnum = (v: Sql): Sql => sql`regexp_replace(lower(${v}), '[\\s-]+', '_', 'g')`;

/** The typed expression for a field type over a raw cell expression. */
export function typed(type: FieldType, v: Sql, dateFormat?: string): Sql {
  switch (type) {
    case 'id':
    case 'text':
      return v;
    case 'enum':
      return normalizeEnum(v);
    case 'timestamp':
      return parseTimestamp(v, dateFormat);
    case 'date':
      return sql`CAST(${parseTimestamp(v, dateFormat)} AS DATE)`;
    case 'number':
      return parseNumber(v, 'DOUBLE');
    case 'money':
      return parseNumber(v, 'DECIMAL(18,4)');
    case 'integer':
      return parseNumber(v, 'BIGINT');
  }
}

/** Storage types an inferred extra attribute can take. */
export type AttributeType = 'BIGINT' | 'DOUBLE' | 'TIMESTAMP' | 'VARCHAR';

export const attributeFieldType: Record<AttributeType, FieldType> = {
  BIGINT: 'integer',
  DOUBLE: 'number',
  TIMESTAMP: 'timestamp',
  VARCHAR: 'text',
};
