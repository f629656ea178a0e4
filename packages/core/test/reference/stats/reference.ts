/**
 * Typed access to reference.json, written by make-reference.py (SciPy / statsmodels), and the comparison the stats
 * tests use. Tests read only the JSON, so they need no Python.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { EtsParams } from '../../../src/stats/forecast.ts';

export interface EtsReference {
  params: EtsParams;
  sse: number;
  point: number[];
  low: number[];
  high: number[];
}

export interface Reference {
  generatedBy: string;
  wilson: { x: number; n: number; z: number; low: number; high: number }[];
  chiSquare: {
    name: string;
    table: [number, number][];
    statistic: number;
    df: number;
    pValue: number;
    segments: ({ statistic: number; pValue: number } | null)[];
  }[];
  benjaminiHochberg: { p: number[]; adjusted: number[]; significant: boolean[] }[];
  gammaQ: { a: number; x: number; q: number }[];
  forecast: {
    name: string;
    seasonLength: number;
    horizon: number;
    series: number[];
    /** statsmodels ETSModel, least SSE of three starts. */
    ets: EtsReference;
    /** statsmodels ExponentialSmoothing, converted to ETS form, intervals from ETSModel at its parameters. */
    holtWinters: EtsReference;
  }[];
}

export const reference: Reference = JSON.parse(readFileSync(join(import.meta.dirname, 'reference.json'), 'utf8'));

/** Asserts |actual − expected| ≤ rel · |expected| (exact match required when expected is 0). */
export function expectClose(actual: number | null | undefined, expected: number, rel: number, label = ''): void {
  expect(actual, label).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    rel * Math.abs(expected),
  );
}
