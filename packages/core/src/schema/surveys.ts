import { type Entity, f } from './field.ts';

/** Survey responses from customers (NPS, CSAT, CES, exit) and employees (eNPS). */
export const surveys: Entity = {
  name: 'surveys',
  doc: 'One row per survey answer. respondent_id names a customer unless respondent_type is employee.',
  key: ['response_id'],
  extensible: true,
  referenceWhen: { field: 'respondent_type', equals: 'customer' },
  fields: [
    f.id('response_id', 'Your identifier of the answer.', {
      aliases: ['response', 'answer_id', 'survey_id', '答卷编号', '问卷编号'],
    }),
    f.oneOf('respondent_type', ['customer', 'employee'], 'Who answered; customer when empty.', {
      default: 'customer',
      aliases: ['respondent_kind', '受访者类型'],
    }),
    f.id('respondent_id', 'The customer (or employee) who answered.', {
      references: 'customers',
      aliases: ['respondent', 'customer_id', 'customerid', 'employee_id', '客户id', '客户编号', '员工编号'],
    }),
    f.at('answered_at', 'When they answered.', {
      required: true,
      aliases: ['date', 'submitted_at', 'response_date', '答卷时间', '日期', '提交时间'],
    }),
    f.oneOf('kind', ['nps', 'csat', 'ces', 'exit', 'employee'], 'Which survey.', {
      required: true,
      aliases: ['survey', 'type', 'survey_type', '问卷类型', '类型'],
    }),
    f.num('score', 'The score (NPS 0–10, CSAT 1–5, CES 1–7).', {
      range: [0, 10],
      aliases: ['rating', 'value', '得分', '评分', '分数'],
    }),
    f.text('comment', 'Free-text answer.', { aliases: ['text', 'feedback', 'verbatim', '评论', '意见', '备注'] }),
  ],
};
