import { headlineChurn, withWorkspace, workspaceStatus } from '@tenure/core';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, fmtPct, table } from '../output.ts';

export const status: CommandModule = (program: Command) => {
  program
    .command('status')
    .description('rows, date range, last import and rejected rows per entity, and the latest monthly churn')
    .action(async (_: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const data = await withWorkspace(g.workspace, async (ws) => ({
          workspace: ws.dir,
          entities: await workspaceStatus(ws),
          churn: await headlineChurn(ws),
        }));
        emit(g, data, () => {
          const rows = data.entities.map((e) => [
            e.entity,
            fmtInt(e.rows),
            e.from?.slice(0, 10) ?? '',
            e.to?.slice(0, 10) ?? '',
            e.lastImport?.slice(0, 19) ?? '',
            fmtInt(e.rejectedRows),
          ]);
          const c = data.churn;
          const churn = c
            ? `Churn in ${c.month}: ${fmtInt(c.churned)} of ${fmtInt(c.activeAtStart)} customers active at the start of the month = ${fmtPct(c.rate)} (from ${c.basis})`
            : 'No churn figure yet: import subscriptions or churn events.';
          return `Workspace ${data.workspace}\n\n${table(['entity', 'rows', 'from', 'to', 'last import', 'rejected'], rows)}\n\n${churn}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
