/**
 * Edits of the topic list: rename a topic or change its terms, merge topics into one, create one from seed terms,
 * delete one. Every edit pins the topic it leaves (later analyses keep it, its label and terms, and assign
 * documents to it). A merge moves the merged topics' documents at once; a created topic gets its documents at the
 * next analysis, which is when every document is compared with every topic again. One transaction per edit.
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { fnv } from './analyse.ts';
import type { TextLang } from './detect.ts';
import { topicColumns, topicOf, type VoiceTopic } from './queries.ts';

async function topicById(ws: Workspace, id: string): Promise<VoiceTopic> {
  const [r] = await ws.db.all<Parameters<typeof topicOf>[0]>(
    sql`SELECT ${topicColumns} FROM voice_topics WHERE topic_id = ${id}`,
  );
  if (!r) throw tenureError('TEN_VOICE_TOPIC_NOT_FOUND', { id }, { value: id });
  return topicOf(r);
}

const save = (ws: Workspace, t: { topicId: string; label: string; terms: string[] }, by: string) =>
  ws.db.run(sql`UPDATE voice_topics SET label = ${t.label}, terms = ${JSON.stringify(t.terms)}, pinned = true,
    updated_at = CAST(now() AS TIMESTAMP), updated_by = ${by} WHERE topic_id = ${t.topicId}`);

/**
 * Rename a topic and/or replace its terms; pins it.
 * @example await changeTopic(ws, 'zh-1k38vm2', { label: '网络质量' }, 'ana')
 */
export async function changeTopic(
  ws: Workspace,
  id: string,
  change: { label?: string; terms?: string[] },
  by: string,
): Promise<VoiceTopic> {
  return ws.db.transaction(async () => {
    const t = await topicById(ws, id);
    await save(ws, { topicId: id, label: change.label ?? t.label, terms: change.terms ?? t.terms }, by);
    return topicById(ws, id);
  });
}

/**
 * Merge `ids` into topic `into`: their documents and terms move there, they are deleted, `into` is pinned.
 * @example await mergeTopics(ws, 'en-a', ['en-b'], 'ana', 'Network')
 */
export async function mergeTopics(
  ws: Workspace,
  into: string,
  ids: string[],
  by: string,
  label?: string,
): Promise<VoiceTopic> {
  return ws.db.transaction(async () => {
    const target = await topicById(ws, into);
    const merged: VoiceTopic[] = [];
    for (const id of new Set(ids)) {
      if (id === into) throw tenureError('TEN_VOICE_TOPIC_MERGE', { id, reason: 'self' }, { value: id });
      const t = await topicById(ws, id);
      if (t.lang !== target.lang) throw tenureError('TEN_VOICE_TOPIC_MERGE', { id, reason: 'language' }, { value: id });
      merged.push(t);
    }
    const gone = merged.map((t) => t.topicId);
    await ws.db.run(sql`UPDATE voice_documents SET topic_id = ${into} WHERE topic_id IN (SELECT unnest(${gone}))`);
    await ws.db.run(sql`DELETE FROM voice_topics WHERE topic_id IN (SELECT unnest(${gone}))`);
    const terms = [...new Set([target, ...merged].flatMap((t) => t.terms))];
    await save(ws, { topicId: into, label: label ?? target.label, terms }, by);
    return topicById(ws, into);
  });
}

/**
 * A new pinned topic from seed terms; the next analysis assigns documents to it.
 * @example await createTopic(ws, { lang: 'zh', label: '5G 套餐', terms: ['5G', '套餐'] }, 'ana')
 */
export async function createTopic(
  ws: Workspace,
  t: { lang: TextLang; label: string; terms: string[] },
  by: string,
): Promise<VoiceTopic> {
  const topicId = `${t.lang}-u${fnv(`${t.label}|${t.terms.join('|')}|${Date.now()}`).toString(36)}`;
  await ws.db.run(sql`INSERT INTO voice_topics (topic_id, lang, label, terms, pinned, updated_at, updated_by)
    VALUES (${topicId}, ${t.lang}, ${t.label}, ${JSON.stringify(t.terms)}, true, CAST(now() AS TIMESTAMP), ${by})`);
  return topicById(ws, topicId);
}

/**
 * Delete a topic; its documents have no topic until the next analysis. Returns how many documents it had.
 * @example await deleteTopic(ws, 'en-b')
 */
export async function deleteTopic(ws: Workspace, id: string): Promise<{ topicId: string; documents: number }> {
  return ws.db.transaction(async () => {
    await topicById(ws, id);
    const documents = await ws.db.exec(sql`UPDATE voice_documents SET topic_id = NULL WHERE topic_id = ${id}`);
    await ws.db.run(sql`DELETE FROM voice_topics WHERE topic_id = ${id}`);
    return { topicId: id, documents };
  });
}
