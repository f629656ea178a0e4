import { def, q, quote } from './define.ts';

/** Text analysis (voice/text/): edits of the topic list that name a topic the workspace does not have. */
export const voiceTextCodes = {
  TEN_VOICE_TOPIC_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no topic ${quote(a.id)}`, 'zh-CN': (a) => `不存在话题 ${q(a.id)}` },
    {
      en: () => 'Check the topic id; the topic list shows every topic with its id. An analysis may have replaced it.',
      'zh-CN': () => '请检查话题编号；话题列表显示每个话题及其编号。重新分析可能已替换该话题。',
    },
  ),
  TEN_VOICE_TOPIC_MERGE: def<{ id: string; reason: 'self' | 'language' }>(
    422,
    {
      en: (a) =>
        a.reason === 'self'
          ? `Topic ${quote(a.id)} cannot be merged into itself`
          : `Topic ${quote(a.id)} is in another language than the topic it would be merged into`,
      'zh-CN': (a) => (a.reason === 'self' ? `话题 ${q(a.id)} 不能合并到自身` : `话题 ${q(a.id)} 与目标话题语言不同`),
    },
    {
      en: () => 'Merge topics of one language into another topic of that language.',
      'zh-CN': () => '请把同一语言的话题合并到该语言的另一个话题。',
    },
  ),
} as const;
