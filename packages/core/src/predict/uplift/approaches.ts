/**
 * The two ways of estimating uplift, churn prevented by contact u(x) = P(churn | x, control) − P(churn | x,
 * treated), both with the churn model's boosted trees (gbdt/):
 *
 * - two_model: one classifier per arm, u = σ(m_control) − σ(m_treatment) (the "two-model" or T-learner
 *   approach; Hansotia & Rukstales 2002, Radcliffe 2007 §3).
 * - transformed_outcome: one regression on Z = Y · (p − T) / (p (1 − p)), with Y = churned, T = treated and
 *   p the treated share, whose expectation given x is exactly u(x) when assignment is random (Jaśkowski &
 *   Jaroszewicz 2012; Athey & Imbens 2015, eq. 2.3, with the sign turned so that churn prevented is positive),
 *   regressed by least squares (boost.ts, `squared`).
 *
 * Each fit stops early on one customer in five of its training rows (the churn model's validation rule).
 */

import { type Frame, type LabelledFrame, subset } from '../frame.ts';
import type { GbdtParams } from '../gbdt/boost.ts';
import { fitGbdt } from '../gbdt/boost.ts';
import { gbdtMargin } from '../gbdt/predict.ts';
import { isValidation } from '../split.ts';
import type { UpliftModel } from './types.ts';

/** Shallow trees, and leaves of enough members: an effect is a difference of two noisy rates. */
const TWO_MODEL: Partial<GbdtParams> = { maxDepth: 3, minChildWeight: 5, earlyStoppingRounds: 30 };
/** Z is large and noisy (±1/p per member): leaves hold at least 100 members and steps are small. */
const TRANSFORMED: Partial<GbdtParams> = {
  maxDepth: 3,
  minChildWeight: 100,
  learningRate: 0.02,
  earlyStoppingRounds: 30,
};

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));

/** Rows of `frame` where `keep` holds, with `label` as their label. */
function rowsWhere(frame: LabelledFrame, label: Float64Array, keep: (row: number) => boolean) {
  const index = [...label.keys()].filter(keep);
  return {
    frame: subset(frame, index),
    label: Float64Array.from(index, (i) => label[i]!),
    ids: index.map((i) => frame.ids[i]!),
  };
}

/** Fit on `rows` where the row is not a validation customer, stopping early on those that are. */
function fitWithValidation(
  frame: LabelledFrame,
  label: Float64Array,
  keep: (row: number) => boolean,
  params: Partial<GbdtParams>,
) {
  const train = rowsWhere(frame, label, (r) => keep(r) && !isValidation(frame.ids[r]!));
  const valid = rowsWhere(frame, label, (r) => keep(r) && isValidation(frame.ids[r]!));
  return fitGbdt(train, valid.frame.rows ? valid : null, params);
}

/**
 * Both arms' churn classifiers.
 *
 * @example
 * const { treatment, control } = await fitTwoModel(frame, treated, {});
 */
export async function fitTwoModel(frame: LabelledFrame, treated: Uint8Array, gbdt: Partial<GbdtParams>) {
  const params = { ...TWO_MODEL, ...gbdt };
  const treatment = await fitWithValidation(frame, frame.label, (r) => treated[r] === 1, params);
  const control = await fitWithValidation(frame, frame.label, (r) => treated[r] === 0, params);
  return { treatment, control };
}

/**
 * The regression of the transformed outcome, with p the treated share of `frame`'s rows.
 *
 * @example
 * const regression = await fitTransformedOutcome(frame, treated, {});
 */
export async function fitTransformedOutcome(frame: LabelledFrame, treated: Uint8Array, gbdt: Partial<GbdtParams>) {
  const p = treated.reduce((a, t) => a + t, 0) / treated.length;
  const z = Float64Array.from(frame.label, (y, r) => (y * (p - treated[r]!)) / (p * (1 - p)));
  return fitWithValidation(frame, z, () => true, { ...TRANSFORMED, ...gbdt, objective: 'squared' });
}

/**
 * Churn risk alone, arms pooled: the ordering uplift targeting is compared with when no churn model can be used.
 *
 * @example
 * gbdtMargin(await fitChurnRisk(frame, {}), frame);
 */
export const fitChurnRisk = (frame: LabelledFrame, gbdt: Partial<GbdtParams>) =>
  fitWithValidation(frame, frame.label, () => true, { ...TWO_MODEL, ...gbdt });

/**
 * Predicted churn prevented by contact, per row of a frame.
 *
 * @example
 * const u = predictUplift(model, frame); // Float64Array; negative: contact makes churn likelier
 */
export function predictUplift(model: UpliftModel, frame: Frame): Float64Array {
  if (model.approach === 'transformed_outcome') return gbdtMargin(model.regression, frame);
  const t = gbdtMargin(model.treatment, frame);
  const c = gbdtMargin(model.control, frame);
  return Float64Array.from(t, (mt, i) => sigmoid(c[i]!) - sigmoid(mt));
}
