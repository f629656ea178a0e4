/**
 * The public datasets some tests and benchmarks read in place (IBM Telco, CDNOW): never copied into the repo.
 * One setting locates them: TENURE_DATASETS, by default `<repo>/../shared/datasets`. Without them, the suites that
 * read them are skipped and say so; under CI (CI=true) a missing dataset fails the run, so CI never passes by
 * skipping.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..', '..');

export const DATASETS_DIR = resolve(repo, process.env.TENURE_DATASETS || join('..', 'shared', 'datasets'));

/** The files read, by their path under DATASETS_DIR. */
export const TELCO_CSV = 'telco/WA_Fn-UseC_-Telco-Customer-Churn.csv';
export const CDNOW_MASTER = 'cdnow/CDNOW_master.txt';
export const CDNOW_SAMPLE = 'cdnow/CDNOW_sample.txt';
export const CDNOW_SUMMARY = 'cdnow/cdnow_customers_summary_with_transactions.csv';

/** Absolute path of a dataset file. */
export const dataset = (path: string): string => join(DATASETS_DIR, path);

const inCi = () => !!process.env.CI && process.env.CI !== 'false';

/** Why the given files cannot be read, or null when they all exist. */
export function datasetsMissing(paths: string[]): string | null {
  const gone = paths.filter((p) => !existsSync(dataset(p)));
  return gone.length ? `needs ${gone.join(', ')} under ${DATASETS_DIR} (set TENURE_DATASETS to that folder)` : null;
}

/**
 * `describe` when every named file exists; otherwise `describe.skip`, after printing which suite is skipped and
 * why. Under CI it throws instead: the file fails with the reason.
 */
export function describeWithDatasets(...paths: string[]): ReturnType<typeof describe.skipIf> {
  const why = datasetsMissing(paths);
  if (why && inCi()) throw new Error(`CI=true, but a dataset is missing: ${why}`);
  if (why) process.stderr.write(`skipped (datasets): ${why}\n`);
  return describe.skipIf(why !== null);
}
