/**
 * npm run bench:voice — segment and analyse a million Chinese comments (issue 14: "Segment and analyse 1M Chinese
 * comments (avg. 40 characters) in < 60 s on 2 cores").
 *
 * Comments: DOCS=1000000 generated from the demo's clause lists (workspace/demo/text-templates.ts: seven topics,
 * templates × synonyms × product names × openers and closers), one or two clauses each, padded with a clause of
 * another topic until about 40 characters on average (seed 1); a tenth carry a promoter or detractor label, as
 * scored survey comments would. Timed: `analyseTexts` (language detection, jieba segmentation, corpus, TF-IDF,
 * topics with k chosen by silhouette, keyphrases, sentiment with its held-out AUC), the dictionary load included.
 * Not timed: reading from and writing to the workspace (DuckDB), which `analyseFeedback` adds.
 *
 * The naive peer (Python jieba is not installed here): the same segmentation without the clause cache, then
 * per-document term counts in Map objects and a global document frequency Map — what a first implementation
 * does, and only the featurisation, no topics or sentiment. It runs on PEER_DOCS=100000 of the comments and is
 * scaled linearly to DOCS for the ratio.
 */
import { analyseTexts, loadSegmenter } from '@tenure/core';
import { Random } from '../packages/core/src/stats/random.ts';
import { CLAUSES, FILLER, NAMES, TEXT_TOPICS } from '../packages/core/src/workspace/demo/text-templates.ts';

const DOCS = Number(process.env.DOCS ?? 1_000_000);
const PEER_DOCS = Math.min(DOCS, Number(process.env.PEER_DOCS ?? 100_000));

function comments(n: number): { text: string[]; label: Float64Array; key: string[]; topic: Uint8Array } {
  const rnd = new Random(1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd.uniform() * xs.length)]!;
  const text = new Array<string>(n);
  const label = new Float64Array(n).fill(Number.NaN);
  const topic = new Uint8Array(n);
  const f = FILLER.zh;
  for (let i = 0; i < n; i++) {
    const t = Math.floor(rnd.uniform() * TEXT_TOPICS.length);
    const name = TEXT_TOPICS[t]!;
    let s = pick(f.open) + pick(CLAUSES.zh[name]);
    while (s.length < 22 + rnd.uniform() * 14) s += pick(f.and) + pick(CLAUSES.zh[name]);
    s += name === 'praise' ? pick(f.praiseClose) : pick(f.complaintClose);
    text[i] = s.replaceAll('{p}', pick(NAMES.zh.product)).replaceAll('{c}', pick(NAMES.zh.competitor));
    topic[i] = t;
    if (rnd.uniform() < 0.1) label[i] = name === 'praise' ? (rnd.uniform() < 0.9 ? 1 : 0) : rnd.uniform() < 0.9 ? 0 : 1;
  }
  return { text, label, key: text.map((_, i) => `c${i}`), topic };
}

const data = comments(DOCS);
const chars = data.text.reduce((s, t) => s + t.length, 0) / DOCS;
console.log(`${DOCS.toLocaleString('en-US')} Chinese comments, ${chars.toFixed(1)} characters on average`);

let t0 = performance.now();
const segmenter = await loadSegmenter(['云帆移动', '峰汇电信', '蓝海通信', '尊享版', '基础版', '标准版']);
const results = analyseTexts(data, segmenter, [], { k: 8, seed: 1 });
const ours = (performance.now() - t0) / 1000;
const zh = results.find((r) => r.lang === 'zh')!;
console.log(
  `tenure: ${ours.toFixed(1)} s, ${Math.round(DOCS / ours).toLocaleString('en-US')} docs/s; ` +
    `${zh.summary.topics} topics, sentiment AUC ${zh.summary.auc?.toFixed(3)} on ${zh.summary.heldOut} held out`,
);

// The naive peer, on PEER_DOCS comments, scaled.
const { Jieba } = await import('@node-rs/jieba');
const { dict } = await import('@node-rs/jieba/dict.js');
t0 = performance.now();
const jieba = Jieba.withDict(dict);
const df = new Map<string, number>();
const rows: Map<string, number>[] = [];
for (let i = 0; i < PEER_DOCS; i++) {
  const counts = new Map<string, number>();
  for (const w of jieba.cut(data.text[i]!, true)) {
    if (!/[\p{L}\p{N}]/u.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  for (const w of counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  rows.push(counts);
}
const peer = (((performance.now() - t0) / 1000) * DOCS) / PEER_DOCS;
console.log(
  `naive peer (cut per document, Map per row; featurisation only): ${peer.toFixed(1)} s for ${DOCS.toLocaleString('en-US')} ` +
    `(measured on ${PEER_DOCS.toLocaleString('en-US')}), ${Math.round(DOCS / peer).toLocaleString('en-US')} docs/s`,
);
console.log(`ratio peer / tenure: ${(peer / ours).toFixed(2)}× · target < 60 s: ${ours < 60 ? 'met' : 'missed'}`);
