/**
 * `analyseFeedback`: read every comment, ticket text, case note and churn note; detect each one's language;
 * segment; then per language, over typed arrays: topics (pinned ones kept), keyphrases and a sentiment learned
 * from the scored answers, its AUC measured on held-out answers. Writes voice_documents and voice_topics in one
 * transaction and stores the run (model `voice_text`), so a rerun on the same data gives the same tables.
 */
import { type ModelRun, saveRun } from '../../models/runs.ts';
import { parseOptions } from '../../options.ts';
import { rocAuc } from '../../predict/evaluation.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { CorpusBuilder } from './corpus.ts';
import { detectLang, type TextLang } from './detect.ts';
import { readDocuments } from './documents.ts';
import { type AnalyseOptions, analyseOptionsSchema } from './options.ts';
import { loadSegmenter, type Segmenter } from './segment.ts';
import { fitLogOdds, scoreDocuments } from './sentiment.ts';
import { readTopics, type StoredTopic, topicIds } from './stored-topics.ts';
import { fitTopics } from './topics.ts';
import { writeAnalysis } from './write.ts';

export interface LangSummary {
  documents: number;
  topics: number;
  /** Scored answers (promoters and detractors) the sentiment was learned from, and held out to test it. */
  scored: number;
  heldOut: number;
  /** ROC AUC of the sentiment on the held-out promoters vs detractors; null when either group is empty. */
  auc: number | null;
}

export interface FeedbackAnalysis {
  documents: number;
  langs: Record<TextLang, LangSummary>;
  seconds: number;
}

/** What the analysis of one language hands to the writer. */
export interface LangResult {
  lang: TextLang;
  /** Indices into the documents read. */
  docs: Int32Array;
  topic: (string | null)[];
  sentiment: Float64Array | null;
  keyphrases: string[][];
  topics: StoredTopic[];
}

/** One in five scored answers (by a hash of its id) is held out to measure the sentiment's AUC. */
const HELD_OUT = 5;

/**
 * Analyse the workspace's texts and store the result.
 * @example const run = await analyseFeedback(ws, { topics: 8 }); run.result.langs.zh.auc
 */
export async function analyseFeedback(ws: Workspace, opts: AnalyseOptions = {}): Promise<ModelRun<FeedbackAnalysis>> {
  const started = performance.now();
  const o = parseOptions(analyseOptionsSchema, opts);
  const k = o.topics ?? ws.config.voice.topics;
  const docs = await readDocuments(ws.db);
  const stored = await readTopics(ws.db);
  const segmenter = await loadSegmenter([...ws.config.voice.dictionary]);
  const langOf = new Uint8Array(docs.n);
  for (let d = 0; d < docs.n; d++) langOf[d] = detectLang(docs.text[d]!) === 'zh' ? 1 : 0;
  const results = (['zh', 'en'] as const).map((lang) =>
    analyseLang(lang, docs, langOf, segmenter, stored, { k, seed: o.seed }),
  );
  await writeAnalysis(ws.db, docs, results);
  const langs = Object.fromEntries(results.map((r) => [r.lang, r.summary])) as Record<TextLang, LangSummary>;
  const result: FeedbackAnalysis = { documents: docs.n, langs, seconds: (performance.now() - started) / 1000 };
  return saveRun(ws.db, {
    model: 'voice_text',
    parameters: { topics: k, seed: o.seed },
    dataWindow: { from: docs.at[0] ?? null, to: docs.at.at(-1) ?? null },
    result,
  });
}

function analyseLang(
  lang: TextLang,
  docs: Awaited<ReturnType<typeof readDocuments>>,
  langOf: Uint8Array,
  segmenter: Segmenter,
  stored: StoredTopic[],
  o: { k: number; seed: number },
): LangResult & { summary: LangSummary } {
  const want = lang === 'zh' ? 1 : 0;
  const index: number[] = [];
  for (let d = 0; d < docs.n; d++) if (langOf[d] === want) index.push(d);
  const builder = new CorpusBuilder();
  for (const d of index) builder.add(segmenter.words(docs.text[d]!, lang));
  const corpus = builder.build();
  const pinned = stored.filter((t) => t.pinned && t.lang === lang);
  const fit = fitTopics(corpus, lang, {
    k: Math.max(2, o.k - pinned.length),
    seed: o.seed,
    pinned: pinned.map((t) => t.terms.flatMap((term) => segmenter.words(term, lang))),
  });
  const topics = topicIds(lang, fit.topics, pinned, stored);
  const { sentiment, summary } = learnSentiment(corpus, index, docs);
  return {
    lang,
    docs: Int32Array.from(index),
    topic: Array.from(fit.assignment, (j) => (j >= 0 ? topics[j]!.topicId : null)),
    sentiment,
    keyphrases: fit.keyphrases,
    topics,
    summary: { documents: index.length, topics: topics.length, ...summary },
  };
}

/** Fit the log-odds on the training answers to measure the AUC on the held-out ones, then on all to score. */
function learnSentiment(
  corpus: ReturnType<CorpusBuilder['build']>,
  index: number[],
  docs: { docId: string[]; source: string[]; label: Float64Array },
) {
  const train: number[] = [];
  const test: number[] = [];
  index.forEach((d, i) => {
    if (Number.isNaN(docs.label[d]!)) return;
    (fnv(`${docs.source[d]}|${docs.docId[d]}`) % HELD_OUT === 0 ? test : train).push(i);
  });
  const labels = (rows: number[]) => Uint8Array.from(rows, (i) => docs.label[index[i]!]!);
  const scored = train.length + test.length;
  if (!scored) return { sentiment: null, summary: { scored: 0, heldOut: 0, auc: null } };
  const y = labels(test);
  const both = y.includes(0) && y.includes(1) && labels(train).includes(0) && labels(train).includes(1);
  let auc: number | null = null;
  if (both) {
    const s = scoreDocuments(corpus, fitLogOdds(corpus, Int32Array.from(train), labels(train)).delta);
    auc = rocAuc(
      Float64Array.from(test, (i) => s[i]!),
      y,
    );
  }
  const all = [...train, ...test].sort((a, b) => a - b);
  const ys = labels(all);
  if (!ys.includes(0) || !ys.includes(1)) return { sentiment: null, summary: { scored, heldOut: test.length, auc } };
  const sentiment = scoreDocuments(corpus, fitLogOdds(corpus, Int32Array.from(all), ys).delta);
  return { sentiment, summary: { scored, heldOut: test.length, auc } };
}

/** FNV-1a, 32 bits: a split by id that does not change with the order documents are read in. */
export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
