/**
 * Who a send invites, per source: a list given by hand, the customers of a segment, or one of the survey's
 * triggers (a case that closed, a churn some days ago, a segment on a schedule). Each is one set-based query
 * returning respondent_id and source_ref; the send (send.ts) drops those already invited for the same source
 * and respondent, so running a trigger twice invites nobody twice. One entry per kind of trigger (STYLE.md
 * practice 2): a new kind is an entry here and a line in definition.ts's union.
 */
import { customerFilterOf } from '../playbooks/filter.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { SurveyTrigger } from './definition.ts';

type Kind = SurveyTrigger['kind'];

export const sources: { [K in Kind]: (t: Extract<SurveyTrigger, { kind: K }>, now: Sql) => Sql } = {
  // The case's customer, once per case (a case closed, reopened and closed again is asked once).
  case_closed: (t, now) => sql`
    SELECT k.customer_id AS respondent_id, k.case_id AS source_ref
    FROM case_events e JOIN cases k ON k.case_id = e.case_id
    WHERE e.to_stage = 'closed' AND e."at" <= ${now} AND e."at" > ${now} - INTERVAL (${t.within_days}) DAY
      ${t.case_kinds ? sql`AND k.kind IN (SELECT unnest(${t.case_kinds}))` : sql``}
    GROUP BY k.customer_id, k.case_id`,
  // Due `after_days` after the churn; a churn whose day passed more than `within_days` ago is left alone, so a
  // first run over an imported history does not ask customers who left years ago.
  churned: (t, now) => sql`
    SELECT c.customer_id AS respondent_id, c.customer_id || '|' || strftime(c.churned_at, '%Y-%m-%d') AS source_ref
    FROM churn_events c
    WHERE c.churned_at + INTERVAL (${t.after_days}) DAY <= ${now}
      AND c.churned_at + INTERVAL (${t.after_days}) DAY > ${now} - INTERVAL (${t.within_days}) DAY`,
  // Once per period of `every_days` counted from 1970-01-01, so every run within a period finds the same ref.
  schedule: (t, now) => sql`
    SELECT c.customer_id AS respondent_id,
      'every ' || ${t.every_days} || 'd #' || CAST(floor(epoch(${now}) / 86400 / ${t.every_days}) AS BIGINT) AS source_ref
    FROM customers c WHERE ${segmentOf(t.filter, 'c')}`,
};

/** The triggers' query: every trigger's rows with its source. */
export const triggerRows = (triggers: readonly SurveyTrigger[], now: Sql): Sql | null =>
  triggers.length
    ? sql.join(
        triggers.map(
          (t) =>
            sql`SELECT respondent_id, ${t.kind} AS source, source_ref FROM (${(sources[t.kind] as (t: SurveyTrigger, n: Sql) => Sql)(t, now)}) x`,
        ),
        sql` UNION ALL `,
      )
    : null;

/** A segment's condition on the customers table (`name=value` items: values of a name or-ed, names and-ed). */
export const segmentOf = (filter: readonly string[], alias: string): Sql =>
  sql.join(
    Object.entries(customerFilterOf(filter)).map(
      ([field, values]) => sql`CAST(${sql.id(alias, field)} AS VARCHAR) IN (SELECT unnest(${values}))`,
    ),
    sql` AND `,
  );
