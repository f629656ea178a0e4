import { caseStageLabels } from '../present/case-labels.ts';
import { def, q, quote } from './define.ts';

/** A stage in Chinese by the handbook's name of its step; anything else as it is. */
const zhStage = (s: string) =>
  Object.hasOwn(caseStageLabels, s) ? caseStageLabels[s as keyof typeof caseStageLabels]['zh-CN'] : s;

/** One problem with one field of a case: which field, the value given (null when missing) and what it takes. */
export interface CaseFieldProblem {
  field: string;
  value: string | null;
  expected: { en: string; 'zh-CN': string };
}

const fieldsEn = (ps: readonly CaseFieldProblem[]) =>
  ps.map((p) => (p.value === null ? `${p.field} is missing` : `${p.field} ${quote(p.value)} is invalid`)).join('; ');
const fieldsZh = (ps: readonly CaseFieldProblem[]) =>
  ps.map((p) => (p.value === null ? `缺少 ${p.field}` : `${p.field} 的值 ${q(p.value)} 无效`)).join('；');

/**
 * Cases and their workflow (cases/). The hints say what to do in the case's own terms (its stages and fields),
 * never a shell's flag or control, so every surface can show them as they are.
 */
export const caseCodes = {
  TEN_CASE_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no case ${quote(a.id)}`, 'zh-CN': (a) => `没有案例 ${q(a.id)}` },
    {
      en: () => 'Check the case id; the list of cases shows every case with its id.',
      'zh-CN': () => '请检查案例编号；案例列表显示每个案例及其编号。',
    },
  ),
  TEN_CASE_EXISTS: def<{ id: string }>(
    409,
    { en: (a) => `The case ${quote(a.id)} exists already`, 'zh-CN': (a) => `案例 ${q(a.id)} 已存在` },
    {
      en: () => 'Give the new case another id, or leave the id out to have one assigned.',
      'zh-CN': () => '请为新案例换一个编号，或不指定编号以自动分配。',
    },
  ),
  TEN_CASE_TRANSITION: def<{ id: string; from: string; to: string; known: string[] }>(
    409,
    {
      en: (a) => `Case ${quote(a.id)} cannot go from ${a.from} to ${a.to}`,
      'zh-CN': (a) => `案例 ${q(a.id)} 不能从“${zhStage(a.from)}”转到“${zhStage(a.to)}”`,
    },
    {
      en: (a) =>
        a.known.length
          ? `From ${a.from} it can go to: ${a.known.join(', ')}. The steps are taken in order, none skipped.`
          : `A ${a.from} case takes no more steps.`,
      'zh-CN': (a) =>
        a.known.length
          ? `从“${zhStage(a.from)}”可转到：${a.known.map(zhStage).join('、')}。各步骤须依次进行，不可跳过。`
          : `处于“${zhStage(a.from)}”的案例不再进行任何步骤。`,
    },
  ),
  TEN_CASE_FIELD: def<{ id: string | null; stage: string; fieldProblems: CaseFieldProblem[] }>(
    422,
    {
      en: (a) => `Case ${a.id === null ? '' : `${quote(a.id)} `}at ${a.stage}: ${fieldsEn(a.fieldProblems)}`,
      'zh-CN': (a) => `案例${a.id === null ? '' : ` ${q(a.id)} `}（${zhStage(a.stage)}）：${fieldsZh(a.fieldProblems)}`,
    },
    {
      en: (a) => `${a.fieldProblems.map((p) => `${p.field}: ${p.expected.en}`).join('; ')}.`,
      'zh-CN': (a) => `${a.fieldProblems.map((p) => `${p.field}：${p.expected['zh-CN']}`).join('；')}。`,
    },
  ),
  TEN_CASE_STALE: def<{ id: string; expected: number; current: number }>(
    409,
    {
      en: (a) => `Case ${quote(a.id)} changed meanwhile: it is at version ${a.current}, not ${a.expected}`,
      'zh-CN': (a) => `案例 ${q(a.id)} 已被他人修改：当前版本为 ${a.current}，而非 ${a.expected}`,
    },
    {
      en: (a) =>
        `Read the case again (version ${a.current}), check what changed, and repeat the change if it still applies.`,
      'zh-CN': (a) => `请重新读取该案例（版本 ${a.current}），查看改动后，如仍需要再重新提交。`,
    },
  ),
  TEN_CASE_APPROVAL: def<{ id: string; amount: number; limit: number; approver: string | null; role: string }>(
    422,
    {
      en: (a) =>
        a.approver === null
          ? `Case ${quote(a.id)}: a compensation of ${a.amount} is above the limit of ${a.limit} and has no approver`
          : `Case ${quote(a.id)}: ${quote(a.approver)} cannot approve a compensation of ${a.amount} (above ${a.limit})`,
      'zh-CN': (a) =>
        a.approver === null
          ? `案例 ${q(a.id)}：补偿金额 ${a.amount} 超过上限 ${a.limit}，但没有审批人`
          : `案例 ${q(a.id)}：${q(a.approver)} 无权审批金额为 ${a.amount} 的补偿（上限 ${a.limit}）`,
    },
    {
      en: (a) => `Name as approved_by a user with the ${a.role} role who approved it, or propose at most ${a.limit}.`,
      'zh-CN': (a) => `请在 approved_by 中填写已审批的 ${a.role} 角色用户，或将补偿降至不超过 ${a.limit}。`,
    },
  ),
  TEN_CASE_UNKNOWN_CUSTOMER: def<{ customer: string }>(
    422,
    {
      en: (a) => `There is no customer ${quote(a.customer)} to open a case for`,
      'zh-CN': (a) => `没有客户 ${q(a.customer)}，无法为其创建案例`,
    },
    {
      en: () => 'Check the customer id, or import the customer first.',
      'zh-CN': () => '请检查客户编号，或先导入该客户。',
    },
  ),
  TEN_CASE_UNKNOWN_OWNER: def<{ owner: string }>(
    422,
    {
      en: (a) => `There is no user ${quote(a.owner)} to own the case`,
      'zh-CN': (a) => `没有用户 ${q(a.owner)}，无法由其负责该案例`,
    },
    {
      en: () => 'Give the case to an existing user; an admin adds users.',
      'zh-CN': () => '请将案例分配给已有用户；用户由管理员添加。',
    },
  ),
} as const;
