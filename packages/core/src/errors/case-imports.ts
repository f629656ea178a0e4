import { def, q, quote, type V } from './define.ts';

/**
 * Imported cases and their history (cases/import/), stored per rejected row like every row code, and a
 * ticket's escalation into a case. The hints speak of the file and the case, never of a shell's controls.
 */
export const caseImportCodes = {
  TEN_ROW_UNKNOWN_CASE: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a known case`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是已知案例`,
    },
    {
      en: () => 'Import the cases first (a case’s history is appended to a case already there), or fix the id.',
      'zh-CN': () => '请先导入案例（案例的历史只能追加到已有案例上），或修正编号。',
    },
  ),
  TEN_ROW_UNKNOWN_OWNER: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a user of this workspace`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是本工作区的用户`,
    },
    {
      en: () => 'A case is owned by someone who can sign in: add the user first, or leave the owner empty.',
      'zh-CN': () => '案例须由能登录的用户负责：请先添加该用户，或将负责人留空。',
    },
  ),
  TEN_ROW_CASE_CONFLICT: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is already in the workspace with other values`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 已存在于工作区，但内容不同`,
    },
    {
      en: () =>
        'An imported case or change is never overwritten: a case changes through its history, so import later changes as case events, or give the row another id.',
      'zh-CN': () =>
        '已导入的案例或变更不会被覆盖：案例通过其历史变化，请将后来的变更作为案例事件导入，或为该行换一个编号。',
    },
  ),
  TEN_ROW_CASE_TRANSITION: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is not a step the workflow allows`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 不是流程允许的步骤`,
    },
    {
      en: (a) => `${a.expected}. The steps are taken in order, none skipped.`,
      'zh-CN': (a) => `${a.expected}。各步骤须依次进行，不可跳过。`,
    },
  ),
  TEN_ROW_CASE_BEFORE_LAST: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)} is before the case’s last change (${a.expected})`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)} 早于该案例最近一次变更（${a.expected}）`,
    },
    {
      en: () => 'A case’s history is appended in time order: leave out the changes it already has, or check the date.',
      'zh-CN': () => '案例历史按时间顺序追加：请去掉已有的变更，或检查日期。',
    },
  ),
  TEN_ROW_CASE_AFTER_REJECT: def<V>(
    422,
    {
      en: (a) => `${a.column} ${quote(a.value)}: an earlier change of this case (at ${a.expected}) was rejected`,
      'zh-CN': (a) => `${a.column} 的值 ${q(a.value)}：该案例较早的一次变更（${a.expected}）被拒绝`,
    },
    {
      en: () => 'Fix that change and import the file again: the case’s later changes wait for it.',
      'zh-CN': () => '请修正那次变更后重新导入：该案例之后的变更须等它导入。',
    },
  ),
  TEN_TICKET_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no ticket ${quote(a.id)}`, 'zh-CN': (a) => `没有工单 ${q(a.id)}` },
    {
      en: () => 'Check the ticket id; a customer’s tickets are listed on their page.',
      'zh-CN': () => '请检查工单编号；客户页面列出了其全部工单。',
    },
  ),
} as const;
