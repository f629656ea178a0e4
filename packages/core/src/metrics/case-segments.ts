/**
 * Breakdowns of case metrics. A case metric is broken down by the case's own columns (its owner, team, root
 * cause, kind, priority and source) as well as by the customer dimensions every metric has (region, channel: the
 * customer's acquisition channel, …). A name that is both a case column and a customer dimension means the case
 * column here. Customer breakdowns and filters go through `segmentedCustomers`, case ones are read off the row.
 */
import { type Sql, sql } from '../sql/sql.ts';
import type { NormalQuery } from './query.ts';
import { segSelect } from './segments.ts';
import { NONE, segmentedCustomers } from './spans.ts';

/** The case columns a case metric may be broken down and filtered by. */
export const CASE_DIMENSIONS = ['owner', 'team', 'root_cause', 'kind', 'priority', 'source'] as const;

const isCaseDimension = (name: string) => (CASE_DIMENSIONS as readonly string[]).includes(name);

/** Whether the query breaks down by a case column (its segments then come from cases, not from customers). */
export const byCase = (q: NormalQuery) => q.by.some(isCaseDimension);

/** The query with its customer breakdowns and filters only: what customer-level bases (the flow) can answer. */
export const customerPart = (q: NormalQuery): NormalQuery => ({
  ...q,
  by: q.by.filter((b) => !isCaseDimension(b)),
  filter: q.filter.filter(([c]) => !isCaseDimension(c)),
});

/**
 * The case columns case metrics read, each selected under its own name: ClickHouse names an unaliased `c.x`
 * "c.x" after a join.
 */
const COLUMNS = [
  'case_id',
  'customer_id',
  'kind',
  'stage',
  'sla_policy',
  'first_response_due',
  'first_response_at',
  'resolution_due',
  'satisfied',
  'outcome',
  'opened_at',
  'closed_at',
  'reopen_count',
] as const;

/**
 * Cases whose customer passes the customer filters and whose own columns pass the case filters, with the segment
 * columns of the query (`seg__all`, `seg_<name>`): a case column's value, or the customer's segment.
 */
export function segmentedCases(q: NormalQuery): Sql {
  const cols = COLUMNS.map((c) => sql`c.${sql.id(c)} AS ${sql.id(c)}`);
  const segs = q.by.map((b) =>
    isCaseDimension(b)
      ? sql`coalesce(CAST(c.${sql.id(b)} AS VARCHAR), ${NONE}) AS ${sql.id(`seg_${b}`)}`
      : sql`sc.${sql.id(`seg_${b}`)} AS ${sql.id(`seg_${b}`)}`,
  );
  const where = q.filter
    .filter(([col]) => isCaseDimension(col))
    .map(([col, values]) => sql` AND CAST(c.${sql.id(col)} AS VARCHAR) IN (SELECT unnest(${values}))`);
  return sql`SELECT ${sql.join([...cols, sql`sc.seg__all AS seg__all`, ...segs])}
    FROM cases c JOIN (${segmentedCustomers(customerPart(q))}) sc ON sc.customer_id = c.customer_id
    WHERE true${sql.join(where, sql``)}`;
}

/**
 * The segments every period of a case metric gets a row for: those of the customers (so a period or region
 * without cases reads 0), or, broken down by a case column, those some case has.
 */
export function caseSegmentKeys(q: NormalQuery, cases: string): Sql {
  return byCase(q)
    ? sql`SELECT DISTINCT ${segSelect(q, 'x')} FROM ${sql.id(cases)} x`
    : sql`SELECT DISTINCT ${segSelect(q, 'x')} FROM (${segmentedCustomers(q)}) x`;
}

/** `a.seg_region = b.seg_region AND …` over the customer segment columns only (the flow's). */
export function customerSegEquals(q: NormalQuery, a: string, b: string): Sql {
  const cols = ['seg__all', ...customerPart(q).by.map((x) => `seg_${x}`)];
  return sql.join(
    cols.map((c) => sql`${sql.id(a, c)} = ${sql.id(b, c)}`),
    sql` AND `,
  );
}
