import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { flagGroups, type ModelFlags, modelOptions } from '../model-options.ts';
import { fail } from '../output.ts';

export const survival: CommandModule = (program: Command) => {
  const c = program
    .command('survival')
    .description('customer survival curves (Kaplan–Meier) by segment with 95 % bands, medians and the log-rank test');
  flagGroups.common(c);
  flagGroups.survival(c);
  c.option('--conf-type <type>', 'log (as R survfit) or log-log', 'log')
    .option('--tau <time>', 'horizon of the restricted mean (default: the longest observed time)')
    .addHelpText('after', '\nExample: tenure survival --by contract --unit month')
    .action(async (f: ModelFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { runAndPrint } = await import('../model-render.ts');
        await runAndPrint(g, 'km', modelOptions(f));
      } catch (e) {
        fail(g, e);
      }
    });
};
