/**
 * Reason codes: a feature's value and its SHAP contribution put in plain words, in English and Chinese
 * ("3 unresolved complaints", "近 30 天用量下降 60%"). Each point-in-time feature has a phrase; any other
 * feature (segments, imported attributes) reads as "name: value". The reasons of a customer are the features
 * that push their churn risk up the most, largest first, each with its contribution on the log-odds scale.
 */
import type { Text } from '../present/text.ts';
import type { FeatureSpec } from './frame.ts';
import { valueWords } from './value-words.ts';

export interface Reason {
  feature: string;
  /** The customer's value (null when missing). */
  value: number | string | null;
  /** SHAP value on the margin (log-odds): how much this feature moves the risk, + towards churn. */
  contribution: number;
  text: Text;
}

type Phrase = (v: number) => Text;

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v >= 100 ? 0 : 1));
const pct = (v: number) => `${Math.round(Math.abs(v) * 100)} %`;
const pctZh = (v: number) => `${Math.round(Math.abs(v) * 100)}%`;
const plural = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
const change =
  (what: string, whatZh: string, window: string, windowZh: string): Phrase =>
  (v) =>
    Math.round(v * 100) === 0
      ? { en: `${what} unchanged in ${window}`, 'zh-CN': `${windowZh}${whatZh}未变` }
      : v < 0
        ? { en: `${what} down ${pct(v)} in ${window}`, 'zh-CN': `${windowZh}${whatZh}下降 ${pctZh(v)}` }
        : { en: `${what} up ${pct(v)} in ${window}`, 'zh-CN': `${windowZh}${whatZh}上升 ${pctZh(v)}` };

const phrases: Record<string, Phrase> = {
  tenure_days: (v) => ({
    en: `customer for ${n(Math.floor(v / 30.44))} months`,
    'zh-CN': `客户已 ${n(Math.floor(v / 30.44))} 个月`,
  }),
  mrr: (v) => ({ en: `pays ${n(v)} a month`, 'zh-CN': `月费 ${n(v)}` }),
  mrr_change_90d: change('price', '价格', '90 days', '90 天内'),
  plan_changes_365d: (v) => ({
    en: `${plural(v, 'plan change', 'plan changes')} in a year`,
    'zh-CN': `一年内变更套餐 ${n(v)} 次`,
  }),
  days_since_price_change: (v) => ({ en: `price changed ${n(v)} days ago`, 'zh-CN': `${n(v)} 天前价格变动` }),
  cancel_requested: (v) =>
    v ? { en: 'asked to cancel', 'zh-CN': '已申请取消' } : { en: 'has not asked to cancel', 'zh-CN': '未申请取消' },
  days_since_last_order: (v) => ({ en: `last order ${n(v)} days ago`, 'zh-CN': `${n(v)} 天未下单` }),
  orders_365d: (v) => ({ en: `${plural(v, 'order', 'orders')} in a year`, 'zh-CN': `近一年 ${n(v)} 笔订单` }),
  spend_365d: (v) => ({ en: `spent ${n(v)} in a year`, 'zh-CN': `近一年消费 ${n(v)}` }),
  campaigns_180d: (v) => ({
    en: `${plural(v, 'retention offer', 'retention offers')} in 180 days`,
    'zh-CN': `180 天内收到挽留优惠 ${n(v)} 次`,
  }),
  in_campaign: (v) =>
    v
      ? { en: 'in a running retention campaign', 'zh-CN': '正在参加挽留活动' }
      : { en: 'in no retention campaign', 'zh-CN': '未参加挽留活动' },
  past_churns: (v) => ({ en: `left ${plural(v, 'time', 'times')} before`, 'zh-CN': `曾流失 ${n(v)} 次` }),
  usage_30d: (v) => ({ en: `usage ${n(v)} in 30 days`, 'zh-CN': `近 30 天用量 ${n(v)}` }),
  usage_trend: change('usage', '用量', '30 days', '近 30 天'),
  logins_30d: (v) => ({ en: `${plural(v, 'login', 'logins')} in 30 days`, 'zh-CN': `近 30 天登录 ${n(v)} 次` }),
  login_trend: change('logins', '登录', '30 days', '近 30 天'),
  days_since_activity: (v) => ({ en: `no activity for ${n(v)} days`, 'zh-CN': `${n(v)} 天无活动` }),
  payment_failures_90d: (v) => ({
    en: `${plural(v, 'failed payment', 'failed payments')} in 90 days`,
    'zh-CN': `90 天内扣款失败 ${n(v)} 次`,
  }),
  tickets_90d: (v) => ({ en: `${plural(v, 'ticket', 'tickets')} in 90 days`, 'zh-CN': `90 天内 ${n(v)} 张工单` }),
  open_tickets: (v) => ({
    en: `${plural(v, 'unresolved complaint', 'unresolved complaints')}`,
    'zh-CN': `${n(v)} 个未解决的投诉`,
  }),
  open_past_sla: (v) => ({
    en: `${plural(v, 'complaint', 'complaints')} past SLA`,
    'zh-CN': `${n(v)} 个投诉超过 SLA 未响应`,
  }),
  ticket_csat_180d: (v) => ({ en: `ticket satisfaction ${n(v)}/5`, 'zh-CN': `工单满意度 ${n(v)}/5` }),
  last_nps: (v) =>
    v <= 6
      ? { en: `NPS ${n(v)} (detractor)`, 'zh-CN': `NPS ${n(v)}（贬损者）` }
      : v <= 8
        ? { en: `NPS ${n(v)} (passive)`, 'zh-CN': `NPS ${n(v)}（中立者）` }
        : { en: `NPS ${n(v)} (promoter)`, 'zh-CN': `NPS ${n(v)}（推荐者）` },
  days_since_nps: (v) => ({ en: `last NPS answer ${n(v)} days ago`, 'zh-CN': `${n(v)} 天前最后一次 NPS 评分` }),
  last_csat: (v) => ({ en: `CSAT ${n(v)}/5`, 'zh-CN': `满意度 ${n(v)}/5` }),
};

/** Phrases of categorical features, given the value in words (valueWords). */
const categoryPhrases: Record<string, (v: Text) => Text> = {
  plan: (v) => ({ en: `on the ${v.en} plan`, 'zh-CN': `${v['zh-CN']}套餐` }),
  billing_period: (v) => ({ en: `billed every ${v.en}`, 'zh-CN': `按${v['zh-CN']}计费` }),
  open_ticket_category: (v) => ({ en: `open complaint about ${v.en}`, 'zh-CN': `未解决的${v['zh-CN']}类投诉` }),
};

const missing: Record<string, Text> = {
  days_since_last_order: { en: 'no orders yet', 'zh-CN': '从未下单' },
  usage_trend: { en: 'no usage before the last 30 days', 'zh-CN': '此前 90 天无用量' },
  last_nps: { en: 'never answered NPS', 'zh-CN': '从未参与 NPS 评分' },
  mrr_change_90d: { en: 'no subscription 90 days ago', 'zh-CN': '90 天前无订阅' },
  days_since_price_change: { en: 'no price change yet', 'zh-CN': '从未调价' },
  days_since_activity: { en: 'no activity in a year', 'zh-CN': '一年内无活动' },
  days_since_nps: { en: 'never answered NPS', 'zh-CN': '从未参与 NPS 评分' },
  login_trend: { en: 'no logins before the last 30 days', 'zh-CN': '此前 90 天无登录' },
  last_csat: { en: 'no ticket rated yet', 'zh-CN': '尚无工单满意度评分' },
  ticket_csat_180d: { en: 'no ticket rated in 180 days', 'zh-CN': '180 天内无工单满意度评分' },
  mrr: { en: 'no subscription', 'zh-CN': '无订阅' },
  plan: { en: 'no subscription', 'zh-CN': '无订阅' },
  billing_period: { en: 'no subscription', 'zh-CN': '无订阅' },
  open_ticket_category: { en: 'no open complaint', 'zh-CN': '无未解决的投诉' },
};

/** Names of the features and the usual segment columns; other columns (imported segments) read as their name. */
const labels: Record<string, Text> = {
  contract: { en: 'contract', 'zh-CN': '合同' },
  region: { en: 'region', 'zh-CN': '地区' },
  product_line: { en: 'product line', 'zh-CN': '产品线' },
  customer_type: { en: 'customer type', 'zh-CN': '客户类型' },
  channel: { en: 'channel', 'zh-CN': '渠道' },
  mrr: { en: 'MRR', 'zh-CN': '月经常性收入' },
  plan: { en: 'plan', 'zh-CN': '套餐' },
  billing_period: { en: 'billing period', 'zh-CN': '计费周期' },
  plan_changes_365d: { en: 'plan changes in a year', 'zh-CN': '一年内套餐变更' },
  cancel_requested: { en: 'cancellation requested', 'zh-CN': '已申请取消' },
  orders_365d: { en: 'orders in a year', 'zh-CN': '一年内订单数' },
  spend_365d: { en: 'spend in a year', 'zh-CN': '一年内消费' },
  campaigns_180d: { en: 'campaigns in 180 days', 'zh-CN': '180 天内营销活动' },
  in_campaign: { en: 'in a campaign', 'zh-CN': '参与营销活动' },
  past_churns: { en: 'past churns', 'zh-CN': '既往流失次数' },
  usage_30d: { en: 'usage in 30 days', 'zh-CN': '近 30 天用量' },
  logins_30d: { en: 'logins in 30 days', 'zh-CN': '近 30 天登录次数' },
  payment_failures_90d: { en: 'failed payments in 90 days', 'zh-CN': '90 天内扣款失败' },
  tickets_90d: { en: 'tickets in 90 days', 'zh-CN': '90 天内工单' },
  open_tickets: { en: 'unresolved complaints', 'zh-CN': '未解决的投诉' },
  open_past_sla: { en: 'complaints past SLA', 'zh-CN': '超时未解决的投诉' },
  open_ticket_category: { en: 'open complaint category', 'zh-CN': '未解决投诉类别' },
};
const label = (name: string): Text => labels[name] ?? { en: name.replace(/_/g, ' '), 'zh-CN': name };

/**
 * The plain-language text of one feature value.
 *
 * @example
 * reasonText({ name: 'open_tickets', kind: 'numeric' }, 3).en; // '3 unresolved complaints'
 * reasonText({ name: 'usage_trend', kind: 'numeric' }, -0.6)['zh-CN']; // '近 30 天用量下降 60%'
 */
export function reasonText(f: FeatureSpec, value: number | string | null): Text {
  const l = label(f.name);
  if (value === null || value === '' || (typeof value === 'number' && Number.isNaN(value)))
    return missing[f.name] ?? { en: `${l.en} unknown`, 'zh-CN': `${l['zh-CN']}未知` };
  if (typeof value === 'number')
    return phrases[f.name]?.(value) ?? { en: `${l.en}: ${n(value)}`, 'zh-CN': `${l['zh-CN']}：${n(value)}` };
  const v = valueWords(f.name, value);
  return categoryPhrases[f.name]?.(v) ?? { en: `${l.en}: ${v.en}`, 'zh-CN': `${l['zh-CN']}：${v['zh-CN']}` };
}

/**
 * The features that raise a customer's risk the most, from their SHAP values (one per feature).
 *
 * @example
 * topReasons(features, values, shapRow, 3); // [{ feature: 'usage_trend', contribution: 0.8, text: {…} }, …]
 */
export function topReasons(
  features: FeatureSpec[],
  values: (number | string | null)[],
  shap: ArrayLike<number>,
  k: number,
): Reason[] {
  return features
    .map((f, j) => ({ feature: f.name, value: values[j] ?? null, contribution: shap[j]!, spec: f }))
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, k)
    .map(({ spec, ...r }) => ({
      ...r,
      value: typeof r.value === 'number' && Number.isNaN(r.value) ? null : r.value,
      text: reasonText(spec, r.value),
    }));
}
