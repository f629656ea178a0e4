/**
 * The vocabulary of the canonical data model. An entity is data: its fields, key and checks. DDL, import
 * mapping, validation and docs are all derived from these declarations, so a field exists in one place.
 */

export type FieldType = 'id' | 'text' | 'timestamp' | 'date' | 'number' | 'money' | 'integer' | 'enum';

export interface Field {
  name: string;
  type: FieldType;
  /** Human description (docs, import preview). */
  doc: string;
  required?: boolean;
  /** Allowed values for enum fields (stored lower-case). */
  values?: readonly string[];
  /** Header spellings recognised at import, English and Chinese; the field name itself always matches. */
  aliases?: readonly string[];
  /** Reject negative values (amounts, costs, durations). */
  nonNegative?: boolean;
  /** Inclusive numeric range. */
  range?: readonly [number, number];
  /** Reject zero and negative values (exchange rates). */
  positive?: boolean;
  /** An ISO 4217 currency code: three letters, stored upper-case (`f.currency`). */
  currency?: boolean;
  /** This date must not be earlier than that field of the same row. */
  notBefore?: string;
  /** Values later than the import time are rejected (they are typos: wrong year or day/month swapped). */
  notFuture?: boolean;
  /** Value used when the cell is empty. */
  default?: string | number;
  /** Must name a customer in `customers` (checked at import). */
  references?: 'customers';
}

export interface Entity {
  name: string;
  doc: string;
  fields: readonly Field[];
  /** Fields whose values identify a row; re-importing upserts by them. */
  key: readonly string[];
  /** Extra columns (unmapped file columns) are kept as typed attributes. */
  extensible: boolean;
  /** Row-level rule over other fields that makes a reference conditional (surveys by employees). */
  referenceWhen?: { field: string; equals: string };
  /** Fields a re-import never changes once a row is stored (a campaign member's group: never reassigned). */
  fixed?: readonly string[];
}

export const f = {
  id: (name: string, doc: string, o: Partial<Field> = {}): Field => ({ name, type: 'id', doc, required: true, ...o }),
  text: (name: string, doc: string, o: Partial<Field> = {}): Field => ({ name, type: 'text', doc, ...o }),
  at: (name: string, doc: string, o: Partial<Field> = {}): Field => ({
    name,
    type: 'timestamp',
    doc,
    notFuture: true,
    ...o,
  }),
  date: (name: string, doc: string, o: Partial<Field> = {}): Field => ({ name, type: 'date', doc, ...o }),
  money: (name: string, doc: string, o: Partial<Field> = {}): Field => ({
    name,
    type: 'money',
    doc,
    nonNegative: true,
    ...o,
  }),
  /** A currency code: text checked for the ISO 4217 shape (three letters) and stored upper-case. */
  currency: (name: string, doc: string, o: Partial<Field> = {}): Field => ({
    name,
    type: 'text',
    doc,
    currency: true,
    ...o,
  }),
  num: (name: string, doc: string, o: Partial<Field> = {}): Field => ({ name, type: 'number', doc, ...o }),
  int: (name: string, doc: string, o: Partial<Field> = {}): Field => ({ name, type: 'integer', doc, ...o }),
  oneOf: (name: string, values: readonly string[], doc: string, o: Partial<Field> = {}): Field => ({
    name,
    type: 'enum',
    values,
    doc,
    ...o,
  }),
  customer: (o: Partial<Field> = {}): Field => ({
    name: 'customer_id',
    type: 'id',
    doc: 'The customer this row belongs to.',
    required: true,
    references: 'customers',
    aliases: CUSTOMER_ID_ALIASES,
    ...o,
  }),
};

export const CUSTOMER_ID_ALIASES = [
  'customer',
  'customerid',
  'customer_no',
  'customer_number',
  'client_id',
  'clientid',
  'account_id',
  'user_id',
  'userid',
  'member_id',
  'cust_id',
  '客户id',
  '客户编号',
  '客户号',
  '客户代码',
  '用户id',
  '会员id',
  '会员编号',
  '客户',
] as const;

export const SEGMENT_ALIASES = {
  region: ['region', 'area', 'territory', 'province', 'state', '地区', '区域', '大区', '省份'],
  product_line: [
    'product_line',
    'productline',
    'product',
    'category',
    'product_category',
    '产品线',
    '产品',
    '产品类别',
    '品类',
  ],
  customer_type: [
    'customer_type',
    'customertype',
    'type',
    'tier',
    'customer_segment',
    '客户类型',
    '客户类别',
    '客户等级',
  ],
  channel: ['channel', 'acquisition_channel', 'source', 'sales_channel', '渠道', '获客渠道', '来源'],
} as const;
