/**
 * The demo's retention operations: the team (staff.ts), its cases as walks through the five steps
 * (case-walks.ts) and their event log with the case rows folded from it (case-log.ts), in two steps since the
 * team's records live in a database of their own. Run after the entity
 * tables are written and translated: the cases read the tickets as they stand and are written in the demo's
 * language, since their texts are in the log too.
 */
import type { Lang } from '../../present/lang.ts';
import { sql } from '../../sql/sql.ts';
import { PEOPLE_DB } from '../people.ts';
import { writeCaseLog } from './case-log.ts';
import { writeWalks } from './case-walks.ts';
import type { DemoContext } from './context.ts';
import { caseText } from './locale.ts';
import { writeStaff, writeTeams } from './staff.ts';

/** The team's users and the cases' walks (temp tables), inside the demo's transaction. */
export async function writeOperations(ctx: DemoContext, o: { lang: Lang; approvalLimit: number }): Promise<void> {
  await writeStaff(ctx);
  await writeWalks(ctx, { approvalLimit: o.approvalLimit, say: caseText(o.lang) });
}

/**
 * The team's records in people.duckdb (workspace/people.ts), in a transaction of their own after the demo's: the
 * teams, and the cases with their log written from the walks, replacing the ones there were.
 */
export async function writeCaseWork(ctx: DemoContext, lang: Lang): Promise<void> {
  for (const t of ['case_events', 'cases']) await ctx.db.run(sql`DELETE FROM ${sql.id(t)}`);
  await writeTeams(ctx);
  await writeCaseLog(ctx, caseText(lang));
  // New cases number on from the demo's, so the first one created takes its id at once (create.ts).
  const [r] = await ctx.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS BIGINT) AS n FROM demo_cases`);
  const seq = sql.id(PEOPLE_DB, 'case_seq');
  await ctx.db.run(sql`DROP SEQUENCE IF EXISTS ${seq}`);
  await ctx.db.run(sql`CREATE SEQUENCE ${seq} START ${sql.raw(String((r?.n ?? 0) + 1))}`);
}
