/** The shapes uplift targeting passes around and stores (the stored model is plain, JSON-able data). */

import type { LabelledFrame } from '../frame.ts';
import type { GbdtModel } from '../gbdt/boost.ts';
import type { Qini } from './qini.ts';

/** A type alias (not an interface) so it fits the connection's Row shape. */
export type Campaign = {
  campaignId: string;
  /** The start day, YYYY-MM-DD: features are computed as of it. */
  startedAt: string;
  /** The campaign's recorded cost, when there is one. */
  cost: number | null;
  treated: number;
  controls: number;
};

/** A campaign's members with features as of its start, labelled with churn within the window. */
export interface Members {
  campaign: Campaign;
  windowDays: number;
  asOf: string;
  frame: LabelledFrame;
  /** 1 = treatment arm, 0 = control, per row of the frame. */
  treated: Uint8Array;
  /** Members without features at the start (not active then): left out. */
  absent: number;
}

export type UpliftApproach = 'two_model' | 'transformed_outcome';
export type UpliftRanking = UpliftApproach | 'churn_risk' | 'random';

/**
 * A fitted uplift model: two churn classifiers (treatment, control) or one regression of the transformed
 * outcome. Either predicts the churn prevented by contact, P_c(churn | x) − P_t(churn | x).
 */
export type UpliftModel = {
  format: 'tenure.uplift-model';
  version: 1;
  campaignId: string;
  windowDays: number;
  /** Cost per contact from the campaign (its cost ÷ treated members), when it recorded a cost. */
  costPerContact: number | null;
} & (
  | { approach: 'two_model'; treatment: GbdtModel; control: GbdtModel }
  | { approach: 'transformed_outcome'; regression: GbdtModel }
);

export interface QiniOf extends Qini {
  ranking: UpliftRanking;
}

export interface SegmentUplift {
  dimension: string;
  value: string;
  members: number;
  predictedUplift: number;
  observedUplift: number | null;
}

/** The report of an uplift fit: what GET /uplift/model answers (without the run's id and time). */
export interface UpliftReport {
  campaignId: string;
  asOf: string;
  windowDays: number;
  chosen: UpliftApproach;
  riskSource: 'churn_model' | 'pooled';
  treatmentShare: number;
  rows: { trainTreatment: number; trainControl: number; holdoutTreatment: number; holdoutControl: number };
  observed: { treatmentChurn: number; controlChurn: number };
  qini: QiniOf[];
  segments: SegmentUplift[];
  seconds: number;
}

/** What an uplift fit stores as its run's result. */
export interface UpliftFitResult {
  report: UpliftReport;
  model: UpliftModel;
}
