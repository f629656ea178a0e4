import { describe, expect, it } from 'vitest';
import { suggestExit } from './rules.ts';

const competitors = ['Nimbus Mobile', '云帆移动'];
const pick = (text: string) => {
  const s = suggestExit([text], competitors);
  return [s.kind, s.category, s.competitor];
};

describe('exit reasons to the churn taxonomy (hand-labelled, en and zh)', () => {
  it.each([
    ['Moving abroad', 'voluntary', 'natural'],
    ['移居国外', 'voluntary', 'natural'],
    ['No longer needs the service', 'voluntary', 'natural'],
    ['预算削减', 'voluntary', 'natural'],
    ['Cheaper offer elsewhere', 'voluntary', 'competitive'],
    ['其他运营商的套餐优惠', 'voluntary', 'competitive'],
    ['Repeated network outages', 'voluntary', 'fault'],
    ['投诉一直未解决', 'voluntary', 'fault'],
    ['Billing errors', 'voluntary', 'fault'],
    ['Card expired', 'involuntary', 'non_malicious'],
    ['扣款失败', 'involuntary', 'non_malicious'],
    ['Chargeback after billing dispute', 'involuntary', 'retaliatory'],
    ['账单争议后拒付', 'involuntary', 'retaliatory'],
    ['Fraudulent account', 'involuntary', 'malicious'],
    ['多次催缴后仍未付款', 'involuntary', 'malicious'],
  ])('%s → %s / %s', (text, kind, category) => {
    expect(pick(text)).toEqual([kind, category, null]);
  });

  it('a named competitor makes it competitive and is returned as written in the list', () => {
    expect(pick('Went to nimbus mobile, the network kept failing')).toEqual([
      'voluntary',
      'competitive',
      'Nimbus Mobile',
    ]);
    expect(pick('换成了云帆移动')).toEqual(['voluntary', 'competitive', '云帆移动']);
  });

  it('English keywords start at a word boundary; nothing matched suggests nothing', () => {
    expect(pick('We debug our own systems')).toEqual([null, null, null]);
    expect(suggestExit(['', '  '], competitors)).toMatchObject({ kind: null, reason: null, matched: [] });
    expect(suggestExit(['No reason given', 'network outage'], [])).toMatchObject({
      category: 'fault',
      reason: 'No reason given',
      matched: ['outage', 'network'],
    });
  });
});
