import { def, q, quote } from './define.ts';
import type { PlaybookProblem } from './playbooks.ts';

/** One problem with a survey definition: where in it (`questions.2.options`), the value given, what it takes. */
export type SurveyProblem = PlaybookProblem;

const at = (p: SurveyProblem) => p.path || '(top)';
const atZh = (p: SurveyProblem) => p.path || '（顶层）';
const list = (known: readonly string[]) => (known.length ? known.join(', ') : '—');
const listZh = (known: readonly string[]) => (known.length ? known.join('、') : '无');

/**
 * Surveys (surveys/): definitions that do not fit, and the public answer links. A link's refusals say only
 * what a respondent can act on (it expired, it was used, it is not a link of ours): never whose link it was.
 * The hints speak of the survey's own parts, never a shell's flag or control.
 */
export const surveyCodes = {
  TEN_SURVEY_INVALID: def<{ id: string | null; surveyProblems: SurveyProblem[] }>(
    422,
    {
      en: (a) =>
        `Survey${a.id ? ` ${quote(a.id)}` : ''} is not valid: ${a.surveyProblems.map((p) => `${at(p)} takes ${p.allowed.en}${p.value ? `, not ${quote(p.value)}` : ''}`).join('; ')}`,
      'zh-CN': (a) =>
        `问卷${a.id ? ` ${q(a.id)} ` : ''}无效：${a.surveyProblems.map((p) => `${atZh(p)} 应为${p.allowed['zh-CN']}${p.value ? `，而非 ${q(p.value)}` : ''}`).join('；')}`,
    },
    {
      en: () =>
        'A survey needs an id, a kind, a title in English and Chinese and at least one question (id, type, text in both languages; options for a choice); nps, csat, ces and employee surveys need a main scale question. Fix each part named.',
      'zh-CN': () =>
        '问卷须有编号、类型、中英文标题和至少一道题（编号、题型、中英文题干；选择题须有选项）；NPS、CSAT、CES 和员工问卷须有一道主评分题。请逐一修正所列部分。',
    },
  ),
  TEN_SURVEY_NOT_FOUND: def<{ id: string; version?: number }>(
    404,
    {
      en: (a) => `There is no survey ${quote(a.id)}${a.version ? ` at version ${a.version}` : ''}`,
      'zh-CN': (a) => `没有问卷 ${q(a.id)}${a.version ? `（版本 ${a.version}）` : ''}`,
    },
    {
      en: () => 'Check the survey id (and version); the list of surveys shows every one with its id.',
      'zh-CN': () => '请检查问卷编号（及版本）；问卷列表显示每份问卷及其编号。',
    },
  ),
  TEN_SURVEY_EXISTS: def<{ id: string; current: number }>(
    409,
    {
      en: (a) => `The survey ${quote(a.id)} exists already (version ${a.current})`,
      'zh-CN': (a) => `问卷 ${q(a.id)} 已存在（版本 ${a.current}）`,
    },
    {
      en: (a) =>
        `To change it, send the version you read (${a.current}) with it; to add a new one, give it another id.`,
      'zh-CN': (a) => `如要修改，请一并提交所读取的版本（${a.current}）；如要新建，请换一个编号。`,
    },
  ),
  TEN_SURVEY_STALE: def<{ id: string; expected: number; current: number }>(
    409,
    {
      en: (a) => `Survey ${quote(a.id)} changed meanwhile: it is at version ${a.current}, not ${a.expected}`,
      'zh-CN': (a) => `问卷 ${q(a.id)} 已被他人修改：当前版本为 ${a.current}，而非 ${a.expected}`,
    },
    {
      en: (a) =>
        `Read the survey again (version ${a.current}), check what changed, and repeat the change if it still applies.`,
      'zh-CN': (a) => `请重新读取该问卷（版本 ${a.current}），查看改动后，如仍需要再重新提交。`,
    },
  ),
  TEN_SURVEY_IN_USE: def<{ id: string; answers: number }>(
    409,
    {
      en: (a) => `Survey ${quote(a.id)} has ${a.answers} answers and cannot be removed`,
      'zh-CN': (a) => `问卷 ${q(a.id)} 已有 ${a.answers} 份答卷，不能删除`,
    },
    {
      en: () => 'Answers keep the survey they answered; change the survey instead (a new version), or stop sending it.',
      'zh-CN': () => '答卷须保留其所答的问卷；请改为修改问卷（生成新版本），或停止发送。',
    },
  ),
  TEN_SURVEY_UNKNOWN_FIELD: def<{ field: string; known: string[] }>(
    422,
    {
      en: (a) => `The survey's segment filters on ${quote(a.field)}, which is not a customer field of this workspace`,
      'zh-CN': (a) => `问卷的发送对象按 ${q(a.field)} 筛选，但该字段不是本工作区的客户字段`,
    },
    {
      en: (a) => `Filter on one of: ${list(a.known)} (the configured dimensions the customers table holds).`,
      'zh-CN': (a) => `请按以下字段之一筛选：${listZh(a.known)}（客户表中已有的已配置维度）。`,
    },
  ),
  TEN_SURVEY_WEBHOOK_SECRET: def<{ env: string }>(
    422,
    {
      en: (a) => `The environment variable ${a.env} holding the webhook secret is not set; no link was made`,
      'zh-CN': (a) => `保存 Webhook 密钥的环境变量 ${a.env} 未设置；未生成任何链接`,
    },
    {
      en: (a) =>
        `Set ${a.env} where Tenure runs (the receiver checks each request's signature with it), then send again.`,
      'zh-CN': (a) => `请在运行 Tenure 的环境中设置 ${a.env}（接收方用它校验每个请求的签名），然后重新发送。`,
    },
  ),
  TEN_SURVEY_UNKNOWN_RESPONDENT: def<{ kind: 'customer' | 'employee'; ids: string[]; count: number }>(
    422,
    {
      en: (a) =>
        `${a.count} respondents are no ${a.kind === 'customer' ? 'customer' : 'user'} of this workspace: ${a.ids.join(', ')}${a.count > a.ids.length ? ', …' : ''}; no link was made`,
      'zh-CN': (a) =>
        `${a.count} 位受访者不是本工作区的${a.kind === 'customer' ? '客户' : '用户'}：${a.ids.join('、')}${a.count > a.ids.length ? '等' : ''}；未生成任何链接`,
    },
    {
      en: (a) =>
        a.kind === 'customer'
          ? 'Name customers by their customer id, or import them first.'
          : 'Employees are named by their username; add the users first.',
      'zh-CN': (a) =>
        a.kind === 'customer' ? '请用客户编号指定客户，或先导入这些客户。' : '员工以用户名指定；请先添加这些用户。',
    },
  ),
  TEN_SURVEY_LINK_UNKNOWN: def<Record<string, never>>(
    404,
    { en: () => 'This survey link is not valid', 'zh-CN': () => '此问卷链接无效' },
    {
      en: () => 'Open the link exactly as it was sent to you; a link cut short or changed does not open the survey.',
      'zh-CN': () => '请完整打开发给您的链接；被截断或改动的链接无法打开问卷。',
    },
  ),
  TEN_SURVEY_LINK_EXPIRED: def<{ expired_at: string }>(
    410,
    {
      en: (a) => `This survey link expired on ${a.expired_at.slice(0, 10)}`,
      'zh-CN': (a) => `此问卷链接已于 ${a.expired_at.slice(0, 10)} 过期`,
    },
    {
      en: () => 'Links are valid for a limited time; ask whoever sent it for a new one.',
      'zh-CN': () => '链接在有限时间内有效；请联系发送方获取新链接。',
    },
  ),
  TEN_SURVEY_LINK_USED: def<Record<string, never>>(
    409,
    { en: () => 'This survey has been answered already with this link', 'zh-CN': () => '此链接的问卷已经提交过' },
    {
      en: () => 'Each link takes one answer; the first one is kept. Thank you.',
      'zh-CN': () => '每个链接只能提交一次，已保留第一次的答卷。谢谢。',
    },
  ),
  TEN_SURVEY_ANSWER_INVALID: def<{ question: string; problem: { en: string; 'zh-CN': string } }>(
    422,
    {
      en: (a) => `The answer to question ${quote(a.question)} is not valid: ${a.problem.en}`,
      'zh-CN': (a) => `第 ${q(a.question)} 题的回答无效：${a.problem['zh-CN']}`,
    },
    {
      en: () => 'Correct that answer and send again; nothing was stored.',
      'zh-CN': () => '请修改该题的回答后重新提交；本次未保存任何内容。',
    },
  ),
  TEN_SURVEY_ANSWER_TOO_LARGE: def<{ limit: string }>(
    413,
    { en: (a) => `The answer is too long: at most ${a.limit}`, 'zh-CN': (a) => `答卷过长：最多 ${a.limit}` },
    {
      en: () => 'Shorten the written answers and send again; nothing was stored.',
      'zh-CN': () => '请缩短文字回答后重新提交；本次未保存任何内容。',
    },
  ),
  TEN_SURVEY_THROTTLED: def<{ seconds: number }>(
    429,
    {
      en: (a) => `Too many answers from this address; try again in ${a.seconds} s`,
      'zh-CN': (a) => `此地址提交的答卷过多，请 ${a.seconds} 秒后重试`,
    },
    {
      en: () => 'Wait the time given, then send the answer again; it has not been stored yet.',
      'zh-CN': () => '请等待所示时间后重新提交；本次答卷尚未保存。',
    },
  ),
} as const;
