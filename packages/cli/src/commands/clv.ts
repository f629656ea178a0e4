import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { flagGroups, type ModelFlags, modelOptions } from '../model-options.ts';
import { fail } from '../output.ts';

export const clv: CommandModule = (program: Command) => {
  const c = program
    .command('clv')
    .description('customer lifetime value (BG/NBD × gamma-gamma, discounted) with the most valuable customers');
  flagGroups.common(c);
  flagGroups.btyd(c);
  c.option('--horizon <months>', 'how far ahead: 12, 12m or 1y', '12m')
    .option('--top <n>', 'how many of the most valuable customers to list', '50')
    .option('--discount <rate>', 'annual discount rate', '0.1')
    .option('--margin <share>', 'share of revenue kept (default: gross_margin in tenure.config.json)')
    .addHelpText('after', '\nExample: tenure clv --horizon 12m --top 50')
    .action(async (f: ModelFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { runAndPrint } = await import('../model-render.ts');
        await runAndPrint(g, 'clv', modelOptions(f));
      } catch (e) {
        fail(g, e);
      }
    });
};
