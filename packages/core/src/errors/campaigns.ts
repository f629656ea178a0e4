import { def, q, quote } from './define.ts';

const list = (known: readonly string[]) => (known.length ? known.join(', ') : '—');
const listZh = (known: readonly string[]) => (known.length ? known.join('、') : '无');

/**
 * Campaigns as experiments (campaigns/): a design that cannot be drawn or measured. An assignment is stored once
 * and never redrawn, so the codes about an existing campaign say what to do instead of changing it.
 */
export const campaignCodes = {
  TEN_CAMPAIGN_NOT_FOUND: def<{ id: string }>(
    404,
    { en: (a) => `There is no campaign ${quote(a.id)}`, 'zh-CN': (a) => `不存在活动 ${q(a.id)}` },
    {
      en: () => 'Check the campaign id; the list of campaigns shows every campaign with its id.',
      'zh-CN': () => '请检查活动编号；活动列表显示每个活动及其编号。',
    },
  ),
  TEN_CAMPAIGN_EXISTS: def<{ id: string }>(
    409,
    {
      en: (a) => `A campaign ${quote(a.id)} exists already; its assignment is never redrawn`,
      'zh-CN': (a) => `活动 ${q(a.id)} 已存在；其分组一经抽取不再重抽`,
    },
    {
      en: () => 'Give the new design another id; the existing campaign keeps its arms.',
      'zh-CN': () => '请为新设计另取编号；已有活动保持原分组不变。',
    },
  ),
  TEN_CAMPAIGN_EMPTY_TARGET: def<{ target: string; reason: 'none' | 'no_scoring' }>(
    422,
    {
      en: (a) =>
        a.reason === 'no_scoring'
          ? `The target ${a.target} needs a churn scoring, and there is none`
          : `The target ${a.target} matches no active customer`,
      'zh-CN': (a) =>
        a.reason === 'no_scoring'
          ? `目标 ${a.target} 需要流失评分，但尚无评分`
          : `目标 ${a.target} 未匹配到任何活跃客户`,
    },
    {
      en: (a) =>
        a.reason === 'no_scoring'
          ? 'Score the customers first (a churn model fit and scoring), or target a customer filter.'
          : 'Widen the target: another filter, a lower risk tier, or another playbook.',
      'zh-CN': (a) =>
        a.reason === 'no_scoring'
          ? '请先为客户评分（训练流失模型并评分），或改用客户筛选作为目标。'
          : '请放宽目标：换一个筛选条件、更低的风险等级或另一个剧本。',
    },
  ),
  TEN_CAMPAIGN_TARGET: def<{ part: 'tier' | 'field' | 'playbook'; value: string; known: string[] }>(
    422,
    {
      en: (a) => `The campaign's target names the ${a.part} ${quote(a.value)}, which this workspace does not have`,
      'zh-CN': (a) =>
        `活动目标指定的${{ tier: '风险等级', field: '客户字段', playbook: '剧本' }[a.part]} ${q(a.value)} 在本工作区中不存在`,
    },
    {
      en: (a) => `Name one of: ${list(a.known)}.`,
      'zh-CN': (a) => `请指定以下之一：${listZh(a.known)}。`,
    },
  ),
  TEN_CAMPAIGN_CURRENCY: def<{ currency: string; workspace: string }>(
    422,
    {
      en: (a) => `The campaign's costs are in ${a.currency}, the workspace counts in ${a.workspace}`,
      'zh-CN': (a) => `活动成本的币种为 ${a.currency}，而工作区以 ${a.workspace} 计价`,
    },
    {
      en: (a) => `Convert the costs to ${a.workspace} first: ROI compares them with customer values in ${a.workspace}.`,
      'zh-CN': (a) => `请先将成本换算为 ${a.workspace}：投资回报率要与以 ${a.workspace} 计的客户价值相比。`,
    },
  ),
  TEN_CAMPAIGN_STATUS: def<{ id: string; status: string; wanted: 'launch' | 'finish' }>(
    409,
    {
      en: (a) =>
        `Campaign ${quote(a.id)} is ${a.status} and cannot ${a.wanted === 'launch' ? 'be launched' : 'be finished'}`,
      'zh-CN': (a) => `活动 ${q(a.id)} 当前状态为 ${a.status}，无法${a.wanted === 'launch' ? '启动' : '结束'}`,
    },
    {
      en: () => 'Only a draft is launched, and only a launched campaign is finished.',
      'zh-CN': () => '只有草稿可以启动，只有已启动的活动可以结束。',
    },
  ),
  TEN_CAMPAIGN_NOT_LAUNCHED: def<{ id: string }>(
    409,
    {
      en: (a) => `Campaign ${quote(a.id)} is a draft: its outcome window has not started`,
      'zh-CN': (a) => `活动 ${q(a.id)} 仍是草稿：结果观察期尚未开始`,
    },
    {
      en: () => 'Launch it first; before launch, the power calculation tells what it can detect.',
      'zh-CN': () => '请先启动；启动前可用功效计算了解其可检出的效果。',
    },
  ),
  TEN_CAMPAIGN_EMPTY_ARM: def<{ id: string; arm: string }>(
    422,
    {
      en: (a) => `Campaign ${quote(a.id)} has no ${a.arm} member: there is nothing to compare`,
      'zh-CN': (a) => `活动 ${q(a.id)} 的${a.arm === 'control' ? '对照组' : '实验组'}没有成员，无法比较`,
    },
    {
      en: () => 'Import the members of both arms (group treatment and control).',
      'zh-CN': () => '请导入两组的成员（分组为 treatment 与 control）。',
    },
  ),
  TEN_CAMPAIGN_NO_DELIVERY: def<{ id: string }>(
    422,
    {
      en: (a) => `Campaign ${quote(a.id)} records no delivery, so there is no per-protocol view`,
      'zh-CN': (a) => `活动 ${q(a.id)} 没有送达记录，无法给出按方案（per-protocol）分析`,
    },
    {
      en: () =>
        'Record when the treatment reached each treated member (delivered_at), or read the intention-to-treat view.',
      'zh-CN': () => '请记录实验组成员实际接受干预的时间（delivered_at），或查看意向性（ITT）分析。',
    },
  ),
  TEN_CAMPAIGN_TWICE_ASSIGNED: def<{ id: string; customers: number; example: string }>(
    422,
    {
      en: (a) => `Campaign ${quote(a.id)} assigns ${a.customers} customer(s) more than once (e.g. ${quote(a.example)})`,
      'zh-CN': (a) => `活动 ${q(a.id)} 中有 ${a.customers} 位客户被重复分组（例如 ${q(a.example)}）`,
    },
    {
      en: () => 'Keep one row per customer in the campaign members; an assignment is never changed once made.',
      'zh-CN': () => '活动成员中每位客户只保留一行；分组一经确定不再更改。',
    },
  ),
  TEN_CAMPAIGN_POWER_INPUT: def<Record<string, never>>(
    422,
    {
      en: () => 'A power calculation needs either the minimum effect or the planned size',
      'zh-CN': () => '功效计算需要最小效果或计划样本量之一',
    },
    {
      en: () =>
        'Give the minimum effect to get the sample size, or the planned size to get the minimum detectable effect.',
      'zh-CN': () => '给出最小效果可求样本量，给出计划样本量可求最小可检出效果。',
    },
  ),
};
