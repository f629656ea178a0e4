/**
 * The analysis on the demo, against what the demo planted (ground-truth.json `texts`): topic assignment agrees
 * with the planted topics (adjusted Rand index ≥ 0.8 in zh and in en), the sentiment learned from the scores
 * separates held-out detractors from promoters (AUC ≥ 0.85); a rerun changes nothing; edits of the topic list
 * survive later runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../sql/sql.ts';
import { adjustedRand } from '../../stats/adjusted-rand.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import type { PlantedTexts } from '../../workspace/demo/texts.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { analyseFeedback, type FeedbackAnalysis } from './analyse.ts';
import { changeTopic, createTopic, deleteTopic, mergeTopics } from './edits.ts';
import { voiceDocuments, voiceTopics, voiceTrend } from './queries.ts';

let root: string;
let ws: Workspace;
let planted: Map<string, string>;
let first: FeedbackAnalysis;

type Doc = { source: string; doc_id: string; lang: string; topic_id: string | null };
const documents = () =>
  ws.db.all<Doc>(sql`SELECT source, doc_id, lang, topic_id FROM voice_documents ORDER BY source, doc_id`);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-voice-'));
  ws = await initWorkspace(root);
  const demo = await generateDemo(ws, { customers: 2000, months: 24, seed: 7 });
  const texts = JSON.parse(readFileSync(demo.groundTruthFile, 'utf8')).texts as { planted: PlantedTexts };
  planted = new Map();
  for (const [source, byTopic] of Object.entries(texts.planted))
    for (const [topic, byLang] of Object.entries(byTopic))
      for (const id of [...byLang.zh, ...byLang.en]) planted.set(`${source}|${id}`, topic);
  first = (await analyseFeedback(ws)).result;
}, 120_000);

afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('analyseFeedback on the demo', () => {
  it.each(['zh', 'en'])('assigns %s documents to topics that agree with the planted ones (ARI ≥ 0.8)', async (lang) => {
    const docs = (await documents()).filter((d) => d.lang === lang && planted.has(`${d.source}|${d.doc_id}`));
    expect(docs.length).toBeGreaterThan(300);
    const ari = adjustedRand(
      docs.map((d) => planted.get(`${d.source}|${d.doc_id}`)!),
      docs.map((d) => d.topic_id ?? '-'),
    );
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it('learns a sentiment that separates held-out detractors from promoters (AUC ≥ 0.85)', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(first.langs[lang].heldOut).toBeGreaterThan(10);
      expect(first.langs[lang].auc).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('reads every source, in both languages', async () => {
    const sources = await ws.db.all<{ source: string; lang: string }>(
      sql`SELECT DISTINCT source, lang FROM voice_documents ORDER BY ALL`,
    );
    expect(sources.map((s) => s.source)).toEqual(
      expect.arrayContaining(['survey', 'ticket', 'case_note', 'churn_note']),
    );
    expect(new Set(sources.map((s) => s.lang))).toEqual(new Set(['zh', 'en']));
  });

  it('labels topics with their top terms and shows volume, sentiment and examples', async () => {
    const { topics, documents: n } = await voiceTopics(ws, { lang: 'zh' });
    expect(n).toBeGreaterThan(0);
    const network = topics.find((t) => t.terms.slice(0, 3).some((x) => x.includes('网络') || x.includes('信号')));
    expect(network?.label).toMatch(/网络|信号/);
    const praise = topics.find((t) => t.terms.slice(0, 3).some((x) => x.includes('满意')));
    expect(praise!.sentiment!).toBeGreaterThan(network!.sentiment!);
    expect(network!.examples.length).toBe(3);
    const trend = await voiceTrend(ws, { topicId: network!.topicId });
    expect(trend.reduce((s, r) => s + r.documents, 0)).toBe(network!.documents);
  });

  it('gives the same tables when run again on the same data', async () => {
    const before = await ws.db.all(sql`SELECT * FROM voice_documents ORDER BY source, doc_id`);
    const topics = await ws.db.all(sql`SELECT topic_id, label, terms FROM voice_topics ORDER BY topic_id`);
    await analyseFeedback(ws);
    expect(await ws.db.all(sql`SELECT * FROM voice_documents ORDER BY source, doc_id`)).toEqual(before);
    expect(await ws.db.all(sql`SELECT topic_id, label, terms FROM voice_topics ORDER BY topic_id`)).toEqual(topics);
  });

  it('keeps a renamed topic, a merge and a created topic in later runs, and assigns documents to them', async () => {
    const { topics } = await voiceTopics(ws, { lang: 'en', examples: 0 });
    const [a, b] = topics;
    await changeTopic(ws, a!.topicId, { label: 'Renamed by hand' }, 'ana');
    const merged = await mergeTopics(ws, a!.topicId, [b!.topicId], 'ana');
    expect(merged.terms).toEqual(expect.arrayContaining([...a!.terms, ...b!.terms]));
    expect((await voiceDocuments(ws, { topicId: a!.topicId })).total).toBe(a!.documents + b!.documents);
    const created = await createTopic(
      ws,
      { lang: 'en', label: 'Installers', terms: ['installer', 'technician'] },
      'ana',
    );
    await analyseFeedback(ws);
    const after = await voiceTopics(ws, { lang: 'en', examples: 0 });
    const kept = after.topics.find((t) => t.topicId === a!.topicId)!;
    expect(kept).toMatchObject({ label: 'Renamed by hand', pinned: true, updatedBy: 'ana' });
    expect(kept.documents).toBeGreaterThan(0);
    const mine = after.topics.find((t) => t.topicId === created.topicId)!;
    expect(mine.documents).toBeGreaterThan(0);
    const page = await voiceDocuments(ws, { topicId: created.topicId, pageSize: 5 });
    for (const d of page.rows) expect(d.text).toMatch(/installer|technician/i);
  });

  it('deletes a topic and refuses edits of a topic that does not exist', async () => {
    const { topics } = await voiceTopics(ws, { lang: 'zh', examples: 0 });
    const gone = await deleteTopic(ws, topics[0]!.topicId);
    expect(gone.documents).toBe(topics[0]!.documents);
    expect((await voiceDocuments(ws, { topicId: topics[0]!.topicId })).total).toBe(0);
    await expect(changeTopic(ws, 'no-such', { label: 'x' }, 'ana')).rejects.toMatchObject({
      code: 'TEN_VOICE_TOPIC_NOT_FOUND',
    });
    await expect(mergeTopics(ws, topics[1]!.topicId, [topics[1]!.topicId], 'ana')).rejects.toMatchObject({
      code: 'TEN_VOICE_TOPIC_MERGE',
    });
  });
});
