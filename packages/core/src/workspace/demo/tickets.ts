/**
 * Tickets from four sources that share one set of field draws: ordinary tickets in active months (all
 * resolved eventually), each life's complaint that is never resolved (the churn driver), the complaint
 * some voluntary churners make in their last month and each life's complaint that is resolved but leaves the
 * customer unsatisfied (the retaliatory-churn driver; its case closes unsatisfied, operations.ts). Times past the end of the window are left empty, as
 * an export taken on the end day would show them: not yet answered or not yet resolved.
 */
import { sql } from '../../sql/sql.ts';
import { activeMonths } from './activity.ts';
import { HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { byCategory, lookup, pick, scaled, toTs } from './random.ts';

/** Write tickets; their number encodes (customer, month < 120, source) so ids never collide. */
export async function writeTickets(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const t = DEMO_PARAMS.tickets;
  const pre = DEMO_PARAMS.preChurn;
  const sat = DEMO_PARAMS.satisfaction;
  const key = [sql`n`, sql`m`, sql`src`];
  const hours = (mean: number, stream: 'ticketResponse' | 'ticketResolution') =>
    sql`CAST(round(-ln(${r.u(stream, ...key)}) * ${mean * 3600}) AS BIGINT)`;
  // Lives join their own month row: the complaint month, or the churn month for last-minute complaints.
  const spanMonth = (month: string) => sql`
    FROM demo_spans sp JOIN demo_months mo ON mo.m = sp.${sql.id(month)}`;
  await ctx.db.run(sql`
    INSERT INTO tickets BY NAME
    SELECT printf('T%010d', (n * 120 + m) * 4 + src) AS ticket_id, customer_id, ${toTs(sql`opened_s`)} AS opened_at,
      channel, category, priority,
      ${toTs(sql`CASE WHEN answered THEN response_s END`)} AS first_response_at,
      ${toTs(sql`CASE WHEN resolved THEN resolved_s END`)} AS resolved_at,
      CASE WHEN resolved AND ${r.u('ticketClosed', ...key)} < ${t.closedShare} THEN 'closed'
        WHEN resolved THEN 'resolved' WHEN answered THEN 'pending' ELSE 'open' END AS status,
      CASE WHEN resolved THEN ${scaled(
        sql`${sat.ticketMean} - ${sat.perHourWaited} * (resolved_s - opened_s) / 3600
          - CASE src WHEN 2 THEN ${sat.preChurnPenalty} WHEN 3 THEN ${sat.unsatisfiedPenalty} ELSE 0 END
          + ${sat.sigma} * ${r.normal('ticketCsat', ...key)}`,
        1,
        5,
      )} END AS csat,
      ${byCategory(sql`category`, r.u('ticketText', ...key), t.texts)} AS text
    FROM (
      SELECT *, NOT never_resolved AND resolved_s < ${HORIZON} AS resolved,
        response_s < ${HORIZON} AND NOT (never_resolved AND ${r.u('ticketUnanswered', ...key)} < ${t.unansweredShare})
          AS answered
      FROM (
        SELECT *, response_s + ${hours(t.resolutionHours, 'ticketResolution')} AS resolved_s
        FROM (
          SELECT *, opened_s + ${hours(t.responseHours, 'ticketResponse')} AS response_s,
            ${pick(sql`u_channel`, t.channels)} AS channel, ${pick(sql`u_category`, t.categories)} AS category,
            ${pick(sql`u_priority`, t.priorities)} AS priority
          FROM (
            SELECT *, ${r.within(sql`lo`, sql`hi`, 'ticketAt', ...key)} AS opened_s,
              ${r.u('ticketChannel', ...key)} AS u_channel, ${r.u('ticketCategory', ...key)} AS u_category,
              ${r.u('ticketPriority', ...key)} AS u_priority
            FROM (
              SELECT n, m, 0 AS src, customer_id, lo, hi, false AS never_resolved
              FROM ${activeMonths()}
              WHERE ${r.u('ticket', sql`n`, sql`m`)} < ${lookup(sql`customer_type`, t.monthlyRate)}
              UNION ALL
              SELECT n, mo.m, 1, customer_id, greatest(mo.ms_s, sp.start_s), least(mo.me_s, sp.end_s), true
              ${spanMonth('unres_m')}
              WHERE sp.unres_m <= sp.end_m
              UNION ALL
              SELECT n, mo.m, 2, customer_id, mo.ms_s, sp.end_s, false
              ${spanMonth('end_m')}
              WHERE sp.kind = 'voluntary' AND ${r.u('preChurnComplaint', sql`n`, sql`sp.life`)}
                < CASE WHEN sp.category = 'fault' THEN ${pre.faultComplaintShare} ELSE ${pre.complaintShare} END
              UNION ALL
              SELECT n, mo.m, 3, customer_id, greatest(mo.ms_s, sp.start_s), least(mo.me_s, sp.end_s), false
              ${spanMonth('unsat_m')}
              WHERE sp.unsat_m <= sp.end_m
            )
          )
        )
      )
    )`);
}
