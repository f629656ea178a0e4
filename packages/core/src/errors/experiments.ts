import type { Lang } from '../present/lang.ts';
import { def } from './define.ts';

const LEVEL = {
  level: { en: 'confidence level', 'zh-CN': '置信水平' },
  alpha: { en: 'significance level', 'zh-CN': '显著性水平' },
  power: { en: 'power', 'zh-CN': '检验功效' },
} as const;

/** The quantity's name, or the name as given when a caller passes one outside the list. */
const levelName = (name: string, lang: Lang) => LEVEL[name as keyof typeof LEVEL]?.[lang] ?? name;

/** A share as a percentage; anything else (a placeholder in the generated docs) as it is. */
const pct = (x: number) => (typeof x === 'number' ? `${+(x * 100).toPrecision(4)} %` : String(x));

/**
 * The statistics of campaign experiments (stats/newcombe.ts, power.ts, cuped.ts, bootstrap.ts): inputs a design or
 * a measurement cannot work with. Hints name the quantities (baseline churn, holdout share), never a shell's flag
 * or control, so every surface can show them as they are.
 */
export const experimentCodes = {
  TEN_EXPERIMENT_EMPTY_ARM: def<{ smallest: number; needed: number }>(
    422,
    {
      en: (a) => `An arm of the experiment has ${a.smallest} members; each arm needs at least ${a.needed}`,
      'zh-CN': (a) => `实验的某一组只有 ${a.smallest} 个成员；每组至少需要 ${a.needed} 个`,
    },
    {
      en: () => "Measure once both the treatment and the control group have members (check the campaign's target).",
      'zh-CN': () => '请在处理组和对照组都有成员后再测量（请检查活动的目标客户）。',
    },
  ),
  TEN_EXPERIMENT_BAD_HOLDOUT: def<{ share: number }>(
    422,
    {
      en: (a) => `A holdout share of ${a.share} leaves one arm empty or is not a share`,
      'zh-CN': (a) => `对照组比例 ${a.share} 会使某一组为空，或不是有效比例`,
    },
    {
      en: () =>
        'Give a holdout share strictly between 0 and 1, e.g. 0.1 to keep 10 % of the target as the control group.',
      'zh-CN': () => '请给出严格介于 0 和 1 之间的对照组比例，例如 0.1 表示保留 10% 的目标客户作为对照组。',
    },
  ),
  TEN_POWER_BAD_BASELINE: def<{ baseline: number }>(
    422,
    {
      en: (a) => `A baseline churn of ${a.baseline} is not a probability strictly between 0 and 1`,
      'zh-CN': (a) => `基线流失率 ${a.baseline} 不是严格介于 0 和 1 之间的概率`,
    },
    {
      en: () => 'Give the churn expected without the campaign as a share, e.g. 0.2 for 20 % within the outcome window.',
      'zh-CN': () => '请以比例给出没有活动时的预期流失率，例如 0.2 表示结果窗口内流失 20%。',
    },
  ),
  TEN_POWER_BAD_EFFECT: def<{ effect: number; baseline: number }>(
    422,
    {
      en: (a) => `A reduction of ${a.effect} is not between 0 and the baseline churn ${a.baseline}`,
      'zh-CN': (a) => `流失降低幅度 ${a.effect} 不在 0 与基线流失率 ${a.baseline} 之间`,
    },
    {
      en: (a) =>
        `Give the minimum effect as an absolute reduction of the churn, above 0 and below ${pct(a.baseline)} (e.g. 0.02 for 2 points).`,
      'zh-CN': (a) =>
        `请以流失率的绝对降低量给出最小效应，大于 0 且小于 ${pct(a.baseline)}（例如 0.02 表示降低 2 个百分点）。`,
    },
  ),
  TEN_EXPERIMENT_BAD_LEVEL: def<{ name: keyof typeof LEVEL; value: number }>(
    422,
    {
      en: (a) => `A ${levelName(a.name, 'en')} of ${a.value} is not strictly between 0 and 1`,
      'zh-CN': (a) => `${levelName(a.name, 'zh-CN')} ${a.value} 不是严格介于 0 和 1 之间的值`,
    },
    {
      en: () => 'Use a confidence level such as 0.95, a significance level such as 0.05 and a power such as 0.8.',
      'zh-CN': () => '请使用例如 0.95 的置信水平、0.05 的显著性水平和 0.8 的检验功效。',
    },
  ),
  TEN_POWER_UNDETECTABLE: def<{ treatment: number; control: number; baseline: number }>(
    422,
    {
      en: (a) =>
        `With ${a.treatment} treated and ${a.control} held out, no reduction of a ${pct(a.baseline)} churn can be detected`,
      'zh-CN': (a) =>
        `处理组 ${a.treatment} 人、对照组 ${a.control} 人时，无法检测到基线 ${pct(a.baseline)} 流失率的任何降低`,
    },
    {
      en: () => 'Target more customers, or hold out a share nearer one half.',
      'zh-CN': () => '请扩大目标客户范围，或让对照组比例更接近一半。',
    },
  ),
} as const;
