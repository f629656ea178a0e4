import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { minimumDetectableEffect, sampleSizeTwoProportions } from './power.ts';

describe('sampleSizeTwoProportions', () => {
  it.each(campaignReference.sampleSize)(
    'matches statsmodels for baseline $baseline, effect $effect, α $alpha, power $power, holdout $controlShare',
    ({ treatmentExact, ...design }) => {
      const size = sampleSizeTwoProportions(design);
      expectClose(size.treatmentExact, treatmentExact, 1e-12, 'treatment (unrounded)');
      expect(size.treatment).toBe(Math.ceil(treatmentExact));
      const k = design.controlShare / (1 - design.controlShare);
      expect(size.control).toBe(Math.ceil(treatmentExact * k - 1e-9));
      expect(size.total).toBe(size.treatment + size.control);
    },
  );

  it('refuses a baseline outside (0, 1), an effect not below the baseline, a holdout of 0 or 1, a bad power', () => {
    const bad: [Parameters<typeof sampleSizeTwoProportions>[0], string][] = [
      [{ baseline: 0, effect: 0.01 }, 'TEN_POWER_BAD_BASELINE'],
      [{ baseline: 1, effect: 0.01 }, 'TEN_POWER_BAD_BASELINE'],
      [{ baseline: 0.2, effect: 0.2 }, 'TEN_POWER_BAD_EFFECT'],
      [{ baseline: 0.2, effect: 0 }, 'TEN_POWER_BAD_EFFECT'],
      [{ baseline: 0.2, effect: 0.05, controlShare: 0 }, 'TEN_EXPERIMENT_BAD_HOLDOUT'],
      [{ baseline: 0.2, effect: 0.05, controlShare: 1 }, 'TEN_EXPERIMENT_BAD_HOLDOUT'],
      [{ baseline: 0.2, effect: 0.05, power: 1 }, 'TEN_EXPERIMENT_BAD_LEVEL'],
      [{ baseline: 0.2, effect: 0.05, alpha: 0 }, 'TEN_EXPERIMENT_BAD_LEVEL'],
    ];
    for (const [input, code] of bad) {
      expect(() => sampleSizeTwoProportions(input), JSON.stringify(input)).toThrowError(
        expect.objectContaining({ code }),
      );
    }
  });
});

describe('minimumDetectableEffect', () => {
  it.each(campaignReference.detectableEffect)(
    'matches statsmodels for baseline $baseline with $treatment treated and $control held out',
    ({ effect, ...arms }) => {
      expectClose(minimumDetectableEffect(arms), effect, 1e-9, 'effect');
    },
  );

  it('inverts the sample size: the arms sized for an effect detect exactly that effect', () => {
    const size = sampleSizeTwoProportions({ baseline: 0.15, effect: 0.03, controlShare: 0.2 });
    const exact = { treatment: size.treatmentExact, control: (size.treatmentExact * 0.2) / 0.8 };
    expectClose(minimumDetectableEffect({ baseline: 0.15, ...exact }), 0.03, 1e-9, 'effect');
  });

  it('says when no reduction is detectable, and refuses empty arms', () => {
    expect(() => minimumDetectableEffect({ baseline: 0.02, treatment: 5, control: 5 })).toThrowError(
      expect.objectContaining({ code: 'TEN_POWER_UNDETECTABLE' }),
    );
    expect(() => minimumDetectableEffect({ baseline: 0.2, treatment: 100, control: 0 })).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_EMPTY_ARM' }),
    );
  });
});
