import type { EntityName } from '@tenure/core';
import { entityLabel, formats, type Lang, normalizeLang } from '@tenure/core/present';
import type { HeadlineChurn } from '@tenure/core/status';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { label } from '../labels.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

export const status: CommandModule = (program: Command) => {
  program
    .command('status')
    .description('rows, date range, last import and the rows it rejected per entity, and the latest monthly churn')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (o: { lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        // Only the status entry of core: no metric catalogue, models or prediction (see its header).
        const { headlineChurn, withWorkspace, workspaceStatus } = await import('@tenure/core/status');
        const data = await withWorkspace(g.workspace, async (ws) => ({
          workspace: ws.dir,
          entities: await workspaceStatus(ws),
          churn: await headlineChurn(ws),
        }));
        const lang = normalizeLang(o.lang);
        const L = (k: Parameters<typeof label>[1], vars?: Record<string, string | number>) => label(lang, k, vars);
        // Entities and bases by their ids in English (as --json and the import command name them), by name in Chinese.
        const name = (v: EntityName) => (lang === 'en' ? v : entityLabel(lang, v));
        emit(g, data, () => {
          const rows = data.entities.map((e) => [
            name(e.entity),
            fmtInt(e.rows),
            e.from?.slice(0, 10) ?? '',
            e.to?.slice(0, 10) ?? '',
            e.lastImport?.slice(0, 19) ?? '',
            e.lastBatch === null
              ? fmtInt(e.rejectedRows)
              : L('batch', { rows: fmtInt(e.rejectedRows), batch: e.lastBatch }),
          ]);
          const c = data.churn;
          const churn = !c
            ? L('noChurn')
            : c.snapshot
              ? snapshotChurnText(c, lang)
              : L('monthChurn', {
                  month: c.month,
                  churned: fmtInt(c.churned),
                  active: fmtInt(c.activeAtStart),
                  rate: formats(lang).value('ratio', c.rate),
                  basis: name(c.basis),
                });
          const headers = [L('entity'), L('rows'), L('from'), L('to'), L('lastImport'), L('rejectedByIt')];
          return `${L('workspace', { dir: data.workspace })}\n\n${table(headers, rows)}\n\n${churn}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};

/** A snapshot's churn is the share gone by its as-of date, never a month's rate (core metrics/snapshot.ts). */
const snapshotChurnText = (c: HeadlineChurn, lang: Lang = 'en'): string =>
  label(lang, 'snapshotChurn', {
    asOf: c.snapshot ?? '',
    churned: fmtInt(c.churned),
    active: fmtInt(c.activeAtStart),
    rate: formats(lang).value('ratio', c.rate),
  });
