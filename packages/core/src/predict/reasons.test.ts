import { describe, expect, it } from 'vitest';
import { sql } from '../sql/sql.ts';
import { defaultConfig } from '../workspace/config.ts';
import { featureGroups } from './features/snapshot.ts';
import { reasonIn } from './queue.ts';
import { reasonText, topReasons } from './reasons.ts';

const num = (name: string) => ({ name, kind: 'numeric' as const });

describe('reason codes in English and Chinese', () => {
  it('word every feature, known or missing, without its field name (last_csat未知 was shown on the zh page)', () => {
    const features = featureGroups.flatMap((g) => g(sql`snaps`, defaultConfig()).features);
    expect(features.length).toBeGreaterThan(20);
    for (const f of features)
      for (const value of f.kind === 'numeric' ? [null, 1] : [null, 'x']) {
        const t = reasonText(f, value);
        expect(t['zh-CN'], `${f.name} = ${value}`).not.toContain(f.name);
      }
  });

  it.each([
    ['open_tickets', 3, '3 unresolved complaints', '3 个未解决的投诉'],
    ['open_tickets', 1, '1 unresolved complaint', '1 个未解决的投诉'],
    ['usage_trend', -0.6, 'usage down 60 % in 30 days', '近 30 天用量下降 60%'],
    ['usage_trend', 0.25, 'usage up 25 % in 30 days', '近 30 天用量上升 25%'],
    ['mrr_change_90d', 0.001, 'price unchanged in 90 days', '90 天内价格未变'],
    ['mrr_change_90d', 0.1, 'price up 10 % in 90 days', '90 天内价格上升 10%'],
    ['last_nps', 4, 'NPS 4 (detractor)', 'NPS 4（贬损者）'],
    ['payment_failures_90d', 2, '2 failed payments in 90 days', '90 天内扣款失败 2 次'],
    ['tenure_days', 95, 'customer for 3 months', '客户已 3 个月'],
  ])('%s = %d reads “%s” / “%s”', (name, value, en, zh) => {
    expect(reasonText(num(name), value)).toEqual({ en, 'zh-CN': zh });
  });

  it('missing values, segments and imported attributes have words too', () => {
    expect(reasonText(num('last_nps'), Number.NaN)).toEqual({ en: 'never answered NPS', 'zh-CN': '从未参与 NPS 评分' });
    expect(reasonText(num('monthly_charges'), 70.35).en).toBe('monthly charges: 70.3');
  });

  it('categorical values read in words where core has them, in either stored spelling; others as stored, quoted', () => {
    const cat = (name: string) => ({ name, kind: 'categorical' as const });
    for (const stored of ['month_to_month', '按月'])
      expect(reasonText(cat('contract'), stored)).toEqual({ en: 'contract: month to month', 'zh-CN': '合同：按月' });
    expect(reasonText(cat('region'), 'north')['zh-CN']).toBe('地区：华北');
    expect(reasonText(cat('plan'), 'premium')).toEqual({ en: 'on the premium plan', 'zh-CN': '尊享版套餐' });
    expect(reasonText(cat('billing_period'), 'month')).toEqual({ en: 'billed every month', 'zh-CN': '按月计费' });
    expect(reasonText(cat('open_ticket_category'), 'network')['zh-CN']).toBe('未解决的网络类投诉');
    expect(reasonText(cat('contract'), 'Gold 2y')).toEqual({ en: 'contract: "Gold 2y"', 'zh-CN': '合同：“Gold 2y”' });
    expect(reasonText(cat('loyalty_tier'), 'gold')['zh-CN']).toBe('loyalty_tier：“gold”');
  });

  it('a stored reason is worded afresh when read, so an earlier scoring’s raw value reads in words', () => {
    const stored = { feature: 'contract', value: 'month_to_month', contribution: 0.5 };
    const old = { ...stored, text: { en: 'contract: month_to_month', 'zh-CN': '合同：month_to_month' } };
    expect(reasonIn(old, 'zh-CN')).toEqual({ ...stored, text: '合同：按月' });
    expect(reasonIn({ ...stored, feature: 'usage_trend', value: -0.6, text: old.text }, 'zh-CN').text).toBe(
      '近 30 天用量下降 60%',
    );
  });

  it('the reasons are the features raising the risk most, largest first, with their contributions', () => {
    const features = [num('open_tickets'), num('usage_trend'), num('last_nps'), num('tenure_days')];
    const r = topReasons(features, [2, -0.5, 9, 400], [0.4, 1.2, -0.3, 0.1], 3);
    expect(r.map((x) => [x.feature, x.contribution])).toEqual([
      ['usage_trend', 1.2],
      ['open_tickets', 0.4],
      ['tenure_days', 0.1],
    ]);
    expect(r[0]?.text.en).toBe('usage down 50 % in 30 days');
  });
});
