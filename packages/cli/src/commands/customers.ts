import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';

/** Customer commands: `tenure customers profit <id>`, the customer 360's profit contribution month by month. */
export const customers: CommandModule = (program: Command) => {
  const group = program.command('customers').description('one customer: their profit contribution');
  group
    .command('profit <id>')
    .description(
      "a customer's revenue, cost of revenue, allocated costs by category and profit, month by month and in total",
    )
    .option('--months <n>', 'how many months, ending with --to (default 12)')
    .option('--to <month>', 'the last month, YYYY-MM (default: the last complete month with data)')
    .option('--lang <lang>', 'en or zh', 'en')
    .addHelpText('after', '\nExample: tenure customers profit C-1042 --months 6')
    .action(async (id: string, f: { months?: string; to?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const core = await import('@tenure/core');
        const query = core.parseOptions(core.api.customerProfitQuery, { months: f.months, to: f.to });
        const r = await core.withWorkspace(g.workspace, (ws) => core.customerProfit(ws, id, query));
        const { customerProfitText } = await import('../customer-profit-render.ts');
        emit(g, r, () => customerProfitText(r, core.normalizeLang(f.lang)));
      } catch (e) {
        fail(g, e);
      }
    });
};
