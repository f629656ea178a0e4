import { normalizeLang } from '@tenure/core/present';
import { tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { label } from '../labels.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

interface SyncFlags {
  cluster?: string;
  printDdl?: boolean;
  lang: string;
}

/**
 * `tenure sync`: core's copyWorkspace into the --engine database, one node's tables or, with --cluster, the
 * cluster layout (ReplicatedMergeTree per shard behind Distributed tables, loaded through them). --print-ddl
 * prints that layout's CREATE statements instead, for an operator to review or run; it needs no --engine.
 * The layout belongs to the copy, not to the workspace, so it is chosen here and not by `tenure init`.
 */
export const sync: CommandModule = (program: Command) => {
  program
    .command('sync')
    .description(
      'copy the workspace into ClickHouse (--engine clickhouse://user:pass@host:8123/db) for metrics at scale; each table is swapped in whole',
    )
    .option(
      '--cluster <name>',
      'lay the copy out on this ClickHouse cluster: ReplicatedMergeTree shards behind Distributed tables',
    )
    .option(
      '--print-ddl',
      'print the CREATE statements of the layout (with --cluster: the cluster one) instead of syncing',
    )
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (f: SyncFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { copyDdl, copyWorkspace, openClickHouse, withWorkspace } = await import('@tenure/core');
        const options = f.cluster ? { cluster: f.cluster } : {};
        if (f.printDdl) {
          const ddl = await withWorkspace(g.workspace, (ws) => copyDdl(ws, options));
          emit(g, ddl, () => ddl.map((s) => `${s};`).join('\n\n'));
          return;
        }
        if (!g.engine)
          throw tenureError('TEN_USAGE', {
            detail: 'sync needs --engine',
            hint: {
              en: 'For example: tenure sync --engine clickhouse://default:@localhost:8123/tenure',
              'zh-CN': '例如：tenure sync --engine clickhouse://default:@localhost:8123/tenure',
            },
          });
        const target = g.engine;
        const summary = await withWorkspace(g.workspace, async (ws) => {
          const ch = await openClickHouse(target, { forSync: true });
          try {
            return await copyWorkspace(ws, ch, options);
          } finally {
            await ch.close();
          }
        });
        const lang = normalizeLang(f.lang);
        emit(g, summary, () => {
          const layout = summary.cluster ? label(lang, 'cluster', { name: summary.cluster }) : label(lang, 'oneNode');
          const rows = Object.entries(summary.rows).map(([t, n]) => [t, fmtInt(n)]);
          return `${table([label(lang, 'table'), label(lang, 'rows')], rows)}\n\n${label(lang, 'synced', { version: summary.version, layout })}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
