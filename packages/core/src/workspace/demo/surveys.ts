/**
 * Survey answers: relationship NPS and CSAT from a sample of active customer-months, CES after resolved
 * tickets, exit surveys after voluntary churn and a quarterly employee eNPS. CES and exit surveys read the
 * tickets and churn_events already written, so they follow exactly what those tables show.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import { activeMonths } from './activity.ts';
import { during, HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import type { Stream } from './random.ts';
import { scaled, toTs } from './random.ts';

const SAT = DEMO_PARAMS.satisfaction;

/** Write all surveys in one statement. */
export async function writeSurveys(ctx: DemoContext): Promise<void> {
  const { r, cal } = ctx;
  const sv = DEMO_PARAMS.surveys;
  const employees = Math.max(sv.minEmployees, Math.ceil(ctx.customers / sv.customersPerEmployee));
  const rise = DEMO_PARAMS.churn.priceRise;
  // What a customer feels in month m: lower after an unresolved complaint, once usage falls, after the rise.
  const feeling = (stream: Stream) => sql`${SAT.mean} + ${SAT.sigma} * ${r.normal(stream, sql`n`, sql`m`)}
    - CASE WHEN m > unres_m THEN ${SAT.complaintPenalty} ELSE 0 END
    - CASE WHEN m >= onset_m THEN ${SAT.disengagedPenalty} ELSE 0 END
    - CASE WHEN affected AND ${during(sql`m`, cal.priceRise, cal.priceRise + rise.months)}
        THEN ${SAT.priceRisePenalty} ELSE 0 END`;
  const fromGrid = (
    kind: 'nps' | 'csat',
    rate: number,
    [lo, hi]: [number, number],
    at: Stream,
    score: Stream,
  ): Sql => sql`
    SELECT upper(${kind}) || '-' || customer_id || '-' || strftime(${toTs(sql`ms_s`)}, '%Y%m') AS response_id,
      'customer' AS respondent_type, customer_id AS respondent_id,
      ${toTs(r.within(sql`lo`, sql`hi`, at, sql`n`, sql`m`))} AS answered_at, ${kind} AS kind,
      ${scaled(feeling(score), lo, hi)} AS score, NULL AS comment
    FROM grid WHERE ${r.u(kind, sql`n`, sql`m`)} < ${rate}`;
  const ticketNo = sql`CAST(substr(ticket_id, 2) AS BIGINT)`;
  await ctx.db.run(sql`
    INSERT INTO surveys BY NAME
    WITH grid AS ${activeMonths()}
    ${fromGrid('nps', sv.npsRate, [0, 10], 'npsAt', 'npsScore')}
    UNION ALL
    ${fromGrid('csat', sv.csatRate, [1, 5], 'csatAt', 'csatScore')}
    UNION ALL
    SELECT 'CES-' || ticket_id, 'customer', customer_id, resolved_at + to_hours(${sv.cesDelayHours}), 'ces',
      ${scaled(
        sql`${SAT.ticketMean} - ${SAT.perHourWaited} * epoch(resolved_at - opened_at) / 3600
          + ${SAT.sigma} * ${r.normal('cesScore', ticketNo)}`,
        1,
        7,
      )}, NULL
    FROM tickets
    WHERE resolved_at + to_hours(${sv.cesDelayHours}) < ${toTs(HORIZON)} AND ${r.u('ces', ticketNo)} < ${sv.cesShare}
    UNION ALL
    SELECT 'EXIT-' || customer_id || '-' || strftime(churned_at, '%Y%m%d'), 'customer', customer_id,
      ${toTs(sql`answered_s`)}, 'exit',
      ${scaled(sql`${SAT.exitMean} + ${SAT.sigma} * ${r.normal('exitScore', sql`cn`, sql`ce`)}`, 0, 10)}, reason
    FROM (
      SELECT *, ${r.u('exit', sql`cn`, sql`ce`)} AS u_exit,
        ce + 86400 * (1 + CAST(floor(${r.u('exitAt', sql`cn`, sql`ce`)} * ${sv.exitDelayDays}) AS BIGINT)) AS answered_s
      FROM (
        SELECT *, CAST(substr(customer_id, 2) AS BIGINT) AS cn, CAST(epoch(churned_at) AS BIGINT) AS ce
        FROM churn_events
      )
      WHERE kind = 'voluntary'
    )
    WHERE u_exit < ${sv.exitShare} AND answered_s < ${HORIZON}
    UNION ALL
    SELECT 'ENPS-' || printf('E%05d', e) || '-' || strftime(${toTs(sql`ms_s`)}, '%Y%m'), 'employee',
      printf('E%05d', e), ${toTs(r.within(sql`ms_s`, sql`me_s`, 'employeeAt', sql`e`, sql`m`))}, 'employee',
      ${scaled(sql`${SAT.employeeMean} + ${SAT.sigma} * ${r.normal('employeeScore', sql`e`, sql`m`)}`, 0, 10)}, NULL
    FROM range(1, ${employees + 1}) em(e), demo_months
    WHERE moy IN (3, 6, 9, 12) AND ${r.u('employee', sql`e`, sql`m`)} < ${sv.employeeResponse}`);
}
