/**
 * The public answer page's texts (a respondent's, not a dashboard user's), spread into en.ts and zh-CN.ts: a
 * block of its own, so the dictionaries of other pages change apart from it.
 */
export const answerEn = {
  'answer.required': 'Required',
  'answer.submit': 'Send my answers',
  'answer.thanks': 'Thank you! Your answers have been received.',
  'answer.unknown': 'This survey link is not valid. Open the link exactly as you received it.',
  'answer.expired': 'This survey link has expired. Ask whoever sent it for a new one.',
  'answer.used': 'This survey has already been answered with this link. Thank you!',
  'answer.low': 'Not at all likely',
  'answer.high': 'Extremely likely',
  'answer.placeholder': 'Your answer',
};

export const answerZh: Record<keyof typeof answerEn, string> = {
  'answer.required': '必答',
  'answer.submit': '提交答卷',
  'answer.thanks': '谢谢！您的答卷已收到。',
  'answer.unknown': '此问卷链接无效。请完整打开您收到的链接。',
  'answer.expired': '此问卷链接已过期。请联系发送方获取新链接。',
  'answer.used': '此链接的问卷已经提交过。谢谢！',
  'answer.low': '完全不可能',
  'answer.high': '非常可能',
  'answer.placeholder': '请输入您的回答',
};
