import { describe, expect, it } from 'vitest';
import { type CampaignMoneyInput, campaignMoney } from './money.ts';

const base: CampaignMoneyInput = {
  reduction: { estimate: 0.04, lower: 0.01, upper: 0.07 },
  treated: 9000,
  clv: 1200,
  margin: 0.5,
  costPerContact: 2,
  fixedCost: 5000,
  contacted: 8000,
};

describe('campaignMoney', () => {
  it('maps the reduction and its interval to saved customers, profit, ROI and cost per saved (by hand)', () => {
    // cost = 5,000 + 2 × 8,000 = 21,000; saved = r × 9,000 → 360 (90 to 630);
    // profit = saved × 1,200 × 0.5 − 21,000 → 195,000 (33,000 to 357,000); ROI = profit / 21,000;
    // cost per saved = 21,000 / saved → 58.33 (33.33 to 233.33).
    const m = campaignMoney(base);
    expect(m.cost).toBe(21_000);
    expect(m.saved.estimate).toBeCloseTo(360, 9);
    expect(m.saved.lower).toBeCloseTo(90, 9);
    expect(m.saved.upper).toBeCloseTo(630, 9);
    expect(m.incrementalProfit.estimate).toBeCloseTo(195_000, 6);
    expect(m.incrementalProfit.lower).toBeCloseTo(33_000, 6);
    expect(m.incrementalProfit.upper).toBeCloseTo(357_000, 6);
    expect(m.roi.estimate).toBeCloseTo(195_000 / 21_000, 9);
    expect(m.roi.lower).toBeCloseTo(33_000 / 21_000, 9);
    expect(m.roi.upper).toBeCloseTo(17, 9);
    expect(m.costPerSaved.estimate).toBeCloseTo(21_000 / 360, 9);
    expect(m.costPerSaved.lower).toBeCloseTo(21_000 / 630, 9);
    expect(m.costPerSaved.upper).toBeCloseTo(21_000 / 90, 9);
  });

  it('leaves the cost per saved customer unbounded (null) where the interval admits no one saved', () => {
    const m = campaignMoney({ ...base, reduction: { estimate: 0.01, lower: -0.02, upper: 0.04 } });
    expect(m.saved.lower).toBeCloseTo(-180, 9);
    expect(m.incrementalProfit.lower).toBeCloseTo(-180 * 600 - 21_000, 6);
    expect(m.costPerSaved.estimate).toBeCloseTo(21_000 / 90, 9);
    expect(m.costPerSaved.lower).toBeCloseTo(21_000 / 360, 9);
    expect(m.costPerSaved.upper).toBeNull();
    const harmful = campaignMoney({ ...base, reduction: { estimate: -0.03, lower: -0.05, upper: 0 } });
    expect(harmful.costPerSaved).toEqual({ estimate: null, lower: null, upper: null });
  });

  it('has no ROI for a campaign that cost nothing', () => {
    const m = campaignMoney({ ...base, costPerContact: 0, fixedCost: 0 });
    expect(m.roi).toEqual({ estimate: null, lower: null, upper: null });
    expect(m.costPerSaved.estimate).toBe(0);
  });

  it('refuses negative costs and an interval out of order', () => {
    for (const input of [
      { ...base, costPerContact: -1 },
      { ...base, reduction: { estimate: 0.04, lower: 0.05, upper: 0.07 } },
    ]) {
      expect(() => campaignMoney(input)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});
