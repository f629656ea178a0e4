import { describe, expect, it } from 'vitest';
import { kpiChange } from './kpi-change.ts';

const churn = (change: number | null) => ({ metric: 'churn_rate', unit: 'ratio' as const, change, previous: 0.03 });

describe('KPI card change and tone', () => {
  it('a change that prints as zero is neutral, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(kpiChange(churn(-0.0004), lang)).toEqual({ figure: '0.0', points: true, tone: 'secondary' });
      expect(kpiChange(churn(0.00049), lang)?.tone).toBe('secondary');
      expect(kpiChange({ metric: 'active_customers', unit: 'count', change: 0.04, previous: 10 }, lang)?.tone).toBe(
        'secondary',
      );
      expect(kpiChange({ metric: 'mrr', unit: 'money', change: 0.4, previous: 10_000 }, lang)?.tone).toBe('secondary');
    }
  });

  it('a visible change is coloured by whether it is good news', () => {
    expect(kpiChange(churn(-0.0005), 'en')).toEqual({ figure: '-0.1', points: true, tone: 'success' });
    expect(kpiChange(churn(0.002), 'en')?.tone).toBe('danger');
    expect(kpiChange({ metric: 'mrr', unit: 'money', change: 500, previous: 10_000 }, 'en')).toEqual({
      figure: '+5.0%',
      points: false,
      tone: 'success',
    });
    expect(kpiChange({ metric: 'active_customers', unit: 'count', change: -3, previous: 10 }, 'en')?.tone).toBe(
      'danger',
    );
  });

  it('no previous period: no change to show', () => {
    expect(kpiChange(churn(null), 'en')).toBeNull();
    expect(kpiChange({ metric: 'mrr', unit: 'money', change: 5, previous: 0 }, 'en')).toBeNull();
  });
});
