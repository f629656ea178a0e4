/**
 * npx tsx --conditions=source bench/search-index.bench.ts — the customer search index's text search, in process,
 * before and after issue 16's rework ("customer search at 100 connections: p99 < 50 ms, 0 errors, for 1M
 * customers": a profile of the server under that load found a third of its CPU in the index's search).
 *
 * Builds both indexes over CUSTOMERS=1000000 synthetic customers' search texts (as the directory writes them:
 * `lower(customer_id || '\n' || name)`, customers/directory.ts), without a workspace: ids C0000001… as the demo
 * writes them; names 40 % "Customer n" (the demo's), 35 % Chinese (people, and companies such as 上海华信科技有限公司),
 * 25 % English, a tenth of all names carrying a phone number or an e-mail address, as some CRMs' exports do.
 * Then times QUERIES=20000 searches of a mix (seed 7): whole ids, id fragments, the server bench's "Customer
 * 41234", Chinese names and given names, English fragments, phone and e-mail fragments, two-character and long
 * searches, searches that find nothing; a quarter of them with a status. Prints per kind the median and p99 µs of
 * each, the memory each index holds (heap after GC, --expose-gc), and fails when any search's hits differ.
 * One-character searches are timed apart (SINGLE=200): a scan in both.
 */
import { findText, textIndex } from '../packages/core/src/customers/search-text.ts';
import { mulberry32 } from '../packages/core/test/fixtures/predict/synthetic.ts';
import { buildBefore, findBefore } from './search-index-before.ts';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 20_000);
const SINGLE = Number(process.env.SINGLE ?? 200);
const log = (s: string) => process.stdout.write(`${s}\n`);

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕小红晓东文博宇浩子涵欣怡雨轩思远佳琪',
];
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '成都', '南京', '武汉', '苏州', '西安'];
const TRADES = ['科技', '贸易', '网络', '信息', '电子', '物流', '文化', '餐饮'];
const FIRST =
  'james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph jessica thomas sarah charles karen wei li ming lucy'.split(
    ' ',
  );
const LAST =
  'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee wang zhang chen'.split(
    ' ',
  );

const rand = mulberry32(3);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rand() * 10)).join('');

/** Customer n's name (n from 1) and what a search of it may use. */
function customer(n: number): { name: string; phone?: string; email?: string } {
  const u = rand();
  let name: string;
  if (u < 0.4) name = `Customer ${n}`;
  else if (u < 0.65) name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
  else if (u < 0.75) name = `${pick(CITIES)}${pick(GIVEN)}${pick(GIVEN)}${pick(TRADES)}有限公司`;
  else name = `${pick(FIRST)} ${pick(LAST)}`.replace(/\b\w/g, (c) => c.toUpperCase());
  const extra = rand();
  if (extra < 0.05) {
    const phone = `1${pick(['38', '39', '58', '86', '50'])}${digits(8)}`;
    return { name: `${name} ${phone}`, phone };
  }
  if (extra < 0.1) {
    const email = `${pick(FIRST)}.${pick(LAST)}${Math.floor(rand() * 100)}@${pick(['example.com', 'qq.com', '163.com', 'corp.cn'])}`;
    return { name: `${name} <${email}>`, email };
  }
  return { name };
}

log(`${CUSTOMERS.toLocaleString('en-US')} customers…`);
const ids: string[] = [];
const names: string[] = [];
const phones: string[] = [];
const emails: string[] = [];
for (let n = 1; n <= CUSTOMERS; n++) {
  const c = customer(n);
  ids.push(`C${String(n).padStart(7, '0')}`);
  names.push(c.name);
  if (c.phone) phones.push(c.phone);
  if (c.email) emails.push(c.email);
}
const texts = ids.map((id, d) => `${id}\n${names[d]}`.toLowerCase());
// Statuses as a directory holds them: about half active, a third churned, the rest unknown.
const status = Uint8Array.from(texts, () => {
  const u = rand();
  return u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
});

/** A substring of `s` of `k` characters (all of it when shorter), at a random place. */
const part = (s: string, k: number) => {
  const from = Math.floor(rand() * Math.max(1, s.length - k + 1));
  return s.slice(from, from + k);
};
const anyName = (re: RegExp) => {
  for (;;) {
    const s = names[Math.floor(rand() * names.length)]!;
    if (re.test(s)) return s;
  }
};
const KINDS: Record<string, () => string> = {
  'whole id': () => pick(ids),
  'id fragment': () => part(pick(ids).slice(1), 3 + Math.floor(rand() * 4)),
  'Customer 41234': () => `Customer ${String(Math.floor(rand() * 100_000)).padStart(5, '0')}`,
  'Chinese name': () => anyName(/^[\u4e00-\u9fff]{2,3}$/),
  'Chinese 2 chars': () => part(anyName(/^[\u4e00-\u9fff]{2,3}$/), 2),
  'Chinese company': () => part(anyName(/有限公司/), 3 + Math.floor(rand() * 3)),
  'English fragment': () => part(anyName(/^[A-Z][a-z]+ [A-Z]/), 3 + Math.floor(rand() * 6)),
  'phone fragment': () => part(pick(phones), 4 + Math.floor(rand() * 5)),
  'e-mail fragment': () => part(pick(emails), 4 + Math.floor(rand() * 8)),
  'two characters': () => part(pick(texts.slice(0, 1000)), 2),
  long: () => anyName(/^.{12,}$/),
  'no hit': () => pick(['qxz', 'zzzq', 'customer 0000001', 'xyz@abc', '李娜娜娜', '13999999999999']) + digits(2),
};
const kinds = Object.keys(KINDS);
const queries = Array.from({ length: QUERIES }, (_, i) => {
  const kind = kinds[i % kinds.length]!;
  return { kind, text: KINDS[kind]!().trim().toLowerCase(), want: rand() < 0.25 ? Math.floor(rand() * 3) : -1 };
});
const single = Array.from({ length: SINGLE }, () => ({
  kind: 'one character',
  text: pick(['c', '1', '张', '@', 'q', '伟']),
  want: rand() < 0.25 ? Math.floor(rand() * 3) : -1,
}));

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

interface Engine {
  name: string;
  find: (text: string, want: number) => ArrayLike<number>;
}

async function engines(): Promise<Engine[]> {
  const h0 = heap();
  let t = performance.now();
  const before = await buildBefore(texts, status);
  const tBefore = performance.now() - t;
  const h1 = heap();
  log(`before: built in ${(tBefore / 1000).toFixed(1)} s, ${mb(h1 - h0)} (texts excluded)`);
  t = performance.now();
  const after = await textIndex(texts);
  const tAfter = performance.now() - t;
  log(`after: built in ${(tAfter / 1000).toFixed(1)} s, ${mb(heap() - h1)} (texts excluded)`);
  return [
    { name: 'before', find: (q, w) => findBefore(before, q, w) },
    { name: 'after', find: (q, w) => findText(after, q, w < 0 ? undefined : (d) => status[d] === w) },
  ];
}

const all = await engines();
const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

let differ = 0;
const hitsPerKind = new Map<string, number[]>();

/** Each search by every engine in turn, its hits compared with the first's at once (holding them all would not fit). */
function time(qs: typeof queries) {
  const times = all.map(() => new Map<string, number[]>([['all', []]]));
  for (const q of qs) {
    let first: ArrayLike<number> = [];
    for (const [e, engine] of all.entries()) {
      const t = performance.now();
      const hits = engine.find(q.text, q.want);
      const us = (performance.now() - t) * 1000;
      if (!times[e]!.has(q.kind)) times[e]!.set(q.kind, []);
      times[e]!.get(q.kind)!.push(us);
      times[e]!.get('all')!.push(us);
      if (e === 0) {
        first = hits;
        if (!hitsPerKind.has(q.kind)) hitsPerKind.set(q.kind, []);
        hitsPerKind.get(q.kind)!.push(hits.length);
      } else if (hits.length !== first.length || Array.prototype.some.call(hits, (d, j) => d !== first[j])) {
        if (differ++ < 5) log(`DIFFER ${engine.name} ${JSON.stringify(q)}: ${first.length} vs ${hits.length}`);
      }
    }
  }
  return times;
}

// A first pass warms the JIT; the second is timed.
time(queries.slice(0, 2000));
const times = time(queries);
const times1 = time(single);
const row = (k: string, ts: Map<string, number[]>[]) =>
  `${k.padEnd(18)} ${ts.map((m) => `${pct(m.get(k)!, 0.5).toFixed(1).padStart(9)} ${pct(m.get(k)!, 0.99).toFixed(1).padStart(9)}`).join('  ')}`;
log(
  `\n${'µs per search'.padEnd(18)} ${all.map((e) => `${`${e.name} p50`.padStart(9)} ${'p99'.padStart(9)}`).join('  ')}`,
);
for (const k of [...kinds, 'all']) log(row(k, times));
log(row('one character', times1));
log(
  `\nhits per search (median, max): ${[...hitsPerKind].map(([k, h]) => `${k} ${pct(h, 0.5)}/${pct(h, 1)}`).join(', ')}`,
);
log(differ ? `${differ} searches' hits differ` : 'every search found the same hits, in the same order');
if (differ) process.exitCode = 1;
