/** Shared by the survey tests (core and server): survey definitions to vary. */
import type { SurveyInput } from '../src/surveys/definition.ts';

export const analyst = { name: 'li.wei' };

/** A valid NPS survey (main 0–10 question, a reason to pick, a comment), changed by `over`. */
export const npsSurvey = (over: Partial<SurveyInput> & Record<string, unknown> = {}): SurveyInput => ({
  id: 'nps-q4',
  kind: 'nps',
  title: { en: 'How are we doing?', 'zh-CN': '您对我们满意吗？' },
  questions: [
    {
      id: 'nps',
      type: 'scale_0_10',
      text: { en: 'How likely are you to recommend us?', 'zh-CN': '您向朋友推荐我们的可能性有多大？' },
      required: true,
      main: true,
    },
    {
      id: 'reason',
      type: 'single',
      text: { en: 'What matters most?', 'zh-CN': '您最看重什么？' },
      options: [
        { id: 'price', text: { en: 'Price', 'zh-CN': '价格' } },
        { id: 'network', text: { en: 'Network', 'zh-CN': '网络' } },
      ],
    },
    {
      id: 'topics',
      type: 'multiple',
      text: { en: 'What did you use?', 'zh-CN': '您用过哪些服务？' },
      options: [
        { id: 'app', text: { en: 'App', 'zh-CN': '应用' } },
        { id: 'hotline', text: { en: 'Hotline', 'zh-CN': '热线' } },
      ],
    },
    { id: 'why', type: 'text', text: { en: 'Anything else?', 'zh-CN': '还有什么想说的？' } },
  ],
  ...over,
});

/** A post-case CSAT survey sent by its trigger. */
export const csatSurvey = (over: Partial<SurveyInput> = {}): SurveyInput => ({
  id: 'post-case',
  kind: 'csat',
  title: { en: 'Your case', 'zh-CN': '您的工单' },
  questions: [
    {
      id: 'csat',
      type: 'scale_1_5',
      text: { en: 'How satisfied are you?', 'zh-CN': '您满意吗？' },
      required: true,
    },
  ],
  triggers: [{ kind: 'case_closed', within_days: 7 }],
  ...over,
});
