import { describe, expect, it } from 'vitest';
import { DASH, formats } from './format.ts';
import { UNITS } from './units.ts';

describe('formats, the one number formatting of report, CLI and dashboard', () => {
  const en = formats('en', 'USD');
  const zh = formats('zh-CN', 'CNY');

  it('rates are percents and their changes percentage points, with one decimal', () => {
    expect(en.value('ratio', 0.02679)).toBe('2.7%');
    expect(zh.value('ratio', 0.02679)).toBe('2.7%');
    expect(en.change('ratio', -0.0052)).toBe('-0.5 pp');
    expect(zh.change('ratio', 0.0052)).toBe('+0.5 个百分点');
    expect(en.change('ratio', 0)).toBe('0.0 pp');
    expect(en.interval('ratio', 0.01, 0.02)).toBe('1.0% – 2.0%');
  });

  it('money in whole units from 100 up, with cents below, in the workspace currency', () => {
    expect(en.value('money', 137400.5)).toBe('$137,401');
    expect(en.value('money', 42.5)).toBe('$42.50');
    expect(zh.value('money', 1234)).toBe('¥1,234');
    expect(en.change('money', -250)).toBe('-$250');
    expect(formats('en').value('money', 1234.5)).toBe('1,235');
    // A currency Intl does not know is no crash: the amount is printed plain.
    expect(formats('en', 'NOT-A-CURRENCY').value('money', 12)).toBe('12.00');
  });

  it('the other units read with their unit, up to one decimal', () => {
    expect(en.value('count', 12345.67)).toBe('12,345.7');
    expect(en.value('score', -12.34)).toBe('-12.3');
    expect(en.value('multiple', 3.21)).toBe('3.2×');
    expect(en.value('per_1000', 4.56)).toBe('4.6 ‰');
    expect(en.value('hours', 5.25)).toBe('5.3 h');
    expect(zh.value('hours', 5.25)).toBe('5.3 小时');
    expect(zh.value('months', 14)).toBe('14 个月');
    expect(en.change('score', 3)).toBe('+3');
    expect(en.change('months', -1.25)).toBe('-1.3 mo');
  });

  it('a missing or non-finite value is the one dash, in every unit and formatter', () => {
    for (const unit of UNITS) {
      for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(en.value(unit, v)).toBe(DASH);
        expect(zh.change(unit, v)).toBe(DASH);
      }
      expect(en.interval(unit, 1, null)).toBe(DASH);
    }
    expect([en.number(null), en.percent(null), en.signed(null), en.signedPercent(null), en.p(null)]).toEqual(
      Array(5).fill(DASH),
    );
  });

  it('p-values to four decimals, and below 0.0001 only that bound', () => {
    expect(en.p(0.01234)).toBe('p = 0.0123');
    expect(en.p(3e-12)).toBe('p < 0.0001');
    expect(en.signed(-0.44)).toBe('-0.4');
    expect(en.signedPercent(0.031)).toBe('+3.1%');
  });
});
