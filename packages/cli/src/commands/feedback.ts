import { normalizeLang } from '@tenure/core/present';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { analysedText, topicsText } from '../feedback-render.ts';
import { numberOrText } from '../flag-value.ts';
import { emit, fail } from '../output.ts';

/** Flags → options without the ones not given; core checks the values (TEN_BAD_OPTION). */
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const feedback: CommandModule = (program: Command) => {
  const group = program
    .command('feedback')
    .description('what customers write: topics, keyphrases and sentiment of comments, tickets and notes (zh and en)');

  group
    .command('analyse')
    .description(
      'analyse every survey comment, ticket text, case note and churn note: language, topics, keyphrases, sentiment',
    )
    .option('--topics <n>', 'most topics per language (default: voice.topics of the config, 8)')
    .option('--seed <n>', 'seed of the clustering (default 1)')
    .option('--lang <lang>', 'language of the report: en or zh', 'en')
    .addHelpText('after', '\nExample: tenure feedback analyse --topics 10')
    .action(async (f: { topics?: string; seed?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { analyseFeedback, withWorkspace } = await import('@tenure/core');
        const options = defined({ topics: numberOrText(f.topics), seed: numberOrText(f.seed) });
        const run = await withWorkspace(g.workspace, (ws) => analyseFeedback(ws, options));
        emit(g, { runId: run.runId, createdAt: run.createdAt, ...run.result }, () =>
          analysedText(run.runId, run.result, normalizeLang(f.lang)),
        );
      } catch (e) {
        fail(g, e);
      }
    });

  group
    .command('topics')
    .description('the topics by volume, with share, mean sentiment and an example, from the latest analysis')
    .option('--text-lang <lang>', 'only topics of texts in this language: zh or en')
    .option('--lang <lang>', 'language of the report: en or zh', 'en')
    .addHelpText('after', '\nExample: tenure feedback topics --text-lang zh')
    .action(async (f: { textLang?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { parseOptions, voiceTopicsOptionsSchema, voiceTopics, withWorkspace } = await import('@tenure/core');
        const q = parseOptions(voiceTopicsOptionsSchema, defined({ lang: f.textLang }));
        const r = await withWorkspace(g.workspace, (ws) => voiceTopics(ws, { ...q, examples: 1 }));
        emit(g, r, () => topicsText(r, normalizeLang(f.lang)));
      } catch (e) {
        fail(g, e);
      }
    });

  // INTEGRATOR: the drivers slice adds `drivers`, `exits` and `employees` here, with
  // `driverCommands(group)` imported from '../feedback-drivers.ts' (issue 14, slice C).
};
