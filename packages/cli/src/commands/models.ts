import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { flagGroups, type ModelFlags, modelOptions } from '../model-options.ts';
import { emit, fail, table } from '../output.ts';

export const models: CommandModule = (program: Command) => {
  const group = program.command('models').description('the lifetime models: list them and their runs, validate them');
  group
    .command('list')
    .description('every model with what it implements, and the latest stored runs')
    .action(async (_: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { models: catalog, listRuns, withWorkspace } = await import('@tenure/core');
        const runs = await withWorkspace(g.workspace, (ws) => listRuns(ws.db, { limit: 20 }));
        const list = Object.entries(catalog).map(([id, m]) => ({ id, title: m.title, reference: m.reference }));
        emit(g, { models: list, runs }, () =>
          [
            table(
              ['model', 'what', 'after'],
              list.map((m) => [m.id, m.title, m.reference]),
            ),
            runs.length
              ? table(
                  ['run', 'model', 'data to', 'created'],
                  runs.map((r) => [r.runId, r.model, r.dataWindow.to ?? '', r.createdAt.slice(0, 19)]),
                )
              : 'No runs yet: try `tenure fit bgnbd` or `tenure survival`.',
          ].join('\n\n'),
        );
      } catch (e) {
        fail(g, e);
      }
    });
  const validate = group
    .command('validate')
    .description('fit on a calibration period, compare predictions with the holdout after it (purchases and survival)');
  flagGroups.common(validate);
  flagGroups.btyd(validate);
  validate
    .addHelpText('after', '\nExample: tenure models validate --calibration-end 1997-09-30 --unit week')
    .action(async (f: ModelFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { runAndPrint } = await import('../model-render.ts');
        await runAndPrint(g, 'validation', modelOptions(f));
      } catch (e) {
        fail(g, e);
      }
    });
};
