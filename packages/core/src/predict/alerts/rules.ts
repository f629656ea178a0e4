/**
 * Early-warning rules: one entry each (STYLE.md practice 2), switched and tuned in the workspace config
 * (`prediction.alerts`). A rule looks at one scored customer (their features at the snapshot, tier now and
 * at the previous scoring) and returns the alert's words in both languages, or null.
 */
import type { PredictionConfig } from '../config.ts';
import type { Text } from '../reasons.ts';

export const tiers = ['low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof tiers)[number];

export interface Scored {
  customerId: string;
  tier: Tier;
  /** The tier at the previous scoring, null when the customer was not scored then. */
  previousTier: Tier | null;
  probability: number;
  /** A feature's value at the snapshot (NaN when missing or not a feature of the model's rows). */
  feature(name: string): number;
}

type Settings = PredictionConfig['alerts'];

interface Rule {
  severity: 'high' | 'medium';
  check(s: Scored, c: Settings): Text | null;
}

const pct = (v: number) => Math.round(Math.abs(v) * 100);
const zhTier: Record<Tier, string> = { low: '低', medium: '中', high: '高', critical: '极高' };

export const alertRules = {
  tier_rise: {
    severity: 'high',
    check: (s, c) =>
      c.tier_rise && s.previousTier && tiers.indexOf(s.tier) > tiers.indexOf(s.previousTier)
        ? {
            en: `Churn risk rose from ${s.previousTier} to ${s.tier} (${pct(s.probability)} %)`,
            'zh-CN': `流失风险由${zhTier[s.previousTier]}升至${zhTier[s.tier]}（${pct(s.probability)}%）`,
          }
        : null,
  },
  usage_drop: {
    severity: 'medium',
    check: (s, c) => {
      const t = s.feature('usage_trend');
      return c.usage_drop !== null && t <= -c.usage_drop
        ? { en: `Usage down ${pct(t)} % in 30 days`, 'zh-CN': `近 30 天用量下降 ${pct(t)}%` }
        : null;
    },
  },
  complaint_past_sla: {
    severity: 'high',
    check: (s, c) => {
      const n = s.feature('open_past_sla');
      return c.complaint_past_sla && n >= 1
        ? { en: `${n} complaint${n === 1 ? '' : 's'} unanswered past SLA`, 'zh-CN': `${n} 个投诉超过 SLA 未响应` }
        : null;
    },
  },
  nps_detractor: {
    severity: 'medium',
    check: (s, c) => {
      const score = s.feature('last_nps');
      return c.nps_detractor !== null && score <= c.nps_detractor && s.feature('days_since_nps') <= 30
        ? { en: `NPS detractor: scored ${score}`, 'zh-CN': `NPS 贬损者：评分 ${score}` }
        : null;
    },
  },
  failed_payment: {
    severity: 'high',
    check: (s, c) => {
      const n = s.feature('payment_failures_90d');
      return c.failed_payment && n >= 1
        ? { en: `${n} failed payment${n === 1 ? '' : 's'} in 90 days`, 'zh-CN': `90 天内扣款失败 ${n} 次` }
        : null;
    },
  },
} satisfies Record<string, Rule>;

export type AlertRule = keyof typeof alertRules;
export const alertRuleNames = Object.keys(alertRules) as AlertRule[];

/** The tier of a probability under the configured thresholds. */
export function tierOf(p: number, t: PredictionConfig['tiers']): Tier {
  return p >= t.critical ? 'critical' : p >= t.high ? 'high' : p >= t.medium ? 'medium' : 'low';
}
