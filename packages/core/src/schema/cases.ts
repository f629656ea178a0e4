import {
  CASE_KINDS,
  CASE_OUTCOMES,
  CASE_PRIORITIES,
  CASE_SEVERITIES,
  CASE_STAGES,
  COMPENSATION_KINDS,
} from '../cases/workflow.ts';
import { type Entity, type Field, f } from './field.ts';

/** Yes and no as another tool's export writes them; the loader turns them into booleans (cases/import/). */
export const YES = ['yes', 'y', 'true', '1', '是'] as const;
export const NO = ['no', 'n', 'false', '0', '否'] as const;
const flag = (name: string, doc: string, aliases: string[]): Field => f.oneOf(name, [...YES, ...NO], doc, { aliases });

/**
 * The fields a case's steps record (docs/cases.md), as an import takes them: shared by a case (its state when
 * exported) and a case event (what one change set). Booleans are yes/no text; the root cause is checked
 * against the configured taxonomy when the file is checked.
 */
export const caseStepFields: readonly Field[] = [
  f.text('root_cause', 'Root cause, from the configured taxonomy (cases.root_causes).', {
    aliases: ['cause', 'reason', '根因', '原因', '问题原因'],
  }),
  f.oneOf('severity', CASE_SEVERITIES, 'Severity found at diagnosis.', { aliases: ['严重程度', '严重性'] }),
  flag('company_at_fault', 'Whether the company was at fault (yes/no).', ['at_fault', 'our_fault', '是否我方责任']),
  f.text('action_plan', 'The action plan.', { aliases: ['plan', 'solution', '处理方案', '方案'] }),
  f.oneOf('compensation_kind', COMPENSATION_KINDS, 'Compensation proposed: its kind.', {
    aliases: ['compensation_type', '补偿方式', '补偿类型'],
  }),
  f.money('compensation_amount', 'Compensation proposed: its amount.', { aliases: ['补偿金额', '拟补偿金额'] }),
  f.text('approved_by', 'Who approved the compensation.', { aliases: ['approver', '审批人'] }),
  f.text('actions_done', 'What was done.', { aliases: ['actions', 'resolution', '处理结果', '处理措施'] }),
  f.money('compensation_granted', 'Compensation granted.', { aliases: ['compensation_paid', '实际补偿金额'] }),
  flag('contacted', 'Whether the customer was contacted at follow-up (yes/no).', ['回访', '是否回访']),
  flag('satisfied', 'Whether the customer was satisfied (yes/no).', ['是否满意']),
  f.int('csat', 'Satisfaction score at follow-up (1–5).', {
    range: [1, 5],
    aliases: ['satisfaction', 'rating', '满意度', '评分'],
  }),
  f.oneOf('outcome', CASE_OUTCOMES, 'Outcome of a retention case.', { aliases: ['result', '挽留结果', '结果'] }),
];

/**
 * Cases brought from another tool (`tenure import cases`): each row a case as it stands, created with
 * `source = 'import'` and one `created` event holding the row, so the log still rebuilds it. Not a table of the
 * data model (`entities`): it is loaded into `cases` and `case_events` (cases/import/).
 */
export const caseImports: Entity = {
  name: 'cases',
  doc: 'One row per case (complaint, service request, save attempt, follow-up) from another tool.',
  key: ['case_id'],
  extensible: false,
  fields: [
    f.id('case_id', 'The case id, kept as given (letters, digits and . _ : -).', {
      aliases: ['case', 'case_no', 'case_number', '案件编号', '案件号', '服务单号', '投诉单号'],
    }),
    f.customer(),
    f.oneOf('kind', CASE_KINDS, 'complaint, service_request, retention or follow_up.', {
      default: 'complaint',
      aliases: ['case_type', 'type', '案件类型', '类型'],
    }),
    f.oneOf('stage', CASE_STAGES, 'The stage it is in (received … closed, or cancelled).', {
      default: 'received',
      aliases: ['status', 'state', '阶段', '状态'],
    }),
    f.oneOf('priority', CASE_PRIORITIES, 'Priority.', { default: 'normal', aliases: ['优先级', '紧急程度'] }),
    f.text('owner', 'The user who owns it (a Tenure username).', {
      aliases: ['assignee', 'agent', '负责人', '处理人'],
    }),
    f.text('team', 'The team it belongs to.', { aliases: ['group', '团队', '小组'] }),
    f.text('subject', 'What it is about, in a line.', {
      required: true,
      aliases: ['title', 'summary', '主题', '标题'],
    }),
    f.text('description', 'The longer account.', { aliases: ['details', 'body', '描述', '内容', '详情'] }),
    f.text('source_ref', 'Its id in the tool it comes from, or the row that caused it.', {
      aliases: ['external_id', 'ref', '原编号', '来源编号'],
    }),
    ...caseStepFields,
    f.at('opened_at', 'When it was opened.', {
      required: true,
      aliases: ['created_at', 'opened', 'received_at', '创建时间', '受理时间', '开始时间'],
    }),
    f.at('stage_at', 'When it entered its stage (default: closed_at for a closed case, else opened_at).', {
      notBefore: 'opened_at',
      aliases: ['stage_since', '阶段时间'],
    }),
    f.at('closed_at', 'When it was closed or cancelled.', {
      notBefore: 'opened_at',
      aliases: ['resolved_at', 'closed', '关闭时间', '结案时间'],
    }),
  ],
};
