/**
 * The SLA and assignment settings of the `cases` config section: policies (kind × priority → targets in hours,
 * around the clock or in a named business calendar), the calendars, and the ordered assignment rules. Every
 * key is defaulted (no policies, no rules), so configs written before SLAs existed stay valid and set no due
 * times.
 */
import { z } from 'zod';
import { CASE_KINDS, CASE_PRIORITIES } from '../workflow.ts';
import { intervalOf, isTimeZone, WEEKDAYS } from './calendar.ts';

const name = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits and . _ -');
const hours = z
  .number()
  .positive()
  .max(24 * 366);
const interval = z.string().refine((s) => intervalOf(s) !== null, 'an interval HH:MM-HH:MM, its end after its start');
const date = z.iso.date();
/** An empty or absent list matches every value. */
const anyOf = <T extends z.ZodType>(t: T) => z.array(t).max(100).default([]);

const calendar = z
  .object({
    /** An IANA time zone (Asia/Shanghai): the calendar's hours and holidays are its wall clock. */
    time_zone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai'),
    /** Per weekday its open intervals; a day not named is closed. Default: Monday–Friday 09:00–18:00. */
    week: z
      .partialRecord(z.enum(WEEKDAYS), z.array(interval).max(24))
      .default(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-18:00']]))),
    /** Whole days closed, YYYY-MM-DD. */
    holidays: z.array(date).max(10_000).default([]),
  })
  .strict()
  .refine((c) => Object.values(c.week).some((d) => d?.length), { message: 'open the calendar on some day' });

const policy = z
  .object({
    /** Stored on each case it sets due times for (`sla_policy`): compliance is reported per policy. */
    name,
    kind: anyOf(z.enum(CASE_KINDS)),
    priority: anyOf(z.enum(CASE_PRIORITIES)),
    /** Hours from opening to the first response (a note or a step taken on the case). */
    first_response_hours: hours,
    /** Hours from opening to closing. */
    resolution_hours: hours,
    /** A calendar of `calendars` whose open hours are counted; none: hours around the clock. */
    calendar: name.optional(),
  })
  .strict();

export const slaConfigSchema = z
  .object({
    /** Tried in order; a case gets the first whose kind and priority lists hold its own (empty lists: any). */
    policies: z.array(policy).max(200).default([]),
    calendars: z.record(name, calendar).default({}),
    /** Raise an alert (and its webhooks) when a case breaches a target: once per case and target. */
    alerts: z.boolean().default(true),
    /** Minutes between the server's checks for breaches. */
    check_minutes: z.number().int().min(1).max(1440).default(5),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [i, p] of s.policies.entries()) {
      if (p.calendar !== undefined && !Object.hasOwn(s.calendars, p.calendar))
        ctx.addIssue({
          code: 'custom',
          path: ['policies', i, 'calendar'],
          message: `define ${p.calendar} in calendars`,
        });
      if (p.first_response_hours > p.resolution_hours)
        ctx.addIssue({
          code: 'custom',
          path: ['policies', i, 'first_response_hours'],
          message: 'at most resolution_hours: a case is answered before it is resolved',
        });
    }
  });

const term = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lower-case letters, digits and _');

const assignmentRule = z
  .object({
    kind: anyOf(z.enum(CASE_KINDS)),
    priority: anyOf(z.enum(CASE_PRIORITIES)),
    /**
     * Values a customer's fields must hold, by field (`region`, `customer_type`, an imported attribute such as
     * `segment`): every field named must hold one of its values.
     */
    customer: z.record(term, z.array(z.string().max(200)).min(1).max(1000)).default({}),
    /** The team the case goes to; its owner is the team's next member in turn. */
    team: name,
  })
  .strict();

/** Tried in order on a case opened without owner or team; the first that matches gives its team. */
export const assignmentConfigSchema = z.array(assignmentRule).max(200).default([]);

export type SlaConfig = z.infer<typeof slaConfigSchema>;
export type SlaPolicy = SlaConfig['policies'][number];
export type AssignmentRule = z.infer<typeof assignmentRule>;
