import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

const score = (s: number | null) => (s === null ? '—' : s.toFixed(1));

export const quality: CommandModule = (program: Command) => {
  program
    .command('quality')
    .description('data-quality scorecard: completeness, validity, uniqueness, integrity, freshness per entity (0–100)')
    .option('--now <date>', 'reference time: dates after it are future dates, and the data end by it (default: now)')
    .action(async (o: { now?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { assessQuality, withWorkspace } = await import('@tenure/core');
        const report = await withWorkspace(g.workspace, (ws) => assessQuality(ws.db, { now: o.now ?? new Date() }));
        emit(g, report, () => {
          const rows = report.entities
            .filter((e) => e.rows > 0)
            .map((e) => [
              e.entity,
              fmtInt(e.rows),
              score(e.score),
              e.offenders[0] ? `${e.offenders[0].column} ${e.offenders[0].rule} (${fmtInt(e.offenders[0].count)})` : '',
            ]);
          return `Data quality: ${score(report.overall)} / 100 (as of ${report.now}; freshness is each table's lag behind the end of the data, ${report.dataEnd.slice(0, 10)})\n\n${table(['entity', 'rows', 'score', 'worst offender'], rows)}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
