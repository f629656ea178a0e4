import { sql } from '../../sql/sql.ts';
import type { ImportRun } from './context.ts';

/** Run a long statement reporting DuckDB's progress on it as `phase`, when the caller asked for progress. */
export async function withProgress<T>(run: ImportRun, phase: string, statement: () => Promise<T>): Promise<T> {
  const report = run.given.onProgress;
  if (!report) return statement();
  const db = run.ws.db;
  // DuckDB tracks a query's progress only with its progress bar enabled (else -1); it must not print.
  await db.run(sql`SET enable_progress_bar = true`);
  await db.run(sql`SET enable_progress_bar_print = false`);
  const timer = setInterval(() => report({ phase, percent: Math.max(0, db.progress()) }), 200);
  try {
    return await statement();
  } finally {
    clearInterval(timer);
    report({ phase, percent: 100 });
  }
}
