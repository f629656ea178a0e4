import { isWorkspace, type ModelName, modelNames } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { flagGroups, type ModelFlags, modelOptions } from '../model-options.ts';
import { emit, fail } from '../output.ts';

export const fit: CommandModule = (program: Command) => {
  const c = program
    .command('fit')
    .description('fit a lifetime model and store the run: parameters, standard errors, log-likelihood, convergence')
    .argument('<model>', modelNames.join(', '));
  for (const add of Object.values(flagGroups)) add(c);
  c.option('--covariates <columns>', 'cox: customer columns, comma-separated (default: the segment dimensions)')
    .option('--survivors <counts>', 'sbg: customers still there at the start and after each period, e.g. 1000,869,743')
    .option('--discount <rate>', 'sbg, clv: annual discount rate (default 0.1)')
    .option('--horizon <periods>', 'sbg: periods to project beyond the data (default 12)')
    .addHelpText(
      'after',
      '\nExamples:\n  tenure fit bgnbd --unit week --calibration-end 1997-09-30\n  tenure fit sbg --survivors 1000,869,743,653,593,551,517,491\n  tenure fit cox --covariates contract,monthly_charges',
    )
    .action(async (model: string, f: ModelFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const options = modelOptions(f, 'periods');
        const { renderers, runAndPrint } = await import('../model-render.ts');
        // Survivor counts need no workspace: many managers have only those.
        if (model === 'sbg' && options.survivors && !isWorkspace(g.workspace)) {
          const { parseModelOptions, sbg } = await import('@tenure/core');
          const result = await sbg(null, null, parseModelOptions(options));
          emit(g, { model, parameters: options, result }, () => renderers.sbg(result));
          return;
        }
        await runAndPrint(g, model as ModelName, options);
      } catch (e) {
        fail(g, e);
      }
    });
};
