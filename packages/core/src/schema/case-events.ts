import { CASE_STAGES } from '../cases/workflow.ts';
import { caseStepFields } from './cases.ts';
import { type Entity, f } from './field.ts';

/**
 * A case's history from another tool (`tenure import case_events`): each row one change to a case already in
 * the workspace, appended after its last event in time order. A row with `to_stage` is a move (checked
 * against the workflow: the next step, cancelled, or a reopening of a closed case), with the fields of that
 * step; one with an owner or team and no stage an assignment; one with neither a comment. Loaded into
 * `case_events` with the case's row updated to the fold of its log (cases/import/).
 */
export const caseEventImports: Entity = {
  name: 'case_events',
  doc: 'One row per change to a case (a move, an assignment, a comment), for cases already imported or created.',
  key: ['case_id', 'at'],
  extensible: false,
  fields: [
    f.id('case_id', 'The case it belongs to.', {
      aliases: ['case', 'case_no', 'case_number', '案件编号', '案件号', '服务单号', '投诉单号'],
    }),
    f.at('at', 'When it happened (one change per case and time).', {
      required: true,
      aliases: ['time', 'timestamp', 'changed_at', 'event_time', '时间', '变更时间', '操作时间'],
    }),
    f.text('actor', 'Who did it (kept as text: the tool it comes from may name people Tenure does not know).', {
      default: 'import',
      aliases: ['user', 'by', 'changed_by', '操作人', '处理人'],
    }),
    f.oneOf('from_stage', CASE_STAGES, 'The stage it left (checked against the case’s stage at that moment).', {
      aliases: ['from', 'old_status', '原阶段', '原状态'],
    }),
    f.oneOf('to_stage', CASE_STAGES, 'The stage it entered; empty for an assignment or a comment.', {
      aliases: ['to', 'stage', 'new_status', 'status', '新阶段', '新状态', '阶段'],
    }),
    f.text('owner', 'The new owner (a Tenure username).', { aliases: ['assignee', '负责人'] }),
    f.text('team', 'The new team.', { aliases: ['group', '团队', '小组'] }),
    ...caseStepFields,
    f.text('note', 'What was said or done.', { aliases: ['comment', 'remark', '备注', '说明', '内容'] }),
  ],
};
