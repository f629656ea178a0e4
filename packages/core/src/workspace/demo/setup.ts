/**
 * What the demo's operations need beyond its rows: the SLA policy its cases' due times came from (in the
 * config, so cases opened later get due times the same way) and the at-risk playbook its retention cases name
 * (stored, switched on: the next scoring opens cases for customers who enter the high tier, as the demo's own
 * cases were opened). Both are added once: a user's edits to either survive a second `tenure demo`.
 */
import { CASE_KINDS, CASE_PRIORITIES } from '../../cases/workflow.ts';
import { TenureError } from '../../errors.ts';
import { getPlaybook, savePlaybook } from '../../playbooks/store.ts';
import type { Lang } from '../../present/lang.ts';
import type { Workspace } from '../workspace.ts';
import { OPERATIONS_PARAMS } from './params-operations.ts';

const { sla, playbook, texts, lead } = OPERATIONS_PARAMS;

/** The demo policy as config: one entry per kind × priority, all named as the cases' `sla_policy`. */
function demoPolicies() {
  return CASE_KINDS.flatMap((kind) =>
    CASE_PRIORITIES.map((priority) => {
      const [first, resolution] = sla.targets[kind][priority];
      return {
        name: sla.name,
        kind: [kind],
        priority: [priority],
        first_response_hours: first,
        resolution_hours: resolution,
      };
    }),
  );
}

/** Adds the demo's SLA policy to `ws.config` (the caller writes the file) unless a policy of its name exists. */
export function addDemoSla(ws: Workspace): boolean {
  const policies = ws.config.cases.sla.policies;
  if (policies.some((p) => p.name === sla.name)) return false;
  policies.push(...demoPolicies());
  return true;
}

/** Stores the demo's at-risk playbook unless one of its id exists. */
export async function addDemoPlaybook(ws: Workspace, language: Lang): Promise<void> {
  try {
    await getPlaybook(ws, playbook.id);
    return;
  } catch (e) {
    if (!(e instanceof TenureError && e.code === 'TEN_PLAYBOOK_NOT_FOUND')) throw e;
  }
  await savePlaybook(
    ws,
    { name: lead },
    {
      id: playbook.id,
      name: { en: 'At risk: retention call', 'zh-CN': '高风险：挽留回访' },
      language,
      trigger: { kind: 'risk_tier', tier: 'high' },
      template: {
        kind: 'retention',
        priority: playbook.priority,
        subject: { en: texts.retentionSubject, 'zh-CN': '使用量下降：挽留回访' },
        checklist: [
          { en: 'Call the customer', 'zh-CN': '致电客户' },
          { en: 'Offer a loyalty discount where it pays', 'zh-CN': '在值得时提供忠诚折扣' },
          { en: 'Record the outcome', 'zh-CN': '记录结果' },
        ],
        due_in_days: 7,
      },
      owner_rule: { team: 'retention' },
    },
  );
}
