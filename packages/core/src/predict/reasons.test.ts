import { describe, expect, it } from 'vitest';
import { reasonText, topReasons } from './reasons.ts';

const num = (name: string) => ({ name, kind: 'numeric' as const });

describe('reason codes in English and Chinese', () => {
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
    expect(reasonText({ name: 'contract', kind: 'categorical' }, 'month_to_month')).toEqual({
      en: 'contract: month_to_month',
      'zh-CN': '合同：month_to_month',
    });
    expect(reasonText(num('monthly_charges'), 70.35).en).toBe('monthly charges: 70.3');
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
