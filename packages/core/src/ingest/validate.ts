import type { ErrorCode } from '../errors.ts';
import type { Entity, Field } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Mapping } from './mapping.ts';
import { type AttributeType, attributeFieldType, cell, dateExpected, parseNumber, typed } from './parse.ts';
import type { Staged } from './read/reader.ts';

/** A row-level rule: when `cond` holds for a row, the row is rejected with `code` on `column`. */
export interface Rule {
  id: number;
  code: ErrorCode;
  /** The column as the file names it (what the user looks for). */
  column: string;
  expected: string;
  /** Over the checked row's columns. */
  cond: Sql;
  /** The offending value as text. */
  value: Sql;
}

export interface CheckOptions {
  /** Timestamps after this are "in the future": the import's start plus a day of slack for time zones. */
  futureAfter: string;
  dateFormat?: string;
  asOf?: string;
  /** Types of extra attributes: inferred for new columns, stored for known ones. */
  extraTypes: Record<string, AttributeType>;
  /** The earliest and latest accepted date (YYYY-MM-DD): -infinity, year 1 or BC dates break every reader. */
  dateRange: readonly [string, string];
}

/** Every column of the checked table that goes into the entity table, with its field declaration. */
export interface CheckedColumn {
  name: string;
  field: Field;
  extra: boolean;
  header: string;
  /** Computed by the importer (snapshot created_at, derived order ids), not read from a cell. */
  derived?: boolean;
}

export interface CheckPlan {
  select: Sql;
  rules: Rule[];
  columns: CheckedColumn[];
}

// Helper columns start with "_": attribute columns never do, so a header such as "r_amount" cannot collide.
const raw = (name: string) => `_raw_${name}`;
/** The i-th cell, blank-to-NULL and trimmed once in an inner projection (see planChecks) and referenced by name. */
const cellOf = (i: number | undefined): Sql => sql`${sql.id(`_v${i}`)}`;
const needsRaw = (f: Field) => f.type !== 'id' && f.type !== 'text';
const PARSE_CODE: Partial<Record<Field['type'], ErrorCode>> = {
  timestamp: 'TEN_ROW_BAD_DATE',
  date: 'TEN_ROW_BAD_DATE',
  number: 'TEN_ROW_BAD_NUMBER',
  money: 'TEN_ROW_BAD_NUMBER',
  integer: 'TEN_ROW_BAD_NUMBER',
  enum: 'TEN_ROW_BAD_VALUE',
};
const CHURN_YES = ['yes', 'y', 'true', '1', 'churned', '是', '已流失', '流失'];
const CHURN_NO = ['no', 'n', 'false', '0', 'active', '否', '未流失', '在网'];

/** Rules a field declares, in the order a user would fix them. */
function fieldRules(c: CheckedColumn, o: CheckOptions, mapped: Map<string, CheckedColumn>): Omit<Rule, 'id'>[] {
  const f = c.field;
  const x = sql.id(c.name);
  const r = sql.id(raw(c.name));
  const asText = needsRaw(f) ? sql`coalesce(${r}, CAST(${x} AS VARCHAR))` : sql`CAST(${x} AS VARCHAR)`;
  const out: Omit<Rule, 'id'>[] = [];
  const rule = (code: ErrorCode, cond: Sql, expected = '', value: Sql = asText) =>
    out.push({ code, column: c.header, expected, cond, value });
  if (f.required)
    rule('TEN_ROW_MISSING_VALUE', needsRaw(f) ? sql`${x} IS NULL AND ${r} IS NULL` : sql`${x} IS NULL`, '', sql`''`);
  const parse = PARSE_CODE[f.type];
  if (parse && f.type === 'enum') {
    rule(
      parse,
      sql`${x} IS NOT NULL AND ${x} NOT IN (SELECT unnest(${[...(f.values ?? [])]}))`,
      (f.values ?? []).join(', '),
      sql`${r}`,
    );
  } else if (parse) {
    const expected =
      parse === 'TEN_ROW_BAD_DATE' ? dateExpected(o.dateFormat) : f.type === 'integer' ? 'a whole number' : 'a number';
    rule(parse, sql`${r} IS NOT NULL AND ${x} IS NULL`, expected, sql`${r}`);
  }
  if (parse === 'TEN_ROW_BAD_DATE') {
    // A field that must not be in the future has a stricter upper bound, TEN_ROW_FUTURE_DATE: one reject per cell.
    const [lo, hi] = o.dateRange;
    const above = f.notFuture ? sql`` : sql` OR ${x} > CAST(${hi} AS TIMESTAMP)`;
    rule('TEN_ROW_DATE_OUT_OF_RANGE', sql`${x} < CAST(${lo} AS TIMESTAMP)${above}`, `${lo} to ${hi}`, sql`${r}`);
  }
  if (f.nonNegative) rule('TEN_ROW_NEGATIVE_AMOUNT', sql`${x} < 0`);
  if (f.positive) rule('TEN_ROW_OUT_OF_RANGE', sql`${x} <= 0`, 'a number greater than 0');
  // The shape only (three letters): whether a rate exists for the code is the metrics' question (metrics/currency.ts).
  if (f.currency) rule('TEN_ROW_BAD_CURRENCY', sql`NOT regexp_full_match(${x}, '[A-Z]{3}')`, 'ISO 4217');
  if (f.range)
    rule('TEN_ROW_OUT_OF_RANGE', sql`${x} < ${f.range[0]} OR ${x} > ${f.range[1]}`, `${f.range[0]} to ${f.range[1]}`);
  const before = f.notBefore ? mapped.get(f.notBefore) : undefined;
  if (before) rule('TEN_ROW_END_BEFORE_START', sql`${x} < ${sql.id(before.name)}`, before.header);
  if (f.notFuture)
    rule('TEN_ROW_FUTURE_DATE', sql`${x} > CAST(${o.futureAfter} AS TIMESTAMP)`, o.futureAfter.slice(0, 10));
  return out;
}

/** Snapshot customers: tenure months and a churned flag, turned into created_at (and churn events later). */
function snapshotParts(m: Mapping, o: CheckOptions, headers: string[]) {
  const s = m.snapshot;
  if (!s) return { items: [] as Sql[], rules: [] as Omit<Rule, 'id'>[] };
  const tenureHeader = headers[s.tenure] as string;
  const churnHeader = headers[s.churn] as string;
  const t = cellOf(s.tenure);
  const ch = sql`lower(${cellOf(s.churn)})`;
  const items = [
    sql`${parseNumber(t, 'BIGINT')} AS _tenure`,
    sql`${t} AS _tenure_raw`,
    sql`${cellOf(s.churn)} AS _churn_raw`,
    sql`CASE WHEN ${ch} IN (SELECT unnest(${CHURN_YES})) THEN true WHEN ${ch} IN (SELECT unnest(${CHURN_NO})) THEN false END AS _churned`,
    sql`CAST(${o.asOf ?? null} AS TIMESTAMP) - to_months(CAST(${parseNumber(t, 'BIGINT')} AS INTEGER)) AS created_at`,
  ];
  const rules: Omit<Rule, 'id'>[] = [
    {
      code: 'TEN_ROW_MISSING_VALUE',
      column: tenureHeader,
      expected: '',
      cond: sql`_tenure_raw IS NULL`,
      value: sql`''`,
    },
    {
      code: 'TEN_ROW_BAD_NUMBER',
      column: tenureHeader,
      expected: 'whole months',
      cond: sql`_tenure_raw IS NOT NULL AND _tenure IS NULL`,
      value: sql`_tenure_raw`,
    },
    {
      code: 'TEN_ROW_NEGATIVE_AMOUNT',
      column: tenureHeader,
      expected: '',
      cond: sql`_tenure < 0`,
      value: sql`_tenure_raw`,
    },
    {
      code: 'TEN_ROW_BAD_VALUE',
      column: churnHeader,
      expected: 'Yes or No (1/0, true/false, 是/否)',
      cond: sql`_churned IS NULL`,
      value: sql`coalesce(_churn_raw, '')`,
    },
  ];
  return { items, rules };
}

/**
 * Plan the checked relation: one pass over the staged rows that types every mapped column and lists the
 * ids of the rules each row breaks. Duplicate keys and unknown customers need the whole file or other
 * tables, so the loader adds those after this pass (see load.ts).
 */
export function planChecks(entity: Entity, m: Mapping, staged: Staged, o: CheckOptions): CheckPlan {
  const columns: CheckedColumn[] = [
    ...m.fields.map((x) => ({ name: x.field.name, field: x.field, extra: false, header: x.header })),
    ...m.extras.map((e) => {
      const type = o.extraTypes[e.column] ?? 'VARCHAR';
      const field: Field = { name: e.column, type: attributeFieldType[type], doc: '' };
      return { name: e.column, field, extra: true, header: e.header };
    }),
  ];
  const indexOf = new Map<string, number>([
    ...m.fields.map((x) => [x.field.name, x.index] as const),
    ...m.extras.map((e) => [e.column, e.index] as const),
  ]);
  const items: Sql[] = [];
  for (const c of columns) {
    if (c.derived) continue;
    const v = cellOf(indexOf.get(c.name));
    // Currency codes are compared as stored: 'usd' and 'USD' are one currency.
    const t = c.field.currency ? sql`upper(${v})` : typed(c.field.type, v, o.dateFormat);
    const d = c.field.default;
    items.push(sql`${d === undefined ? t : sql`COALESCE(${t}, ${d})`} AS ${sql.id(c.name)}`);
    if (needsRaw(c.field)) items.push(sql`${v} AS ${sql.id(raw(c.name))}`);
  }
  const snap = snapshotParts(m, o, staged.headers);
  items.push(...snap.items);
  const derive = (name: string, expr: Sql | null) => {
    const field = entity.fields.find((f) => f.name === name) as Field;
    columns.push({ name, field, extra: false, header: name, derived: true });
    if (expr) items.push(sql`${expr} AS ${sql.id(name)}`);
  };
  if (m.snapshot) derive('created_at', null);
  if (m.derivedKey) derive('order_id', sql`CAST(NULL AS VARCHAR)`);
  items.push(sql`coalesce(${sql.join(staged.headers.map((_, i) => cellOf(i)))}) IS NULL AS _blank`);

  const byName = new Map(columns.map((c) => [c.name, c]));
  const rules: Rule[] = [
    ...columns.filter((c) => !c.derived).flatMap((c) => fieldRules(c, o, byName)),
    ...snap.rules,
  ].map((r, i) => ({ ...r, id: i + 1 }));
  // _errs is NULL on a good row: the list of broken rules is only built for rows that break one, which keeps
  // the pass cheap on clean files (the usual case) and lets the loader test `_errs IS NULL`.
  const flags = rules.map((r) => sql`CASE WHEN ${r.cond} THEN ${r.id} END`);
  const anyBroken = sql.join(
    rules.map((r) => sql`(${r.cond})`),
    sql` OR `,
  );
  const errs = flags.length
    ? sql`CASE WHEN ${anyBroken} THEN CAST(list_filter([${sql.join(flags)}], x -> x IS NOT NULL) AS INTEGER[]) END`
    : sql`CAST(NULL AS INTEGER[])`;
  // Keep raw cells only on rejected rows: they are what reject messages show, exactly as the file wrote them.
  const keepRaw = columns
    .filter((c) => needsRaw(c.field) && !c.derived)
    .map((c) => sql`CASE WHEN _errs IS NOT NULL THEN ${sql.id(raw(c.name))} END AS ${sql.id(raw(c.name))}`);
  const replace = keepRaw.length ? sql` REPLACE (${sql.join(keepRaw)})` : sql``;
  const cells = staged.headers.map((_, i) => sql`${cell(`c${i}`)} AS ${cellOf(i)}`);
  const select = sql`SELECT *${replace} FROM (SELECT *, ${errs} AS _errs
    FROM (SELECT ${sql.join(items)} FROM (SELECT ${sql.join(cells)} FROM (${staged.relation}))))`;
  return { select, rules, columns };
}
