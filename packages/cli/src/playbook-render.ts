/**
 * How `tenure playbooks` prints playbooks and runs for people, in English or 简体中文: case words from core's
 * presentation layer, the CLI's own words here. `--json` prints the core objects as they are.
 */
import type { Playbook, PlaybookRunResult, Trigger } from '@tenure/core';
import { caseKindLabels, casePriorityLabels, fill, type Lang, type Text } from '@tenure/core/present';
import { table } from './output.ts';

const words = {
  saved: {
    en: 'Playbook {id} is at version {version} ({state}).',
    'zh-CN': '剧本 {id} 当前为版本 {version}（{state}）。',
  },
  on: { en: 'on', 'zh-CN': '已启用' },
  off: { en: 'off', 'zh-CN': '已停用' },
  deleted: { en: 'Playbook {id} deleted.', 'zh-CN': '剧本 {id} 已删除。' },
  none: { en: 'No playbooks yet.', 'zh-CN': '还没有剧本。' },
  head: {
    en: ['playbook', 'name', 'trigger', 'case', 'owner', 'state', 'version'],
    'zh-CN': ['剧本', '名称', '触发条件', '案例', '负责人', '状态', '版本'],
  },
  run: {
    en: '{mode}{matched} customer(s) matched, {created} case(s) {opened}; skipped: {open} with an open case from this playbook, {malicious} malicious churner(s), {credit} credit risk(s). {ms} ms.',
    'zh-CN':
      '{mode}匹配 {matched} 位客户，{opened} {created} 个案例；跳过：{open} 位已有本剧本的未结案例，{malicious} 位恶意流失客户，{credit} 位信用风险客户。用时 {ms} 毫秒。',
  },
  opened: { en: 'opened', 'zh-CN': '新建' },
  wouldOpen: { en: 'would be opened', 'zh-CN': '将新建' },
  dry: { en: 'Dry run: ', 'zh-CN': '试运行：' },
  checklist: { en: 'Checklist', 'zh-CN': '步骤' },
  due: { en: 'due in {n} day(s)', 'zh-CN': '{n} 天内解决' },
} as const;

const say = (t: Text, lang: Lang, vars: Record<string, string | number> = {}) => fill(t[lang], vars);

const tierWords: Record<string, Text> = {
  low: { en: 'low', 'zh-CN': '低' },
  medium: { en: 'medium', 'zh-CN': '中' },
  high: { en: 'high', 'zh-CN': '高' },
  critical: { en: 'critical', 'zh-CN': '极高' },
};

/** A trigger in words. */
export function triggerText(t: Trigger, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (t.kind) {
    case 'risk_tier': {
      const tier = tierWords[t.tier]?.[lang] ?? t.tier;
      return zh ? `进入“${tier}”及以上风险等级` : `entered the ${tier} risk tier or above`;
    }
    case 'alert_rule':
      return zh ? `预警规则 ${t.rule}` : `alert rule ${t.rule}`;
    case 'nps_detractor':
      return zh ? `${t.within_days} 天内的 NPS 贬损者（0–6 分）` : `NPS detractor (0–6) within ${t.within_days} days`;
    case 'failed_payment':
      return zh ? `${t.within_days} 天内扣款失败` : `failed payment within ${t.within_days} days`;
    case 'complaint_past_sla':
      return zh ? '投诉超过 SLA' : 'complaint past its SLA';
    case 'filter':
      return zh ? `客户筛选 ${t.filter.join('，')}` : `customers where ${t.filter.join(', ')}`;
    case 'survey_answer': {
      const of = t.survey ? (zh ? `问卷 ${t.survey} 的` : ` to survey ${t.survey}`) : '';
      return zh
        ? `${of}答卷：NPS ≤ ${t.nps_max} 或 CSAT ≤ ${t.csat_max}`
        : `an answer${of} with NPS ≤ ${t.nps_max} or CSAT ≤ ${t.csat_max}`;
    }
  }
}

const owner = (p: Playbook) => [p.owner_rule.owner, p.owner_rule.team].filter(Boolean).join(' / ');

/** One line after a change: the version and whether it is on. */
export const playbookLine = (p: Playbook, lang: Lang): string =>
  say(words.saved, lang, { id: p.id, version: p.version, state: say(p.enabled ? words.on : words.off, lang) });

export const deletedLine = (id: string, lang: Lang): string => say(words.deleted, lang, { id });

/** Every playbook as a table. */
export function playbookTable(list: Playbook[], lang: Lang): string {
  if (!list.length) return say(words.none, lang);
  return table(
    [...words.head[lang]],
    list.map((p) => [
      p.id,
      p.name[lang],
      triggerText(p.trigger, lang),
      `${caseKindLabels[p.template.kind][lang]} · ${casePriorityLabels[p.template.priority][lang]}`,
      owner(p),
      say(p.enabled ? words.on : words.off, lang),
      p.version,
    ]),
  );
}

/** One playbook in full. */
export function playbookDetail(p: Playbook, lang: Lang): string {
  const t = p.template;
  const lines = [
    `${p.id} — ${p.name[lang]} (${say(p.enabled ? words.on : words.off, lang)}, v${p.version})`,
    `${words.head[lang][2]}: ${triggerText(p.trigger, lang)}`,
    `${words.head[lang][3]}: ${caseKindLabels[t.kind][lang]} · ${casePriorityLabels[t.priority][lang]} · ${t.subject[lang]}${t.due_in_days ? ` · ${say(words.due, lang, { n: t.due_in_days })}` : ''}`,
    ...(t.description ? [t.description[lang]] : []),
    ...(t.checklist.length
      ? [`${words.checklist[lang]}:`, ...t.checklist.map((s, i) => `  ${i + 1}. ${s[lang]}`)]
      : []),
    ...(owner(p) ? [`${words.head[lang][4]}: ${owner(p)}`] : []),
  ];
  return lines.join('\n');
}

/** What a run did. */
export const runSummary = (r: PlaybookRunResult, lang: Lang): string =>
  say(words.run, lang, {
    mode: r.dry_run ? say(words.dry, lang) : '',
    matched: r.matched,
    created: r.created,
    opened: say(r.dry_run ? words.wouldOpen : words.opened, lang),
    open: r.skipped.open_case,
    malicious: r.skipped.malicious,
    credit: r.skipped.credit_risk,
    ms: r.ms,
  });
