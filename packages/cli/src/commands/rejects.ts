import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

export const rejects: CommandModule = (program: Command) => {
  program
    .command('rejects')
    .description('rows rejected by an import (the latest one unless --batch), with line, column, value and why')
    .option('--batch <id>', 'import batch id (printed by `tenure import`)')
    .option('--limit <n>', 'how many rows to show (at most 500, as a page of the API)', '50')
    .action(async (flags: { batch?: string; limit: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { api, listRejects, parseOptions, withWorkspace } = await import('@tenure/core');
        const o = parseOptions(api.rejectsOptions, { batch: flags.batch, page_size: flags.limit });
        const data = await withWorkspace(g.workspace, (ws) =>
          listRejects(ws, {
            limit: o.page_size,
            ...(o.batch !== undefined ? { batch: o.batch } : {}),
          }),
        );
        emit(g, data, () => {
          if (!data.total) return 'No rejected rows.';
          const first = data.rows[0];
          const rows = data.rows.map((r) => [r.line, r.column, r.value, r.code, r.message]);
          return `${fmtInt(data.total)} rejected row problem(s) in batch ${first?.batch_id} (${first?.entity} from ${first?.file_name})${data.total > data.rows.length ? `, showing ${data.rows.length}` : ''}\n\n${table(['line', 'column', 'value', 'code', 'message'], rows)}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
