import { z } from 'zod';
import { isoDay } from '../../api/common.ts';
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { LANGS } from '../../present/lang.ts';
import type { DemoCalendar } from './params.ts';
import type { Rand } from './random.ts';

/**
 * What to generate, as core's option schema (checkDemoOptions parses it, so a bad value is TEN_BAD_OPTION as
 * every option is). `end` is the last observed day: nothing in the data happens after it.
 */
export const demoOptionsSchema = z.strictObject({
  customers: z.number().int().min(1).max(20_000_000),
  months: z.number().int().min(1).max(120),
  seed: z.number().int(),
  /** YYYY-MM-DD; fixed by default so the same seed always yields the same data. */
  end: isoDay.optional(),
  /** The language of names and texts (regions, plans, reasons…); English by default. */
  lang: z.enum(LANGS).optional(),
});
export type DemoOptions = z.infer<typeof demoOptionsSchema>;

/** Everything a generation step needs: the connection, the validated options and the seeded draws. */
export interface DemoContext {
  db: DuckDbConnection;
  customers: number;
  months: number;
  seed: number;
  end: string;
  cal: DemoCalendar;
  r: Rand;
}
