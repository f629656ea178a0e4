/**
 * Typed access to the committed reference values of the lifetime models. survival-reference.json is written by
 * make-survival-reference.R (R survival); published.json holds parameters printed in the papers, with where
 * each comes from. Tests read only these files, so they need neither R nor the papers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RCurve {
  time: number[];
  atRisk: number[];
  events: number[];
  censored: number[];
  survival: number[];
  stderr: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface RKaplanMeier {
  segment: string;
  log: RCurve;
  logLog: RCurve;
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  rmean: number;
  rmeanSe: number;
}

export interface SurvivalReference {
  generatedBy: string;
  tau: number;
  kaplanMeier: { all: RKaplanMeier; byContract: RKaplanMeier[] };
  logRank: { groups: string[]; observed: number[]; expected: number[]; chisq: number; df: number; p: number };
  cox: {
    terms: string[];
    coef: number[];
    se: number[];
    z: number[];
    p: number[];
    hazardRatio: number[];
    lower: number[];
    upper: number[];
    logLik: [number, number];
    concordance: number;
    n: number;
    events: number;
    iterations: number;
  };
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')) as T;

export const survivalReference = read<SurvivalReference>('survival-reference.json');

export interface Published {
  sbg: { source: string; cohorts: Record<'regular' | 'highEnd', { survivors: number[]; alpha: number; beta: number }> };
  bgNbd: { source: string; calibrationEnd: string; unit: 'week'; r: number; alpha: number; a: number; b: number };
  gammaGamma: { source: string; p: number; q: number; gamma: number };
}

export const published = read<Published>('published.json');

/** |actual − published| within half a unit of the last printed decimal: agreement to the published precision. */
export function toPublishedPrecision(actual: number, printed: number, decimals: number): boolean {
  return Math.abs(Math.round(actual * 10 ** decimals) - Math.round(printed * 10 ** decimals)) === 0;
}
