import { backtestChurnModel, parsePredictOptions, trainChurnModel, withWorkspace } from '@tenure/core';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';
import { type PredictFlags, predictFlags, predictOptions } from '../predict-options.ts';
import { backtestText, trainText } from '../predict-render.ts';

export const model: CommandModule = (program: Command) => {
  const group = program
    .command('model')
    .description('churn prediction: train, evaluate (time-based backtest), score, explain a customer');

  predictFlags(group.command('train').description('train the churn model on the workspace and store it'))
    .option('--test-ids <file>', 'hold these customers out as the test set (one id per line) and report test_auc')
    .addHelpText(
      'after',
      '\nExamples:\n  tenure model train\n  tenure model train --test-ids test-ids.txt --json   # a static snapshot such as IBM Telco',
    )
    .action(async (f: PredictFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const options = parsePredictOptions(predictOptions(f));
        const run = await withWorkspace(g.workspace, (ws) => trainChurnModel(ws, options));
        const { model: _, ...result } = run.result;
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...result }, () => trainText(run.runId, run.result));
      } catch (e) {
        fail(g, e);
      }
    });

  predictFlags(
    group
      .command('evaluate')
      .description('backtest: train on snapshots whose labels end before T, test at T, against the logistic baseline'),
  )
    .addHelpText('after', '\nExample: tenure model evaluate --as-of 2025-06-01 --horizon 90')
    .action(async (f: PredictFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const options = parsePredictOptions(predictOptions(f));
        const run = await withWorkspace(g.workspace, (ws) => backtestChurnModel(ws, options));
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...run.result }, () =>
          backtestText(run.runId, run.result),
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
