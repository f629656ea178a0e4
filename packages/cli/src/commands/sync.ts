import { tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

export const sync: CommandModule = (program: Command) => {
  program
    .command('sync')
    .description(
      'copy the workspace into ClickHouse (--engine clickhouse://user:pass@host:8123/db) for metrics at scale',
    )
    .action(async (_: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        if (!g.engine)
          throw tenureError('TEN_USAGE', {
            detail: 'sync needs --engine',
            hint: {
              en: 'For example: tenure sync --engine clickhouse://default:@localhost:8123/tenure',
              'zh-CN': '例如：tenure sync --engine clickhouse://default:@localhost:8123/tenure',
            },
          });
        const target = g.engine;
        const { copyWorkspace, openClickHouse, withWorkspace } = await import('@tenure/core');
        const summary = await withWorkspace(g.workspace, async (ws) => {
          const ch = await openClickHouse(target);
          try {
            return await copyWorkspace(ws, ch);
          } finally {
            await ch.close();
          }
        });
        emit(g, summary, () =>
          table(
            ['table', 'rows'],
            Object.entries(summary.rows).map(([t, n]) => [t, fmtInt(n)]),
          ),
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
