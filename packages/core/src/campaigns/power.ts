/**
 * The power calculation before launch: with a minimum effect (an absolute reduction of churn within the
 * window), the members each arm needs; with a planned size, the smallest reduction it would detect. The
 * statistics are stats/power.ts; this reads the request and says which was solved for.
 */
import { type PowerResult, powerBody } from '../api/campaigns.ts';
import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { minimumDetectableEffect, sampleSizeTwoProportions } from '../stats/power.ts';

/**
 * @example campaignPower({ baseline: 0.2, effect: 0.05 }).total // members needed at a 50 % holdout
 * @example campaignPower({ baseline: 0.2, size: 2000, holdout_share: 0.2 }).effect // the minimum detectable effect
 */
export function campaignPower(input: unknown): PowerResult {
  const b = parseOptions(powerBody, input);
  const common = { baseline: b.baseline, alpha: b.alpha, power: b.power, holdout_share: b.holdout_share };
  if (b.effect !== undefined) {
    const s = sampleSizeTwoProportions({ ...common, effect: b.effect, controlShare: b.holdout_share });
    return {
      ...common,
      effect: b.effect,
      treatment: s.treatment,
      control: s.control,
      total: s.total,
      solved_for: 'sample_size',
    };
  }
  if (b.size === undefined) throw tenureError('TEN_CAMPAIGN_POWER_INPUT', {});
  const control = Math.round(b.size * b.holdout_share);
  const treatment = b.size - control;
  const effect = minimumDetectableEffect({ ...common, treatment, control });
  return { ...common, effect, treatment, control, total: b.size, solved_for: 'mde' };
}
