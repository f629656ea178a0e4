import { def, q, quote } from './define.ts';

/**
 * Teams, their members, and who may own a case of a team (cases/teams.ts). Hints say what to do in the terms of
 * teams and members, never a shell's flag or control.
 */
export const teamCodes = {
  TEN_TEAM_EXISTS: def<{ team: string }>(
    409,
    { en: (a) => `The team ${quote(a.team)} exists already`, 'zh-CN': (a) => `团队 ${q(a.team)} 已存在` },
    {
      en: () => 'Give the new team another id, or change the labels of the existing one.',
      'zh-CN': () => '请为新团队换一个编号，或修改已有团队的名称。',
    },
  ),
  TEN_TEAM_NOT_FOUND: def<{ team: string }>(
    404,
    { en: (a) => `There is no team ${quote(a.team)}`, 'zh-CN': (a) => `没有团队 ${q(a.team)}` },
    {
      en: () => 'Check the team id; the list of teams shows every team with its id.',
      'zh-CN': () => '请检查团队编号；团队列表显示每个团队及其编号。',
    },
  ),
  TEN_TEAM_IN_USE: def<{ team: string; open: number }>(
    409,
    {
      en: (a) => `The team ${quote(a.team)} still has ${a.open} open case(s)`,
      'zh-CN': (a) => `团队 ${q(a.team)} 仍有 ${a.open} 个未结案例`,
    },
    {
      en: () => "Assign the team's open cases to another team first, then delete it.",
      'zh-CN': () => '请先把该团队的未结案例分配给其他团队，再删除它。',
    },
  ),
  TEN_TEAM_UNKNOWN_USER: def<{ username: string }>(
    422,
    {
      en: (a) => `There is no user ${quote(a.username)} to add to the team`,
      'zh-CN': (a) => `没有用户 ${q(a.username)}，无法加入团队`,
    },
    {
      en: () => 'Add only existing users to a team; an admin adds users.',
      'zh-CN': () => '只能把已有用户加入团队；用户由管理员添加。',
    },
  ),
  TEN_CASE_UNKNOWN_TEAM: def<{ team: string; known: string[] }>(
    422,
    {
      en: (a) => `There is no team ${quote(a.team)} to take the case`,
      'zh-CN': (a) => `没有团队 ${q(a.team)}，无法由其处理该案例`,
    },
    {
      en: (a) =>
        a.known.length
          ? `Give the case to one of the teams: ${a.known.join(', ')}; an admin adds teams.`
          : 'There are no teams yet: an admin adds them, or give the case to an owner alone.',
      'zh-CN': (a) =>
        a.known.length
          ? `请将案例分配给以下团队之一：${a.known.join('、')}；团队由管理员添加。`
          : '尚无团队：请管理员先添加团队，或只指定负责人。',
    },
  ),
  TEN_CASE_OWNER_NOT_IN_TEAM: def<{ owner: string; team: string }>(
    422,
    {
      en: (a) => `${quote(a.owner)} is not a member of the team ${quote(a.team)}, so cannot own its case`,
      'zh-CN': (a) => `${q(a.owner)} 不是团队 ${q(a.team)} 的成员，不能负责该团队的案例`,
    },
    {
      en: () =>
        "Give the case to a member of the team, give it to a team of the owner's too, or add the owner to the team.",
      'zh-CN': () => '请将案例交给该团队的成员，或同时改为负责人所在的团队，或先把负责人加入该团队。',
    },
  ),
  TEN_CASE_NEEDS_USER: def<{ actor: string }>(
    422,
    {
      en: (a) => `"Mine" and "my team" are a user's cases, and ${quote(a.actor)} is not a user`,
      'zh-CN': (a) => `“我的”和“我的团队”指某个用户的案例，而 ${q(a.actor)} 不是用户`,
    },
    {
      en: () => 'Act as a user of the workspace (sign in as one), or filter by owner or team instead.',
      'zh-CN': () => '请以工作区用户的身份操作（以该用户登录），或改为按负责人或团队筛选。',
    },
  ),
} as const;
