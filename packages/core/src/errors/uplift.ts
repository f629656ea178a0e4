import { def, q, quote } from './define.ts';

/**
 * Uplift targeting (predict/uplift/): the campaign it learns from, its outcome window, the fitted model. Hints say
 * what to do in terms of campaigns and fits, never a shell's flag or control.
 */
export const upliftCodes = {
  TEN_UPLIFT_NO_CAMPAIGN: def<{ campaign: string | null }>(
    404,
    {
      en: (a) =>
        a.campaign === null
          ? 'No campaign has members in both a treatment and a control group'
          : `The campaign ${quote(a.campaign)} does not exist or lacks members in its treatment or control group`,
      'zh-CN': (a) =>
        a.campaign === null
          ? '没有任何活动同时有实验组和对照组成员'
          : `活动 ${q(a.campaign)} 不存在，或其实验组或对照组没有成员`,
    },
    {
      en: () =>
        'An uplift model learns from a randomised campaign: import its members with their group (treatment or control), or name another campaign.',
      'zh-CN': () => '提升模型需要随机分组的活动：请导入活动成员及其分组（实验组或对照组），或指定另一个活动。',
    },
  ),
  TEN_UPLIFT_WINDOW_OPEN: def<{ campaign: string; windowDays: number; daysLeft: number }>(
    422,
    {
      en: (a) =>
        `The ${a.windowDays}-day outcome window of the campaign ${quote(a.campaign)} has not ended: the data covers it for ${a.daysLeft} more day(s)`,
      'zh-CN': (a) =>
        `活动 ${q(a.campaign)} 的 ${a.windowDays} 天结果窗口尚未结束：数据还差 ${a.daysLeft} 天才覆盖该窗口`,
    },
    {
      en: () => 'Fit once the data covers the whole window, or choose a shorter window.',
      'zh-CN': () => '请等数据覆盖整个窗口后再拟合，或选择更短的窗口。',
    },
  ),
  TEN_UPLIFT_NO_MODEL: def<Record<string, never>>(
    404,
    { en: () => 'No uplift model has been fitted in this workspace', 'zh-CN': () => '本工作区尚未拟合提升模型' },
    {
      en: () => 'Fit one on a finished randomised campaign first (an analyst can).',
      'zh-CN': () => '请先在已结束的随机分组活动上拟合一个提升模型（分析师可以操作）。',
    },
  ),
} as const;
