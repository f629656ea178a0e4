import { def, q, quote } from './define.ts';

/**
 * Drivers of churn, key drivers, exit reasons and the employee side (voice/drivers, voice/exits,
 * voice/employees). Hints are neutral: what to do in terms of surveys, churn events and the taxonomy.
 */
export const voiceDriverCodes = {
  TEN_VOICE_NO_SURVEY: def<{ survey: string }>(
    404,
    {
      en: (a) => `There is no survey ${quote(a.survey)} with answers to analyse`,
      'zh-CN': (a) => `没有可分析的问卷 ${q(a.survey)}（或它还没有答卷）`,
    },
    {
      en: () => 'Pick a survey that has answers; the list of surveys shows each with its answer count.',
      'zh-CN': () => '请选择已有答卷的问卷；问卷列表显示每份问卷及其答卷数。',
    },
  ),
  TEN_VOICE_NO_MAIN_QUESTION: def<{ survey: string }>(
    422,
    {
      en: (a) => `The survey ${quote(a.survey)} has no main scale question to explain`,
      'zh-CN': (a) => `问卷 ${q(a.survey)} 没有可作为结果的主评分题`,
    },
    {
      en: () => 'Mark one 0–10 or 1–5 question of the survey as its main question, then ask again.',
      'zh-CN': () => '请把问卷中的一道 0–10 或 1–5 评分题设为主问题，然后重试。',
    },
  ),
  TEN_VOICE_EXIT_NOT_FOUND: def<{ customer: string; churned_at: string }>(
    404,
    {
      en: (a) => `There is no churn event of ${quote(a.customer)} at ${a.churned_at}`,
      'zh-CN': (a) => `客户 ${q(a.customer)} 在 ${a.churned_at} 没有流失事件`,
    },
    {
      en: () => 'Confirm a mapping of a churn event that exists: the list of exit reasons shows each with its date.',
      'zh-CN': () => '只能确认已有流失事件的归类：流失原因列表显示每个事件及其日期。',
    },
  ),
  TEN_VOICE_BAD_TAXONOMY: def<{ kind: string; category: string; known: string[] }>(
    422,
    {
      en: (a) => `The category ${quote(a.category)} does not belong to ${a.kind} churn`,
      'zh-CN': (a) => `类别 ${q(a.category)} 不属于 ${a.kind} 流失`,
    },
    {
      en: (a) => `Pick one of ${a.known.join(', ')} for ${a.kind} churn, or change the kind.`,
      'zh-CN': (a) => `${a.kind} 流失请选择 ${a.known.join('、')} 之一，或修改流失类型。`,
    },
  ),
} as const;
