import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { Lang } from '../../present/lang.ts';
import type { DemoCalendar } from './params.ts';
import type { Rand } from './random.ts';

/** What to generate. `end` is the last observed day: nothing in the data happens after it. */
export interface DemoOptions {
  customers: number;
  months: number;
  seed: number;
  /** YYYY-MM-DD; fixed by default so the same seed always yields the same data. */
  end?: string;
  /** The language of names and texts (regions, plans, reasons…); English by default. */
  lang?: Lang;
}

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
