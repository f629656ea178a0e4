/**
 * Early-warning rules: one entry each (STYLE.md practice 2), switched and tuned in the workspace config
 * (`prediction.alerts`). A rule looks at one scored customer (their features at the snapshot, tier now and
 * at the previous scoring) and returns the alert's words in both languages, or null. A behavioural signal
 * (`minTier`) speaks only for customers the model already puts at some risk: a usage dip of a customer it
 * sees as safe is noise in an inbox (raise.ts turns the rules that fire into one alert per customer).
 */

import type { Text } from '../../present/text.ts';
import type { PredictionConfig } from '../config.ts';

export const tiers = ['low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof tiers)[number];

export interface Scored {
  customerId: string;
  tier: Tier;
  /** The tier at the previous scoring, null when the customer was not scored then. */
  previousTier: Tier | null;
  probability: number;
  /** P(churn) × CLV, null when the CLV is unknown. */
  expectedLoss: number | null;
  /** A feature's value at the snapshot (NaN when missing or not a feature of the model's rows). */
  feature(name: string): number;
}

type Settings = PredictionConfig['alerts'];

interface Rule {
  /** Lowest tier the rule speaks for (default: every tier). */
  minTier?: Tier;
  check(s: Scored, c: Settings): Text | null;
}

const pct = (v: number) => Math.round(Math.abs(v) * 100);
const zhTier: Record<Tier, string> = { low: '低', medium: '中', high: '高', critical: '极高' };

export const alertRules = {
  critical_risk: {
    check: (s, c) =>
      c.critical_risk && s.tier === 'critical' && s.previousTier !== 'critical'
        ? { en: `Churn risk critical (${pct(s.probability)} %)`, 'zh-CN': `流失风险极高（${pct(s.probability)}%）` }
        : null,
  },
  tier_rise: {
    check: (s, c) =>
      c.tier_rise && s.previousTier && tiers.indexOf(s.tier) > tiers.indexOf(s.previousTier)
        ? {
            en: `Churn risk rose from ${s.previousTier} to ${s.tier} (${pct(s.probability)} %)`,
            'zh-CN': `流失风险由${zhTier[s.previousTier]}升至${zhTier[s.tier]}（${pct(s.probability)}%）`,
          }
        : null,
  },
  usage_drop: {
    minTier: 'medium',
    check: (s, c) => {
      const t = s.feature('usage_trend');
      // t is NaN without usage in the 90 days before (no baseline, so no drop); −100 % is no usage since.
      if (c.usage_drop === null || !(t <= -c.usage_drop)) return null;
      return t <= -1
        ? { en: 'No usage in 30 days after regular use', 'zh-CN': '此前正常使用，近 30 天无用量' }
        : { en: `Usage down ${pct(t)} % in 30 days`, 'zh-CN': `近 30 天用量下降 ${pct(t)}%` };
    },
  },
  complaint_past_sla: {
    check: (s, c) => {
      const n = s.feature('open_past_sla');
      return c.complaint_past_sla && n >= 1
        ? { en: `${n} complaint${n === 1 ? '' : 's'} unanswered past SLA`, 'zh-CN': `${n} 个投诉超过 SLA 未响应` }
        : null;
    },
  },
  nps_detractor: {
    minTier: 'medium',
    check: (s, c) => {
      const score = s.feature('last_nps');
      return c.nps_detractor !== null && score <= c.nps_detractor && s.feature('days_since_nps') <= 30
        ? { en: `NPS detractor: scored ${score}`, 'zh-CN': `NPS 贬损者：评分 ${score}` }
        : null;
    },
  },
  failed_payment: {
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

/** Whether a rule speaks for a customer of this tier. */
export const speaksFor = (rule: AlertRule, tier: Tier): boolean => {
  const min = (alertRules[rule] as Rule).minTier;
  return !min || tiers.indexOf(tier) >= tiers.indexOf(min);
};

/** The tier of a probability under the configured thresholds. */
export function tierOf(p: number, t: PredictionConfig['tiers']): Tier {
  return p >= t.critical ? 'critical' : p >= t.high ? 'high' : p >= t.medium ? 'medium' : 'low';
}
