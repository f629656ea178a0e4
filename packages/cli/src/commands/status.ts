import type { HeadlineChurn } from '@tenure/core/status';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, fmtPct, table } from '../output.ts';

export const status: CommandModule = (program: Command) => {
  program
    .command('status')
    .description('rows, date range, last import and the rows it rejected per entity, and the latest monthly churn')
    .action(async (_: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        // Only the status entry of core: no metric catalogue, models or prediction (see its header).
        const { headlineChurn, withWorkspace, workspaceStatus } = await import('@tenure/core/status');
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
            e.lastBatch === null ? fmtInt(e.rejectedRows) : `${fmtInt(e.rejectedRows)} (batch ${e.lastBatch})`,
          ]);
          const c = data.churn;
          const churn = !c
            ? 'No churn figure yet: import subscriptions or churn events.'
            : c.snapshot
              ? snapshotChurnText(c)
              : `Churn in ${c.month}: ${fmtInt(c.churned)} of ${fmtInt(c.activeAtStart)} customers active at the start of the month = ${fmtPct(c.rate)} (from ${c.basis})`;
          return `Workspace ${data.workspace}\n\n${table(['entity', 'rows', 'from', 'to', 'last import', 'rejected by it'], rows)}\n\n${churn}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};

/** A snapshot's churn is the share gone by its as-of date, never a month's rate (core metrics/snapshot.ts). */
export const snapshotChurnText = (c: HeadlineChurn): string =>
  `Churned by the snapshot of ${c.snapshot}: ${fmtInt(c.churned)} of ${fmtInt(c.activeAtStart)} customers = ${fmtPct(c.rate)} (snapshot import)
  Every churn is dated on the snapshot's as-of date, so this is no monthly rate and there is no monthly trend.
  For churn over time run \`tenure survival\`; for who will churn, \`tenure model train\`.`;
