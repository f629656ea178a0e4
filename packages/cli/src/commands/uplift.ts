import { normalizeLang } from '@tenure/core/present';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { numberOrText } from '../flag-value.ts';
import { emit, fail } from '../output.ts';
import { upliftFitText, upliftScoreText } from '../uplift-render.ts';

interface FitFlags {
  lang: string;
  campaign?: string;
  window?: string;
  holdout?: string;
  seed?: string;
  trees?: string;
  depth?: string;
  learningRate?: string;
  threads?: string;
}

/** Flags → options without the ones not given; core checks the values (TEN_BAD_OPTION). */
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function fitOptions(f: FitFlags): Record<string, unknown> {
  const gbdt = defined({
    trees: numberOrText(f.trees),
    maxDepth: numberOrText(f.depth),
    learningRate: numberOrText(f.learningRate),
    threads: numberOrText(f.threads),
  });
  return defined({
    campaignId: f.campaign,
    windowDays: numberOrText(f.window),
    holdout: numberOrText(f.holdout),
    seed: numberOrText(f.seed),
    gbdt: Object.keys(gbdt).length ? gbdt : undefined,
  });
}

export const uplift: CommandModule = (program: Command) => {
  const group = program
    .command('uplift')
    .description('uplift targeting: learn from a randomised campaign whom contact saves, and score the customers');

  group
    .command('fit')
    .description(
      'fit the two-model and transformed-outcome approaches on a campaign and keep the one with the larger Qini',
    )
    .option('--campaign <id>', 'the campaign to learn from (default: the latest with treatment and control members)')
    .option('--window <days>', 'churn within this many days of the campaign start is the outcome (default 90)')
    .option('--holdout <share>', 'share of members held out, stratified by arm and outcome (default 0.3)')
    .option('--seed <n>', 'seed of the held-out draw (default 1)')
    .option('--trees <n>', 'gbdt: most trees (early stopping on one customer in five)')
    .option('--depth <n>', 'gbdt: tree depth (default 3)')
    .option('--learning-rate <x>', 'gbdt: shrinkage')
    .option('--threads <n>', 'gbdt: threads for histogram building (default: every core)')
    .option('--lang <lang>', 'language of the report: en or zh', 'en')
    .addHelpText('after', '\nExample: tenure uplift fit --campaign RET-01 --window 90')
    .action(async (f: FitFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { fitUplift, parseUpliftFitOptions, withWorkspace } = await import('@tenure/core');
        const options = parseUpliftFitOptions(fitOptions(f));
        const run = await withWorkspace(g.workspace, (ws) => fitUplift(ws, options));
        const { report } = run.result;
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...report }, () =>
          upliftFitText(run.runId, report, normalizeLang(f.lang)),
        );
      } catch (e) {
        fail(g, e);
      }
    });

  group
    .command('score')
    .description('score every current customer: uplift, expected saved value (uplift × CLV − cost), sleeping dogs')
    .option('--cost <amount>', "cost of one contact (default: the campaign's cost ÷ its treated members)")
    .option('--top <n>', 'persuadable customers to list (default 10)', '10')
    .option('--lang <lang>', 'language of the report: en or zh', 'en')
    .addHelpText('after', '\nExample: tenure uplift score --cost 20')
    .action(async (f: { cost?: string; top: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { parseUpliftScoreOptions, scoreUplift, upliftScores, withWorkspace } = await import('@tenure/core');
        const options = parseUpliftScoreOptions(defined({ costPerContact: numberOrText(f.cost) }));
        const top = Math.max(1, Math.min(500, Math.floor(Number(f.top)) || 10));
        const { run, page } = await withWorkspace(g.workspace, async (ws) => {
          const run = await scoreUplift(ws, options);
          return { run, page: await upliftScores(ws, { pageSize: top }) };
        });
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...run.result, top: page.rows }, () =>
          upliftScoreText(run.runId, run.result, page.rows, normalizeLang(f.lang)),
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
