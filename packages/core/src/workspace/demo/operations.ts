/**
 * The demo's retention operations: the team (staff.ts), its cases as walks through the five steps
 * (case-walks.ts) and their event log with the case rows folded from it (case-log.ts). Run after the entity
 * tables are written and translated: the cases read the tickets as they stand and are written in the demo's
 * language, since their texts are in the log too.
 */
import type { Lang } from '../../present/lang.ts';
import { sql } from '../../sql/sql.ts';
import { writeCaseLog } from './case-log.ts';
import { writeWalks } from './case-walks.ts';
import type { DemoContext } from './context.ts';
import { caseText } from './locale.ts';
import { writeStaff } from './staff.ts';

export async function writeOperations(ctx: DemoContext, o: { lang: Lang; approvalLimit: number }): Promise<void> {
  const say = caseText(o.lang);
  await writeStaff(ctx);
  await writeWalks(ctx, { approvalLimit: o.approvalLimit, say });
  await writeCaseLog(ctx, say);
  // New cases number on from the demo's, so the first one created takes its id at once (create.ts).
  const [r] = await ctx.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS BIGINT) AS n FROM demo_cases`);
  await ctx.db.run(sql`DROP SEQUENCE IF EXISTS case_seq`);
  await ctx.db.run(sql`CREATE SEQUENCE case_seq START ${sql.raw(String((r?.n ?? 0) + 1))}`);
}
