/**
 * Typed access to campaign-reference.json, written by make-campaign-reference.py (statsmodels, SciPy, NumPy).
 * Tests read only the JSON, so they need no Python.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Moments } from '../../../src/stats/cuped.ts';
import type { Estimate } from '../../../src/stats/newcombe.ts';

interface Pair {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
}

export interface CampaignReference {
  generatedBy: string;
  normal: { quantile: { p: number; z: number }[]; upperTail: { z: number; p: number }[] };
  newcombe: (Pair & Estimate & { level: number })[];
  zTest: (Pair & { z: number; p: number })[];
  sampleSize: {
    baseline: number;
    effect: number;
    alpha: number;
    power: number;
    controlShare: number;
    treatmentExact: number;
  }[];
  detectableEffect: {
    baseline: number;
    treatment: number;
    control: number;
    alpha: number;
    power: number;
    effect: number;
  }[];
  srm: { observed: number[]; shares: number[]; chi2: number; p: number; mismatch: boolean }[];
  cuped: {
    name: string;
    level: number;
    treatment: Moments;
    control: Moments;
    unadjusted: Estimate;
    adjusted: Estimate;
    theta: number;
    varianceReduction: number;
  }[];
}

export const campaignReference: CampaignReference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'campaign-reference.json'), 'utf8'),
);
