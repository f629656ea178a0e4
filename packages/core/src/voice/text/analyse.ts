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
import { type Corpus, CorpusBuilder } from './corpus.ts';
import { detectLang, type TextLang } from './detect.ts';
import { readDocuments } from './documents.ts';
import { type AnalyseOptions, analyseOptionsSchema } from './options.ts';
import { BREAK, clausesOf, loadSegmenter, type Segmenter } from './segment.ts';
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
  keyphrases: (i: number) => string[];
  topics: StoredTopic[];
}

/** One in five scored answers (by a hash of its id) is held out to measure the sentiment's AUC. */
const HELD_OUT = 5;
/** Distinct clauses whose word ids are kept (about 100 bytes each). */
const CLAUSE_CACHE = 500_000;

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
  const keys = docs.docId.map((id, d) => `${docs.source[d]}|${id}`);
  const results = analyseTexts({ text: docs.text, label: docs.label, key: keys }, segmenter, stored, {
    k,
    seed: o.seed,
  });
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

/** Texts as the analysis takes them: the text, its label (1 promoter, 0 detractor, NaN none) and a stable key. */
export interface TextsInput {
  text: string[];
  label: Float64Array;
  /** Decides the held-out split, so it must not change between runs (source and id). */
  key: string[];
}

/**
 * The analysis in memory, without the store: language, segmentation, topics, keyphrases and sentiment of every
 * text, per language (what `analyseFeedback` runs between reading and writing, and what bench/voice.ts times).
 * @example analyseTexts({ text, label, key }, await loadSegmenter([]), [], { k: 8, seed: 1 })
 */
export function analyseTexts(
  input: TextsInput,
  segmenter: Segmenter,
  stored: readonly StoredTopic[],
  o: { k: number; seed: number },
): (LangResult & { summary: LangSummary })[] {
  const n = input.text.length;
  const langOf = new Uint8Array(n);
  for (let d = 0; d < n; d++) langOf[d] = detectLang(input.text[d]!) === 'zh' ? 1 : 0;
  return (['zh', 'en'] as const).map((lang) => analyseLang(lang, input, langOf, segmenter, stored, o));
}

function analyseLang(
  lang: TextLang,
  docs: TextsInput,
  langOf: Uint8Array,
  segmenter: Segmenter,
  stored: readonly StoredTopic[],
  o: { k: number; seed: number },
): LangResult & { summary: LangSummary } {
  const want = lang === 'zh' ? 1 : 0;
  const index: number[] = [];
  for (let d = 0; d < langOf.length; d++) if (langOf[d] === want) index.push(d);
  const corpus = segmentAll(index, docs.text, lang, segmenter);
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

/** Cut every text, each distinct clause once (comments repeat clauses; a bounded cache of their word ids). */
function segmentAll(index: number[], text: string[], lang: TextLang, segmenter: Segmenter): Corpus {
  const builder = new CorpusBuilder();
  const cache = new Map<string, Int32Array>();
  for (const d of index) {
    const parts = clausesOf(text[d]!, lang).map((clause) => {
      let ids = cache.get(clause);
      if (!ids) {
        ids = Int32Array.from(segmenter.words(clause, lang), (w) => (w === BREAK ? -1 : builder.intern(w)));
        if (cache.size >= CLAUSE_CACHE) cache.clear();
        cache.set(clause, ids);
      }
      return ids;
    });
    builder.addParts(parts);
  }
  return builder.build();
}

/** Fit the log-odds on the training answers to measure the AUC on the held-out ones, then on all to score. */
function learnSentiment(corpus: Corpus, index: number[], docs: TextsInput) {
  const train: number[] = [];
  const test: number[] = [];
  index.forEach((d, i) => {
    if (Number.isNaN(docs.label[d]!)) return;
    (fnv(docs.key[d]!) % HELD_OUT === 0 ? test : train).push(i);
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
