/**
 * Flags of `tenure model …` and their translation into the core's prediction options; core checks the values
 * (parsePredictOptions), so a bad one gets TEN_BAD_OPTION from the CLI and the API alike.
 */
import type { Command } from 'commander';
import { numberOrText } from './flag-value.ts';

export interface PredictFlags {
  testIds?: string;
  classifier?: string;
  mode?: string;
  asOf?: string;
  horizon?: string;
  snapshots?: string;
  trees?: string;
  depth?: string;
  learningRate?: string;
  threads?: string;
}

/** The flags that choose rows (snapshots, horizon) and the classifier's settings. */
export function predictFlags(c: Command): Command {
  return c
    .option('--as-of <date>', 'snapshot day, YYYY-MM-DD (default: the day after the data ends)')
    .option(
      '--horizon <days>',
      'churn within this many days after a snapshot is the label (default: prediction.horizon_days, 90)',
    )
    .option('--snapshots <n>', 'monthly training snapshots (default 6)')
    .option('--mode <mode>', 'auto, snapshots (dated events) or static (one customer table with a churned flag)')
    .option('--classifier <name>', 'gbdt (default) or logistic')
    .option('--trees <n>', 'gbdt: most trees (default 500, early stopping on the validation customers)')
    .option('--depth <n>', 'gbdt: tree depth (default 4)')
    .option('--learning-rate <x>', 'gbdt: shrinkage (default 0.05)')
    .option('--threads <n>', 'gbdt: threads for histogram building (default: every core)');
}

/** Flags → options. */
export function predictOptions(f: PredictFlags): Record<string, unknown> {
  const gbdt = Object.fromEntries(
    Object.entries({
      trees: numberOrText(f.trees),
      maxDepth: numberOrText(f.depth),
      learningRate: numberOrText(f.learningRate),
      threads: numberOrText(f.threads),
    }).filter(([, v]) => v !== undefined),
  );
  const o: Record<string, unknown> = {
    testIds: f.testIds,
    classifier: f.classifier,
    mode: f.mode,
    asOf: f.asOf,
    horizonDays: numberOrText(f.horizon),
    snapshots: numberOrText(f.snapshots),
    gbdt: Object.keys(gbdt).length ? gbdt : undefined,
  };
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
