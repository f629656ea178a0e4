import { type Command, InvalidArgumentError } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

/** A positive integer option, or a usage error (exit 2) instead of a silent NaN. */
const positiveInt = (v: string): number => {
  if (!/^\s*\d+\s*$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('Expected a positive integer.');
  return Number(v);
};

export const rejects: CommandModule = (program: Command) => {
  program
    .command('rejects')
    .description('rows rejected by an import (the latest one unless --batch), with line, column, value and why')
    .option('--batch <id>', 'import batch id (printed by `tenure import`)', positiveInt)
    .option('--limit <n>', 'how many rows to show', positiveInt, 50)
    .action(async (o: { batch?: number; limit: number }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { listRejects, withWorkspace } = await import('@tenure/core');
        const data = await withWorkspace(g.workspace, (ws) =>
          listRejects(ws, {
            limit: o.limit,
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
