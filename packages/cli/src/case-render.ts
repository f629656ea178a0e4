/**
 * How `tenure cases` prints a case, a page of cases and a case's history for people, in English or 简体中文:
 * stage, kind, priority and root-cause words from core's presentation layer, the CLI's own words here.
 * `--json` prints the core objects as they are.
 */
import type { CaseDetail, CaseListRow, CaseRow, Page, SlaCheck } from '@tenure/core';
import {
  caseKindLabels,
  caseOutcomeLabels,
  casePriorityLabels,
  caseSeverityLabels,
  caseStageLabels,
  compensationKindLabels,
  fill,
  type Lang,
  rootCauseLabel,
  type Text,
} from '@tenure/core/present';
import { table } from './output.ts';

const words = {
  now: { en: 'Case {id} is {stage} (version {version}).', 'zh-CN': '案例 {id} 当前处于“{stage}”（版本 {version}）。' },
  none: { en: 'No cases match.', 'zh-CN': '没有符合条件的案例。' },
  page: { en: '{total} case(s), page {page} of {pages}', 'zh-CN': '共 {total} 个案例，第 {page}/{pages} 页' },
  head: {
    en: ['case', 'stage', 'kind', 'priority', 'customer', 'owner', 'subject', 'due', 'updated'],
    'zh-CN': ['案例', '阶段', '类型', '优先级', '客户', '负责人', '主题', '截止时间', '更新时间'],
  },
  overdue: { en: 'overdue', 'zh-CN': '已超时' },
  sla: {
    en: 'SLA {policy}: first response due {first} {firstState}, resolution due {resolution} {resolutionState}',
    'zh-CN': 'SLA {policy}：首次响应截止 {first} {firstState}，解决截止 {resolution} {resolutionState}',
  },
  met: { en: '(met)', 'zh-CN': '（已达成）' },
  breached: { en: '(breached)', 'zh-CN': '（已违约）' },
  checked: {
    en: '{n} new SLA breach(es) of open cases, {alerted} alerted.',
    'zh-CN': '未结案例新增 {n} 项 SLA 违约，已发出 {alerted} 条预警。',
  },
  breach: {
    en: { first_response: 'first response due {due}', resolution: 'resolution due {due}' },
    'zh-CN': { first_response: '首次响应截止 {due}', resolution: '解决截止 {due}' },
  },
  history: { en: 'History', 'zh-CN': '处理记录' },
  reopened: { en: 'reopened {n} time(s)', 'zh-CN': '重开 {n} 次' },
  escalated: { en: 'Ticket {ticket} escalated: case {id} opened.', 'zh-CN': '工单 {ticket} 已升级：已创建案例 {id}。' },
  escalatedBefore: {
    en: 'Ticket {ticket} was escalated before: it is case {id} ({stage}); nothing was written.',
    'zh-CN': '工单 {ticket} 此前已升级：即案例 {id}（“{stage}”）；未写入任何内容。',
  },
} as const;

const say = (t: Text, lang: Lang, vars: Record<string, string | number> = {}) => fill(t[lang], vars);
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** One line after a write: where the case is now. */
export const caseLine = (c: CaseRow, lang: Lang): string =>
  say(words.now, lang, { id: c.case_id, stage: caseStageLabels[c.stage][lang], version: c.version });

/** What an escalation did: a case opened, or the one a ticket was escalated into before. */
export const escalationLine = (ticket: string, e: { case: CaseRow; created: boolean }, lang: Lang): string =>
  say(e.created ? words.escalated : words.escalatedBefore, lang, {
    ticket,
    id: e.case.case_id,
    stage: caseStageLabels[e.case.stage][lang],
  });

/** A page of cases as a table. */
export function caseTable(p: Page<CaseListRow>, lang: Lang): string {
  if (!p.total) return words.none[lang];
  const rows = p.rows.map((c) => [
    c.case_id,
    caseStageLabels[c.stage][lang],
    caseKindLabels[c.kind][lang],
    casePriorityLabels[c.priority][lang],
    c.customer_id,
    c.owner ?? '',
    c.subject,
    `${time(c.next_due)}${c.overdue ? ` ${words.overdue[lang]}` : ''}`,
    time(c.updated_at),
  ]);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return `${say(words.page, lang, { total: p.total, page: p.page, pages })}\n\n${table([...words.head[lang]], rows)}`;
}

/** A case's fields by step (those it holds), then its history newest first. */
export function caseDetail(d: CaseDetail, lang: Lang, terms: Readonly<Record<string, Text>>): string {
  const c = d.case;
  const shown = (field: keyof CaseRow): string | null => {
    const v = c[field];
    if (v === null) return null;
    if (field === 'root_cause') return rootCauseLabel(lang, String(v), terms);
    if (field === 'outcome') return caseOutcomeLabels[v as keyof typeof caseOutcomeLabels][lang];
    if (field === 'severity') return caseSeverityLabels[v as keyof typeof caseSeverityLabels][lang];
    if (field === 'compensation_kind') return compensationKindLabels[v as keyof typeof compensationKindLabels][lang];
    return String(v);
  };
  const head = [
    `${c.case_id}  ${c.subject}`,
    `${caseKindLabels[c.kind][lang]} · ${caseStageLabels[c.stage][lang]} · ${casePriorityLabels[c.priority][lang]} · ${c.customer_id}${c.owner ? ` · ${c.owner}` : ''}${c.team ? ` (${c.team})` : ''}${c.reopen_count ? ` · ${say(words.reopened, lang, { n: c.reopen_count })}` : ''}`,
  ];
  if (c.sla_policy) {
    const state = (breached: boolean, met: string | null) =>
      breached ? words.breached[lang] : met ? words.met[lang] : '';
    head.push(
      say(words.sla, lang, {
        policy: c.sla_policy,
        first: time(c.first_response_due),
        firstState: state(c.first_response_breached, c.first_response_at),
        resolution: time(c.resolution_due),
        resolutionState: state(c.resolution_breached, c.closed_at),
      }),
    );
  }
  const fields = (
    [
      'description',
      'root_cause',
      'severity',
      'company_at_fault',
      'action_plan',
      'compensation_kind',
      'compensation_amount',
      'approved_by',
      'actions_done',
      'compensation_granted',
      'contacted',
      'satisfied',
      'csat',
      'outcome',
    ] as const
  )
    .map((f) => [f, shown(f)] as const)
    .filter(([, v]) => v !== null)
    .map(([f, v]) => `  ${f}: ${v}`);
  const history = d.events.map((e) => {
    const move = e.to_stage && e.action !== 'created' ? ` ${e.from_stage ?? ''} → ${e.to_stage}` : '';
    const changed = Object.keys(e.fields).filter(
      (k) => !['stage', 'stage_at', 'closed_at', 'first_response_at'].includes(k),
    );
    return `  v${e.version}  ${time(e.at)}  ${e.actor}  ${e.action}${move}${changed.length && e.action !== 'created' ? `  [${changed.join(', ')}]` : ''}${e.note ? `\n        ${e.note}` : ''}`;
  });
  return [...head, ...(fields.length ? ['', ...fields] : []), '', `${words.history[lang]}:`, ...history].join('\n');
}

/** What an SLA check found: the new breaches of open cases and how many were alerted. */
export function slaCheckText(r: SlaCheck, lang: Lang): string {
  const lines = r.breaches.map(
    (b) => `  ${b.case_id}  ${b.customer_id}  ${fill(words.breach[lang][b.target], { due: time(b.due) })}`,
  );
  return [say(words.checked, lang, { n: r.breaches.length, alerted: r.alerted }), ...lines].join('\n');
}
