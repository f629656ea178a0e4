/**
 * How `tenure campaigns` prints campaigns, measurements, power and CRM ROI for people, in English or 简体中文.
 * `--json` prints core's objects as they are.
 */
import type { Campaign, CrmRoi, Measurement, PowerResult } from '@tenure/core';
import { fill, formats, type Lang, type Text } from '@tenure/core/present';
import { table } from './output.ts';

type Interval = { estimate: number | null; lower: number | null; upper: number | null };

const words = {
  none: { en: 'No campaigns yet.', 'zh-CN': '还没有活动。' },
  head: {
    en: ['campaign', 'name', 'status', 'treatment', 'control', 'holdout', 'window', 'started'],
    'zh-CN': ['活动', '名称', '状态', '实验组', '对照组', '对照比例', '观察期', '开始'],
  },
  created: {
    en: 'Campaign {id} drawn: {t} treatment, {c} control in {s} strata (a draft: launch it to start the {w}-day window).',
    'zh-CN': '活动 {id} 已完成分组：实验组 {t} 人，对照组 {c} 人，共 {s} 个分层（草稿：启动后开始 {w} 天观察期）。',
  },
  moved: { en: 'Campaign {id} is {status}.', 'zh-CN': '活动 {id} 当前状态：{status}。' },
  status: {
    en: { draft: 'draft', launched: 'launched', finished: 'finished', imported: 'imported' },
    'zh-CN': { draft: '草稿', launched: '已启动', finished: '已结束', imported: '已导入' },
  },
  arms: {
    en: ['arm', 'members', 'churned', 'churn', 'retained MRR', 'revenue'],
    'zh-CN': ['组别', '人数', '流失', '流失率', '留存 MRR', '收入'],
  },
  arm: { en: { treatment: 'treatment', control: 'control' }, 'zh-CN': { treatment: '实验组', control: '对照组' } },
  view: {
    en: { itt: 'intention to treat', per_protocol: 'per protocol' },
    'zh-CN': { itt: '意向性分析', per_protocol: '按方案分析' },
  },
  title: {
    en: 'Campaign {id} ({view}), launched {from}, {w}-day window, as of {asOf}',
    'zh-CN': '活动 {id}（{view}），{from} 启动，观察期 {w} 天，截至 {asOf}',
  },
  reduction: {
    en: 'Churn reduction: {abs} points (95 % CI {lo} to {hi}), relative {rel}; p = {p}',
    'zh-CN': '流失率降低：{abs} 个百分点（95% 置信区间 {lo} 至 {hi}），相对降低 {rel}；p = {p}',
  },
  logRank: { en: 'Kaplan–Meier per arm, log-rank p = {p}', 'zh-CN': '分组 Kaplan–Meier 曲线，log-rank 检验 p = {p}' },
  mrr: { en: 'Retained MRR per member, treatment − control: {x}', 'zh-CN': '人均留存 MRR（实验组 − 对照组）：{x}' },
  revenue: { en: 'Revenue per member, treatment − control: {x}', 'zh-CN': '人均收入（实验组 − 对照组）：{x}' },
  cuped: {
    en: 'CUPED on {cov}: {adj} (unadjusted {raw}), variance −{vr}',
    'zh-CN': 'CUPED（协变量 {cov}）：{adj}（未调整 {raw}），方差减少 {vr}',
  },
  money: {
    en: 'Saved customers {saved}; incremental profit {profit} {cur}; ROI {roi}; cost per saved customer {cps} {cur}',
    'zh-CN': '挽留客户 {saved} 位；增量利润 {profit} {cur}；投资回报率 {roi}；每挽留一位客户成本 {cps} {cur}',
  },
  sample: {
    en: 'Needed: {t} treatment + {c} control = {n} members to detect a reduction of {e} from {b} (α {a}, power {pw}).',
    'zh-CN': '需要实验组 {t} 人 + 对照组 {c} 人 = {n} 人，才能在基线 {b} 上检出 {e} 的降低（α {a}，功效 {pw}）。',
  },
  mde: {
    en: '{n} members ({t} treatment, {c} control) detect a reduction of {e} or more from {b} (α {a}, power {pw}).',
    'zh-CN': '{n} 人（实验组 {t}，对照组 {c}）可检出基线 {b} 上不小于 {e} 的降低（α {a}，功效 {pw}）。',
  },
  roi: {
    en: 'CRM ROI {from} – {to}: programmes’ incremental gross profit {gross} {cur} vs CRM and retention cost {cost} {cur}: ROI {roi}.',
    'zh-CN': 'CRM 投资回报率 {from} – {to}：各方案增量毛利 {gross} {cur}，CRM 与挽留成本 {cost} {cur}：回报率 {roi}。',
  },
  no_controlled_campaign: {
    en: 'CRM ROI {from} – {to}: not measurable — no campaign with a control group was launched in the period, so the programme’s effect cannot be measured (CRM and retention cost {cost} {cur}).',
    'zh-CN':
      'CRM 投资回报率 {from} – {to}：无法衡量——本期没有启动设对照组的活动，挽留方案的效果无从测量（CRM 与挽留成本 {cost} {cur}）。',
  },
  no_costs: {
    en: 'CRM ROI {from} – {to}: not measurable — no CRM or retention costs are recorded for the period (incremental gross profit {gross} {cur}).',
    'zh-CN': 'CRM 投资回报率 {from} – {to}：无法衡量——本期没有记录 CRM 或挽留成本（增量毛利 {gross} {cur}）。',
  },
  ratio: {
    en: 'Acquisition cost per new customer {acq} {cur}; retention cost per customer-year {ret} {cur}; ratio {x}×.',
    'zh-CN': '每位新客户获客成本 {acq} {cur}；每客户年挽留成本 {ret} {cur}；二者之比 {x} 倍。',
  },
} as const;

const say = (t: Text, lang: Lang, vars: Record<string, string | number> = {}) => fill(t[lang], vars);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const pct = (x: number | null) => formats('en').percent(x);
const pts = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(1));
const range = (i: Interval, f: (x: number | null) => string = (x) => num(x)) =>
  `${f(i.estimate)} [${i.lower === null ? '−∞' : f(i.lower)}, ${i.upper === null ? '∞' : f(i.upper)}]`;

export const campaignTable = (list: readonly Campaign[], lang: Lang): string =>
  list.length
    ? table(
        [...words.head[lang]],
        list.map((c) => [
          c.id,
          c.name,
          words.status[lang][c.status],
          c.treatment,
          c.control,
          c.holdout_share === null ? '—' : pct(c.holdout_share),
          c.outcome_window_days,
          c.started_at?.slice(0, 10) ?? '—',
        ]),
      )
    : say(words.none, lang);

export const createdLine = (r: { campaign: Campaign; strata: readonly unknown[] }, lang: Lang) =>
  say(words.created, lang, {
    id: r.campaign.id,
    t: r.campaign.treatment,
    c: r.campaign.control,
    s: r.strata.length,
    w: r.campaign.outcome_window_days,
  });

export const movedLine = (c: Campaign, lang: Lang) =>
  say(words.moved, lang, { id: c.id, status: words.status[lang][c.status] });

export function measurementText(m: Measurement, lang: Lang): string {
  const lines = [
    say(words.title, lang, {
      id: m.campaign_id,
      view: words.view[lang][m.view],
      from: m.launched_at,
      w: m.window_days,
      asOf: m.as_of,
    }),
    ...m.warnings.map((w) => `! ${w.message[lang]}`),
    table(
      [...words.arms[lang]],
      m.arms.map((a) => [
        words.arm[lang][a.arm],
        a.members,
        a.churned,
        pct(a.churn_rate),
        num(a.retained_mrr),
        num(a.revenue),
      ]),
    ),
    say(words.reduction, lang, {
      abs: pts(m.churn.absolute_reduction.estimate),
      lo: pts(m.churn.absolute_reduction.lower),
      hi: pts(m.churn.absolute_reduction.upper),
      rel: range(m.churn.relative_reduction, pct),
      p: num(m.churn.p_value, 4),
    }),
    say(words.logRank, lang, { p: num(m.survival.log_rank?.p_value ?? null, 4) }),
    say(words.mrr, lang, { x: range(m.retained_mrr) }),
    say(words.revenue, lang, { x: range(m.revenue) }),
  ];
  if (m.cuped)
    lines.push(
      say(words.cuped, lang, {
        cov: m.cuped.covariate,
        adj: range(m.cuped.adjusted, (x) => num(x, 4)),
        raw: range(m.cuped.unadjusted, (x) => num(x, 4)),
        vr: pct(m.cuped.variance_reduction),
      }),
    );
  lines.push(
    say(words.money, lang, {
      saved: range(m.money.saved, (x) => num(x, 1)),
      profit: range(m.money.incremental_profit, (x) => num(x, 0)),
      roi: range(m.money.roi, pct),
      cps: range(m.money.cost_per_saved, (x) => num(x, 0)),
      cur: m.money.currency,
    }),
  );
  return lines.join('\n');
}

export const powerText = (p: PowerResult, lang: Lang) =>
  say(p.solved_for === 'mde' ? words.mde : words.sample, lang, {
    t: p.treatment,
    c: p.control,
    n: p.total,
    e: pct(p.effect),
    b: pct(p.baseline),
    a: p.alpha,
    pw: p.power,
  });

export const crmRoiText = (r: CrmRoi, lang: Lang) =>
  [
    say(r.not_measurable ? words[r.not_measurable] : words.roi, lang, {
      from: r.from,
      to: r.to,
      gross: range(r.incremental_gross_profit, (x) => num(x, 0)),
      cost: num(r.crm_cost, 0),
      roi: range(r.roi, pct),
      cur: r.currency,
    }),
    say(words.ratio, lang, {
      acq: num(r.acquisition.per_customer),
      ret: num(r.retention.per_customer_year),
      x: num(r.acquisition_to_retention, 1),
      cur: r.currency,
    }),
  ].join('\n');
