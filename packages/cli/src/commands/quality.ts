import type { EntityName } from '@tenure/core';
import { entityLabel, formats, normalizeLang } from '@tenure/core/present';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { label, ruleLabel } from '../labels.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

export const quality: CommandModule = (program: Command) => {
  program
    .command('quality')
    .description('data-quality scorecard: completeness, validity, uniqueness, integrity, freshness per entity (0–100)')
    .option('--now <date>', 'reference time: dates after it are future dates, and the data end by it (default: now)')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (o: { now?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { assessQuality, withWorkspace } = await import('@tenure/core');
        const report = await withWorkspace(g.workspace, (ws) => assessQuality(ws.db, { now: o.now ?? new Date() }));
        const lang = normalizeLang(o.lang);
        const score = (s: number | null) => formats(lang).value('score', s);
        const L = (k: Parameters<typeof label>[1], vars?: Record<string, string | number>) => label(lang, k, vars);
        // Entities by their ids in English (as --json and the import command name them), by name in Chinese.
        const name = (v: EntityName) => (lang === 'en' ? v : entityLabel(lang, v));
        emit(g, report, () => {
          const rows = report.entities
            .filter((e) => e.rows > 0)
            .map((e) => {
              const worst = e.offenders[0];
              return [
                name(e.entity),
                fmtInt(e.rows),
                score(e.score),
                worst ? `${worst.column} ${ruleLabel(lang, worst.rule, name)} (${fmtInt(worst.count)})` : '',
              ];
            });
          const headline = L('qualityHeadline', {
            score: score(report.overall),
            now: report.now,
            dataEnd: report.dataEnd.slice(0, 10),
          });
          return `${headline}\n\n${table([L('entity'), L('rows'), L('score'), L('worstOffender')], rows)}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
