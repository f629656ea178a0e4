/**
 * Each kind of trigger: which runs it listens to, and the query of the customers it picks, one row per customer
 * with the case's `source` and `source_ref` (the row that caused it). Every query is one set-based statement;
 * the run (run.ts) skips and inserts around it. One entry per kind (STYLE.md practice 2): a new kind is an
 * entry here and a line in definition.ts's union.
 */
import { OPEN_STAGES } from '../cases/workflow.ts';
import { SUMMARY_RULE } from '../predict/alerts/raise.ts';
import { tiers } from '../predict/alerts/rules.ts';
import { PAYMENT_FAILURE_KINDS } from '../predict/features/engagement.ts';
import { classifiedAt, customerSource } from '../segments/derived.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { NPS_DETRACTOR_MAX, type Trigger, type TriggerKind } from './definition.ts';
import { customerFilterOf } from './filter.ts';

/**
 * What set a run off: a scoring (ref: its run id), an import (ref: its batch id, with the entity), an answer to
 * a survey sent by Tenure (ref: its response id), or a person.
 */
export interface Cause {
  kind: 'score' | 'import' | 'manual' | 'survey';
  ref: string | null;
  entity?: string;
}

/** What a trigger's query may read beside its own definition. */
export interface TriggerContext {
  cause: Cause;
  /** The run's time as a timestamp expression (SLA breaches are judged against it). */
  now: Sql;
  /** The workspace's config: derived dimensions in a filter (value tier, RFM, lifecycle) are computed by it. */
  config: TenureConfig;
}

interface TriggerDef<K extends TriggerKind> {
  /** Whether a scoring or an import of `entity` runs it (a person may run any). */
  listens(cause: Cause): boolean;
  /** customer_id, source, source_ref of every customer the trigger picks. */
  query(t: Extract<Trigger, { kind: K }>, c: TriggerContext): Sql;
}

/** Derived dimensions of a filter trigger: at the end of the data (the latest event time, at most the run's time). */
/** The case's source when the cause itself is the reason (a filter matched, a complaint overran). */
const causeSource = (c: Cause) => sql`${c.kind}`;
const tierRank = (col: Sql) => sql`list_position(${[...tiers]}, ${col})`;
/**
 * Rows of the import that set the run off, when an import did: a historic import opens no cases twice, and an
 * event batch reads its own rows (segments of other batches are skipped by their _batch ranges), not the table.
 */
const ofBatch = (c: Cause, col: Sql) =>
  c.kind === 'import' && c.ref !== null ? sql` AND ${col} = ${Number(c.ref)}` : sql``;

export const triggers: { [K in TriggerKind]: TriggerDef<K> } = {
  risk_tier: {
    listens: (c) => c.kind === 'score',
    // Entered: at or above the tier at the latest scoring, below it (or not scored) at the one before.
    query: (t) => sql`
      SELECT s.customer_id, 'score' AS source, CAST(s.run_id AS VARCHAR) AS source_ref
      FROM scores s
      WHERE s.run_id = (SELECT max(run_id) FROM scores) AND ${tierRank(sql`s.tier`)} >= ${tierRank(sql`${t.tier}`)}
        AND s.customer_id NOT IN (SELECT o.customer_id FROM scores o
          WHERE o.run_id = (SELECT max(run_id) FROM scores WHERE run_id < (SELECT max(run_id) FROM scores))
            AND ${tierRank(sql`o.tier`)} >= ${tierRank(sql`${t.tier}`)})`,
  },
  alert_rule: {
    listens: (c) => c.kind === 'score',
    // An alert names every rule that fired for its customer (detail.rules); the first is its `rule`.
    query: (t, c) => sql`
      SELECT a.customer_id, 'alert' AS source, CAST(max(a.alert_id) AS VARCHAR) AS source_ref
      FROM alerts a
      WHERE a.acknowledged_at IS NULL AND a.rule <> ${SUMMARY_RULE}
        AND (a.rule = ${t.rule} OR list_contains(CAST(json_extract(a.detail, '$.rules') AS VARCHAR[]), ${t.rule}))
        ${c.cause.kind === 'score' && c.cause.ref !== null ? sql`AND a.run_id = ${Number(c.cause.ref)}` : sql``}
      GROUP BY a.customer_id`,
  },
  nps_detractor: {
    listens: (c) => c.kind === 'import' && c.entity === 'surveys',
    // Within the window before the latest NPS answer (of the import, after one), the surveys' own clock: an
    // imported history is judged as of its end, not as of today.
    query: (t, c) => sql`
      SELECT s.respondent_id AS customer_id, 'survey' AS source, arg_max(s.response_id, s.answered_at) AS source_ref
      FROM surveys s
      WHERE s.kind = 'nps' AND coalesce(s.respondent_type, 'customer') = 'customer' AND s.score <= ${NPS_DETRACTOR_MAX}
        AND s.answered_at >= (SELECT max(answered_at) FROM surveys WHERE kind = 'nps'${ofBatch(c.cause, sql`_batch`)})
          - INTERVAL (${t.within_days}) DAY
        ${ofBatch(c.cause, sql`s._batch`)}
      GROUP BY s.respondent_id`,
  },
  failed_payment: {
    listens: (c) => c.kind === 'import' && c.entity === 'activity',
    // Orders carry no payment status: a failed payment is an activity of a payment-failure kind, as the churn
    // model's payment_failures_90d reads it. The window ends at the latest activity (of the import, after one);
    // the ref is the import batch that brought the latest failure.
    query: (t, c) => sql`
      SELECT a.customer_id, 'import' AS source, CAST(arg_max(a._batch, a."at") AS VARCHAR) AS source_ref
      FROM activity a
      WHERE a.kind IN (SELECT unnest(${PAYMENT_FAILURE_KINDS}))
        AND a."at" >= (SELECT max("at") FROM activity WHERE true${ofBatch(c.cause, sql`_batch`)}) - INTERVAL (${t.within_days}) DAY
        ${ofBatch(c.cause, sql`a._batch`)}
      GROUP BY a.customer_id`,
  },
  complaint_past_sla: {
    listens: (c) => c.kind !== 'manual',
    query: (_, c) => sql`
      SELECT k.customer_id, ${causeSource(c.cause)} AS source, arg_max(k.case_id, k.resolution_due) AS source_ref
      FROM cases k
      WHERE k.kind = 'complaint' AND k.stage IN (SELECT unnest(${[...OPEN_STAGES]})) AND k.resolution_due < ${c.now}
      GROUP BY k.customer_id`,
  },
  filter: {
    listens: (c) => c.kind === 'score' || (c.kind === 'import' && c.entity === 'customers'),
    query: (t, c) => {
      const conds = Object.entries(customerFilterOf(t.filter)).map(
        ([field, values]) => sql`CAST(${sql.id('c', field)} AS VARCHAR) IN (SELECT unnest(${values}))`,
      );
      // Derived dimensions classify customers at the end of the data, as of the run.
      const from = customerSource(Object.keys(customerFilterOf(t.filter)), classifiedAt(c.config, c.now), 'c');
      return sql`
        SELECT c.customer_id, ${causeSource(c.cause)} AS source, ${c.cause.ref} AS source_ref
        FROM ${from} WHERE ${sql.join(conds, sql` AND `)}${ofBatch(c.cause, sql`c._batch`)}`;
    },
  },
  survey_answer: {
    listens: (c) => c.kind === 'survey',
    // The answer that set the run off; by hand, every answer of the window before now.
    query: (t, c) => sql`
      SELECT s.respondent_id AS customer_id, 'survey' AS source, arg_max(s.response_id, s.answered_at) AS source_ref
      FROM surveys s JOIN survey_invitations v ON v.response_id = s.response_id
      WHERE coalesce(s.respondent_type, 'customer') = 'customer'
        AND (s.kind = 'nps' AND s.score <= ${t.nps_max} OR s.kind = 'csat' AND s.score <= ${t.csat_max})
        ${t.survey === undefined ? sql`` : sql`AND v.survey_id = ${t.survey}`}
        ${
          c.cause.kind === 'survey' && c.cause.ref !== null
            ? sql`AND s.response_id = ${c.cause.ref}`
            : sql`AND s.answered_at >= ${c.now} - INTERVAL (${t.within_days}) DAY`
        }
      GROUP BY s.respondent_id`,
  },
};

/** The query of a trigger (typed by its kind). */
export const triggerQuery = (t: Trigger, c: TriggerContext): Sql =>
  (triggers[t.kind] as TriggerDef<typeof t.kind>).query(t as never, c);

/**
 * The current at-risk list of the latest scoring as a trigger's customers: the tier of a risk-tier playbook
 * and above, else high and critical. Customers not worth retaining are included, for the run to skip and count.
 */
export const atRiskQuery = (t: Trigger): Sql => {
  const from = t.kind === 'risk_tier' ? t.tier : 'high';
  return sql`
    SELECT s.customer_id, 'score' AS source, CAST(s.run_id AS VARCHAR) AS source_ref
    FROM scores s
    WHERE s.run_id = (SELECT max(run_id) FROM scores) AND ${tierRank(sql`s.tier`)} >= ${tierRank(sql`${from}`)}`;
};
