import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';

export const init: CommandModule = (program: Command) => {
  program
    .command('init')
    .description(
      'create an empty workspace (tenure.duckdb, people.duckdb, tenure.config.json); with --engine chdb:DIR or clickhouse://…, its data tables live in ClickHouse',
    )
    .option('--force', 'replace an existing workspace')
    .option('--currency <code>', 'ISO currency code, e.g. CNY')
    .option('--timezone <tz>', 'IANA time zone, e.g. Asia/Shanghai')
    .action(async (opts: { force?: boolean; currency?: string; timezone?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { initWorkspace } = await import('@tenure/core');
        const ws = await initWorkspace(g.workspace, {
          force: !!opts.force,
          // Only an --engine typed here: TENURE_ENGINE names a copy to read, not where a new workspace lives.
          ...(g.engine && cmd.parent?.getOptionValueSource('engine') === 'cli' ? { engine: g.engine } : {}),
          config: {
            ...(opts.currency ? { currency: opts.currency } : {}),
            ...(opts.timezone ? { timezone: opts.timezone } : {}),
          },
        });
        await ws.close();
        emit(
          g,
          { workspace: ws.dir, config: ws.config },
          () => `Created workspace ${ws.dir}\nNext: tenure import customers <file> --workspace ${g.workspace}`,
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
