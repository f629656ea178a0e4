/**
 * The checks of the workflow's fields: a field's value through its zod schema, then the rules of each step the
 * case holds, each a small named object (the handbook's reason in its comment). Every problem is collected and
 * thrown once as TEN_CASE_FIELD naming each field, so a form can mark them all; the approval of compensation
 * is its own code, TEN_CASE_APPROVAL, because the fix is a person's decision, not a value.
 */
import { allows, type Role } from '../access/roles.ts';
import type { CaseFieldProblem } from '../errors/cases.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { CasesConfig } from './config.ts';
import { fieldError } from './input.ts';
import type { CaseRow } from './record.ts';
import { stageFieldSchemas } from './schemas.ts';
import { STAGE_FIELDS, type StepStage } from './workflow.ts';

type Expected = CaseFieldProblem['expected'];

const shown = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
const problem = (field: string, value: unknown, expected: Expected): CaseFieldProblem => ({
  field,
  value: shown(value),
  expected,
});

/** What a zod schema takes, in words, for the fields whose schema says nothing better. */
const EXPECTED: Record<keyof typeof stageFieldSchemas | string, Expected> = {
  root_cause: { en: 'a root cause of the taxonomy', 'zh-CN': '根因分类中的一项' },
  severity: { en: 'one of low, medium, high, critical', 'zh-CN': 'low、medium、high、critical 之一' },
  company_at_fault: { en: 'true or false', 'zh-CN': 'true 或 false' },
  action_plan: { en: 'the action plan, 1 to 4000 characters', 'zh-CN': '处理方案，1 至 4000 个字符' },
  compensation_kind: {
    en: 'one of refund, credit, discount, gift, free_service, other',
    'zh-CN': 'refund、credit、discount、gift、free_service、other 之一',
  },
  compensation_amount: { en: 'an amount of 0 or more', 'zh-CN': '不小于 0 的金额' },
  approved_by: { en: 'the username of the approver', 'zh-CN': '审批人的用户名' },
  actions_done: { en: 'what was done, 1 to 4000 characters', 'zh-CN': '已采取的措施，1 至 4000 个字符' },
  compensation_granted: { en: 'an amount of 0 or more', 'zh-CN': '不小于 0 的金额' },
  contacted: { en: 'true or false', 'zh-CN': 'true 或 false' },
  satisfied: { en: 'true or false', 'zh-CN': 'true 或 false' },
  csat: { en: 'a whole number from 1 to 5', 'zh-CN': '1 至 5 的整数' },
  outcome: {
    en: 'one of saved, lost, no_contact, not_worth_retaining',
    'zh-CN': 'saved、lost、no_contact、not_worth_retaining 之一',
  },
};
const expectedOf = (field: string): Expected => EXPECTED[field] ?? { en: 'a valid value', 'zh-CN': '有效的值' };

/**
 * Given fields through their schemas: a name outside `allowed` or a bad value is a problem naming it.
 * @example parseFields({ csat: 7 }, ['contacted', 'csat'], problems) // problems: csat, a whole number from 1 to 5
 */
export function parseFields(
  given: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  problems: CaseFieldProblem[],
  schemas: Readonly<
    Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>
  > = stageFieldSchemas,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!allowed.includes(field)) {
      problems.push(
        problem(field, value, {
          en: allowed.length ? `not a field here; the fields are ${allowed.join(', ')}` : 'no field is taken here',
          'zh-CN': allowed.length ? `此处没有该字段；可用字段为 ${allowed.join('、')}` : '此处不接受任何字段',
        }),
      );
      continue;
    }
    const r = schemas[field]?.safeParse(value);
    if (r?.success) out[field] = r.data;
    else problems.push(problem(field, value, expectedOf(field)));
  }
  return out;
}

/** A rule of one step: the field it is about and, when the case breaks it, what the field must be. */
interface StepRule {
  step: StepStage;
  field: string;
  broken(c: CaseRow, cfg: CasesConfig): Expected | null;
}

const isSet = (v: unknown) => v !== null && v !== undefined;
const proposed = (c: CaseRow) => c.compensation_amount ?? 0;

const rules: readonly StepRule[] = [
  // Every step's own findings: what the handbook asks the step to record.
  ...(Object.keys(STAGE_FIELDS) as StepStage[]).flatMap((step) =>
    STAGE_FIELDS[step].required.map(
      (field): StepRule => ({
        step,
        field,
        broken: (c) => (isSet(c[field as keyof CaseRow]) ? null : expectedOf(field)),
      }),
    ),
  ),
  // The taxonomy is the workspace's: metrics break down by it, so a term outside it would be a category of one.
  {
    step: 'diagnosed',
    field: 'root_cause',
    broken: (c, cfg) =>
      !isSet(c.root_cause) || cfg.root_causes.includes(c.root_cause as string)
        ? null
        : { en: `one of ${cfg.root_causes.join(', ')}`, 'zh-CN': `以下之一：${cfg.root_causes.join('、')}` },
  },
  // An amount without its kind cannot be paid out: the plan names what the customer gets.
  {
    step: 'planned',
    field: 'compensation_kind',
    broken: (c) =>
      proposed(c) > 0 && !isSet(c.compensation_kind)
        ? { en: 'the kind of the proposed compensation', 'zh-CN': '拟议补偿的类型' }
        : null,
  },
  // Compensation proposed is compensation to account for: what was granted is recorded, 0 when nothing was.
  {
    step: 'following_up',
    field: 'compensation_granted',
    broken: (c) =>
      proposed(c) > 0 && !isSet(c.compensation_granted)
        ? { en: `the compensation granted, at most ${proposed(c)}`, 'zh-CN': `实际给予的补偿，不超过 ${proposed(c)}` }
        : null,
  },
  // What was approved bounds what is paid: more needs a new plan (and its approval).
  {
    step: 'following_up',
    field: 'compensation_granted',
    broken: (c) =>
      (c.compensation_granted ?? 0) > proposed(c)
        ? { en: `at most the ${proposed(c)} planned`, 'zh-CN': `不超过方案中的 ${proposed(c)}` }
        : null,
  },
  // A customer who was reached says whether they are satisfied, and the CSAT the follow-up asked for.
  ...(['satisfied', 'csat'] as const).map(
    (field): StepRule => ({
      step: 'closed',
      field,
      broken: (c) => (c.contacted === true && !isSet(c[field]) ? expectedOf(field) : null),
    }),
  ),
  // The save rate and MRR saved count retention cases by outcome: one without it would be counted nowhere.
  {
    step: 'closed',
    field: 'outcome',
    broken: (c) => (c.kind === 'retention' && !isSet(c.outcome) ? expectedOf('outcome') : null),
  },
  {
    step: 'closed',
    field: 'outcome',
    broken: (c) =>
      c.outcome === 'no_contact' && c.contacted === true
        ? { en: 'not no_contact when the customer was contacted', 'zh-CN': '已联系客户时不能为 no_contact' }
        : null,
  },
];

/**
 * Check a case as it would be after a write against the rules of `steps` (each a step it holds); throw
 * TEN_CASE_FIELD with every problem, parse problems first, then TEN_CASE_APPROVAL.
 */
export async function checkSteps(
  ws: Workspace,
  c: CaseRow,
  steps: readonly StepStage[],
  stage: string,
  problems: CaseFieldProblem[],
): Promise<void> {
  const cfg = ws.config.cases;
  const seen = new Set(problems.map((p) => p.field));
  for (const r of rules) {
    if (!steps.includes(r.step) || seen.has(r.field)) continue;
    const expected = r.broken(c, cfg);
    if (expected) {
      problems.push(problem(r.field, c[r.field as keyof CaseRow], expected));
      seen.add(r.field);
    }
  }
  if (problems.length) throw fieldError(c.case_id, stage, problems);
  if (steps.includes('planned')) await checkApproval(ws, c, cfg);
}

/** Compensation above the configured limit needs an approver who is a user with the approver role. */
async function checkApproval(ws: Workspace, c: CaseRow, cfg: CasesConfig): Promise<void> {
  const amount = proposed(c);
  if (amount <= cfg.approval_limit) return;
  const args = { id: c.case_id, amount, limit: cfg.approval_limit, approver: c.approved_by, role: cfg.approver_role };
  if (!c.approved_by) throw tenureError('TEN_CASE_APPROVAL', args);
  const [u] = await ws.db.all<{ role: Role }>(sql`SELECT role FROM users WHERE username = ${c.approved_by}`);
  if (!u || !allows(u.role, cfg.approver_role)) throw tenureError('TEN_CASE_APPROVAL', args);
}
