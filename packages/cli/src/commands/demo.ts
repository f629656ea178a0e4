import { generateDemo, headlineChurn, initWorkspace } from '@tenure/core';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt, fmtPct, table } from '../output.ts';

const int = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : Number.NaN);

export const demo: CommandModule = (program: Command) => {
  program
    .command('demo')
    .description('build a workspace with a realistic synthetic business (see ground-truth.json inside it)')
    .option('--customers <n>', 'number of customers', '20000')
    .option('--months <m>', 'months of history', '36')
    .option('--seed <s>', 'random seed: the same seed gives the same data', '42')
    .option('--force', 'replace an existing workspace')
    .action(async (o: { customers: string; months: string; seed: string; force?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const ws = await initWorkspace(g.workspace, { force: !!o.force });
        try {
          const summary = await generateDemo(ws, {
            customers: int(o.customers),
            months: int(o.months),
            seed: int(o.seed),
          });
          const churn = await headlineChurn(ws);
          emit(g, { workspace: ws.dir, ...summary, churn }, () => {
            const rows = Object.entries(summary.rows).map(([t, n]) => [t, fmtInt(n)]);
            const c = churn
              ? `\nChurn in ${churn.month}: ${fmtPct(churn.rate)} (${fmtInt(churn.churned)} of ${fmtInt(churn.activeAtStart)})`
              : '';
            return `Demo workspace ${ws.dir}: ${fmtInt(summary.customers)} customers in ${summary.seconds.toFixed(1)} s\n\n${table(['table', 'rows'], rows)}\n\nGround truth: ${summary.groundTruthFile}${c}`;
          });
        } finally {
          await ws.close();
        }
      } catch (e) {
        fail(g, e);
      }
    });
};
