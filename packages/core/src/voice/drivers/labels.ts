/**
 * Human-readable names of drivers: a topic's label (voice_topics), a survey answer as "question: option" or
 * "question: band" in both languages, root causes by the case taxonomy's labels (as the cases pages word them),
 * ticket categories as written (they are the user's own words, with no label table).
 */
import type { DriverSource } from '../../api/voice-drivers.ts';
import type { Connection } from '../../engine/engine.ts';
import { rootCauseLabel } from '../../present/case-labels.ts';
import type { Text } from '../../present/text.ts';
import { sql } from '../../sql/sql.ts';
import type { SurveyDefinition } from './survey-definition.ts';

const BAND_TEXT: Record<string, Text> = {
  detractor: { en: 'detractor (0–6)', 'zh-CN': '贬损者（0–6）' },
  passive: { en: 'passive (7–8)', 'zh-CN': '被动者（7–8）' },
  promoter: { en: 'promoter (9–10)', 'zh-CN': '推荐者（9–10）' },
  low: { en: 'low (1–2)', 'zh-CN': '低（1–2）' },
  neutral: { en: 'neutral (3)', 'zh-CN': '中（3）' },
  high: { en: 'high (4–5)', 'zh-CN': '高（4–5）' },
};

/** Labels keyed `source \0 key`, for the drivers found. */
export async function driverLabels(
  conn: Connection,
  defs: SurveyDefinition[],
  found: readonly { source: DriverSource; key: string }[],
  rootCauses: Readonly<Record<string, Text>> = {},
): Promise<Map<string, Text>> {
  const out = new Map<string, Text>();
  const topics = found.filter((f) => f.source === 'topic').map((f) => f.key);
  if (topics.length) {
    const rows = await conn.all<{ topic_id: string; label: string }>(
      sql`SELECT topic_id, label FROM voice_topics WHERE topic_id IN (${sql.join(topics.map((t) => sql`${t}`))})`,
    );
    for (const r of rows) out.set(`topic\u0000${r.topic_id}`, { en: r.label, 'zh-CN': r.label });
  }
  for (const f of found.filter((x) => x.source === 'survey_answer')) {
    const label = answerLabel(defs, f.key);
    if (label) out.set(`survey_answer\u0000${f.key}`, label);
  }
  for (const f of found.filter((x) => x.source === 'root_cause'))
    out.set(`root_cause\u0000${f.key}`, {
      en: rootCauseLabel('en', f.key, rootCauses),
      'zh-CN': rootCauseLabel('zh-CN', f.key, rootCauses),
    });
  return out;
}

/** `survey:question=value` → "question text: option text (or band)". */
function answerLabel(defs: SurveyDefinition[], key: string): Text | null {
  const m = /^(.*?):(.*?)=(.*)$/.exec(key);
  if (!m) return null;
  const [, surveyId, questionId, value] = m;
  const q = defs.find((d) => d.surveyId === surveyId)?.questions.find((x) => x.id === questionId);
  if (!q) return null;
  const v = q.options?.find((o) => o.id === value)?.text ?? BAND_TEXT[value!] ?? { en: value!, 'zh-CN': value! };
  return { en: `${q.text.en}: ${v.en}`, 'zh-CN': `${q.text['zh-CN']}：${v['zh-CN']}` };
}
