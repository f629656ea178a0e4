import { def, q, quote } from './define.ts';

/** One problem with a playbook definition: where in it (`trigger.tier`), the value given, and what it takes. */
export interface PlaybookProblem {
  path: string;
  value: string;
  allowed: { en: string; 'zh-CN': string };
}

const at = (p: PlaybookProblem) => p.path || '(top)';
const atZh = (p: PlaybookProblem) => p.path || '（顶层）';

const list = (known: readonly string[]) => (known.length ? known.join(', ') : '—');
const listZh = (known: readonly string[]) => (known.length ? known.join('、') : '无');

/**
 * Playbooks (playbooks/): a definition that does not fit, or names what the workspace does not have. The
 * hints speak of the playbook's own parts (trigger, template, owner rule), never a shell's flag or control.
 */
export const playbookCodes = {
  TEN_PLAYBOOK_INVALID: def<{ id: string | null; playbookProblems: PlaybookProblem[] }>(
    422,
    {
      en: (a) =>
        `Playbook${a.id ? ` ${quote(a.id)}` : ''} is not valid: ${a.playbookProblems.map((p) => `${at(p)} takes ${p.allowed.en}${p.value ? `, not ${quote(p.value)}` : ''}`).join('; ')}`,
      'zh-CN': (a) =>
        `剧本${a.id ? ` ${q(a.id)} ` : ''}无效：${a.playbookProblems.map((p) => `${atZh(p)} 应为${p.allowed['zh-CN']}${p.value ? `，而非 ${q(p.value)}` : ''}`).join('；')}`,
    },
    {
      en: () =>
        'A playbook needs an id, a name in English and Chinese, a trigger, a case template (kind, priority, subject in both languages) and an owner rule; fix each part named.',
      'zh-CN': () =>
        '剧本须有编号、中英文名称、触发条件、案例模板（类型、优先级、中英文标题）和负责人规则；请逐一修正所列部分。',
    },
  ),
  TEN_PLAYBOOK_UNKNOWN_FIELD: def<{ field: string; known: string[] }>(
    422,
    {
      en: (a) => `The playbook's trigger filters on ${quote(a.field)}, which is not a customer field of this workspace`,
      'zh-CN': (a) => `剧本的触发条件按 ${q(a.field)} 筛选，但该字段不是本工作区的客户字段`,
    },
    {
      en: (a) => `Filter on one of: ${list(a.known)} (the configured dimensions the customers table holds).`,
      'zh-CN': (a) => `请按以下字段之一筛选：${listZh(a.known)}（客户表中已有的已配置维度）。`,
    },
  ),
  TEN_PLAYBOOK_UNKNOWN_RULE: def<{ rule: string; known: string[] }>(
    422,
    {
      en: (a) => `The playbook's trigger names the alert rule ${quote(a.rule)}, which does not exist`,
      'zh-CN': (a) => `剧本的触发条件指定了预警规则 ${q(a.rule)}，但该规则不存在`,
    },
    {
      en: (a) => `Name one of the alert rules: ${list(a.known)}.`,
      'zh-CN': (a) => `请指定以下预警规则之一：${listZh(a.known)}。`,
    },
  ),
  TEN_PLAYBOOK_UNKNOWN_TIER: def<{ tier: string; known: string[] }>(
    422,
    {
      en: (a) => `The playbook's trigger names the risk tier ${quote(a.tier)}, which does not exist`,
      'zh-CN': (a) => `剧本的触发条件指定了风险等级 ${q(a.tier)}，但该等级不存在`,
    },
    {
      en: (a) => `Name one of the risk tiers: ${list(a.known)}.`,
      'zh-CN': (a) => `请指定以下风险等级之一：${listZh(a.known)}。`,
    },
  ),
  TEN_PLAYBOOK_UNKNOWN_TEAM: def<{ team: string }>(
    422,
    {
      en: (a) => `The playbook's owner rule names the team ${quote(a.team)}, which does not exist`,
      'zh-CN': (a) => `剧本的负责人规则指定了团队 ${q(a.team)}，但该团队不存在`,
    },
    {
      en: () => 'Name an existing team, or leave the team out; an admin creates teams.',
      'zh-CN': () => '请指定已有的团队，或不指定团队；团队由管理员创建。',
    },
  ),
  TEN_PLAYBOOK_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no playbook ${quote(a.id)}`, 'zh-CN': (a) => `没有剧本 ${q(a.id)}` },
    {
      en: () => 'Check the playbook id; the list of playbooks shows every one with its id.',
      'zh-CN': () => '请检查剧本编号；剧本列表显示每个剧本及其编号。',
    },
  ),
  TEN_PLAYBOOK_EXISTS: def<{ id: string; current: number }>(
    409,
    {
      en: (a) => `The playbook ${quote(a.id)} exists already (version ${a.current})`,
      'zh-CN': (a) => `剧本 ${q(a.id)} 已存在（版本 ${a.current}）`,
    },
    {
      en: (a) =>
        `To change it, send the version you read (${a.current}) with it; to add a new one, give it another id.`,
      'zh-CN': (a) => `如要修改，请一并提交所读取的版本（${a.current}）；如要新建，请换一个编号。`,
    },
  ),
  TEN_PLAYBOOK_STALE: def<{ id: string; expected: number; current: number }>(
    409,
    {
      en: (a) => `Playbook ${quote(a.id)} changed meanwhile: it is at version ${a.current}, not ${a.expected}`,
      'zh-CN': (a) => `剧本 ${q(a.id)} 已被他人修改：当前版本为 ${a.current}，而非 ${a.expected}`,
    },
    {
      en: (a) =>
        `Read the playbook again (version ${a.current}), check what changed, and repeat the change if it still applies.`,
      'zh-CN': (a) => `请重新读取该剧本（版本 ${a.current}），查看改动后，如仍需要再重新提交。`,
    },
  ),
} as const;
