import { normalizeLang } from '@tenure/core/present';
import { tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';
import { type PredictFlags, predictFlags, predictOptions } from '../predict-options.ts';
import { backtestText, explainText, scoreText, trainText } from '../predict-render.ts';

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
        const { parsePredictOptions, trainChurnModel, withWorkspace } = await import('@tenure/core');
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
        const { backtestChurnModel, parsePredictOptions, withWorkspace } = await import('@tenure/core');
        const options = parsePredictOptions(predictOptions(f));
        const run = await withWorkspace(g.workspace, (ws) => backtestChurnModel(ws, options));
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...run.result }, () =>
          backtestText(run.runId, run.result),
        );
      } catch (e) {
        fail(g, e);
      }
    });

  group
    .command('score')
    .description('score every active customer into the scores table, raise alerts and deliver their webhooks')
    .option('--as-of <date>', 'snapshot day, YYYY-MM-DD (default: the day after the data ends)')
    .option('--deliver-wait <seconds>', 'keep retrying webhook deliveries for this long (default 5; 0: one try)', '5')
    .option('--lang <lang>', 'language of the reasons: en or zh', 'en')
    .addHelpText('after', '\nExample: tenure model score --lang zh')
    .action(async (f: PredictFlags & { deliverWait: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { deliverPending, parsePredictOptions, scoreChurn, withWorkspace } = await import('@tenure/core');
        const options = parsePredictOptions(predictOptions({ asOf: f.asOf }));
        const wait = Number(f.deliverWait);
        if (f.deliverWait.trim() === '' || !(wait >= 0))
          throw tenureError('TEN_BAD_OPTION', {
            fixes: [
              {
                option: 'deliver_wait',
                value: f.deliverWait,
                allowed: { en: 'seconds, 0 or more', 'zh-CN': '秒数，不小于 0' },
              },
            ],
          });
        const { run, deliveries } = await withWorkspace(g.workspace, async (ws) => {
          const run = await scoreChurn(ws, options);
          const deliveries = ws.config.prediction.webhooks.length
            ? await deliverPending(ws, { waitMs: wait * 1000 })
            : null;
          return { run, deliveries };
        });
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...run.result, deliveries }, () =>
          scoreText(run.runId, run.result, deliveries, normalizeLang(f.lang)),
        );
      } catch (e) {
        fail(g, e);
      }
    });

  group
    .command('explain')
    .description("one customer's churn probability and what drives it (TreeSHAP contributions, in words)")
    .argument('<customer_id>')
    .option('--as-of <date>', 'snapshot day, YYYY-MM-DD (default: the day after the data ends)')
    .option('--lang <lang>', 'en or zh', 'en')
    .addHelpText('after', '\nExample: tenure model explain C0000042 --lang zh')
    .action(async (id: string, f: { asOf?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { explainCustomer, parsePredictOptions, withWorkspace } = await import('@tenure/core');
        const options = parsePredictOptions(predictOptions({ asOf: f.asOf }));
        const e = await withWorkspace(g.workspace, (ws) => explainCustomer(ws, id, options));
        emit(g, e, () => explainText(e, normalizeLang(f.lang)));
      } catch (e) {
        fail(g, e);
      }
    });
};
