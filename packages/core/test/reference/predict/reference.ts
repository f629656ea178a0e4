/**
 * Typed access to reference.json, written by make-reference.py (scikit-learn). Tests read only the JSON, so
 * they need no Python.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MetricsCase {
  name: string;
  p: number[];
  y: number[];
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  calibration: { observedRate: number[]; meanPredicted: number[] };
}

export interface Reference {
  generatedBy: string;
  metrics: MetricsCase[];
  platt: { margin: number[]; y: number[]; a: number; b: number };
  /** X is column-major: X[j] is feature j. */
  logistic: { X: number[][]; y: number[]; lambda: number; intercept: number; coef: number[] };
}

export const reference: Reference = JSON.parse(readFileSync(join(import.meta.dirname, 'reference.json'), 'utf8'));
