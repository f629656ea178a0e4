/**
 * npx tsx --conditions=source bench/voice-answers.bench.ts — the public survey answer route under load.
 *
 * A demo workspace (CUSTOMERS, cached in bench/out/voice-answers-ws-<customers>) gets a fresh NPS survey per
 * CUSTOMERS answers (a customer holds one open link per survey), and a link per answer to send. The server runs
 * as `tenure serve` in a child process (as bench/server.bench.ts does), so the load generator does not share
 * its event loop. The load is open-loop: ANSWERS answers at RATE per second whatever the latencies, each one a
 * different link, from ADDRESSES loopback source addresses (127.0.x.y: Linux routes all of 127/8 to lo), as
 * respondents answer from their own phones; one address alone would be held by the answer route's per-address
 * limit, which is what that limit is for. Each address keeps its connections alive.
 * Then the server stops and the answers are counted in the workspace: every 201 must be a stored row of
 * `surveys`, a used invitation and its `survey_answers`.
 * Prints the rate held, p50/p99/max latency, the statuses, and the stored counts; exits 1 when p99 ≥ 100 ms,
 * the rate fell short or an answer is missing.
 * Options (env): ANSWERS=6000 RATE=200 ADDRESSES=200 CUSTOMERS=2000.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { generateDemo, initWorkspace, openWorkspace, saveSurvey, sendSurvey, sql, type Workspace } from '@tenure/core';
import { serveChild } from './serve-child.ts';

const ANSWERS = Number(process.env.ANSWERS ?? 6000);
const RATE = Number(process.env.RATE ?? 200);
const ADDRESSES = Number(process.env.ADDRESSES ?? 200);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 2000);
const wsDir = join(import.meta.dirname, 'out', `voice-answers-ws-${CUSTOMERS}`);
const run = `bench-${Date.now().toString(36)}`;
const log = (s: string) => process.stdout.write(`${s}\n`);

const survey = (id: string) => ({
  id,
  kind: 'nps',
  title: { en: 'How are we doing?', 'zh-CN': '您对我们满意吗？' },
  questions: [
    {
      id: 'nps',
      type: 'scale_0_10',
      required: true,
      main: true,
      text: { en: 'Recommend us?', 'zh-CN': '推荐我们吗？' },
    },
    { id: 'why', type: 'text', text: { en: 'Why?', 'zh-CN': '为什么？' } },
  ],
});

/** The links to answer: surveys `<run>-1…k`, one link per customer each, until there are ANSWERS. */
async function links(): Promise<string[]> {
  if (!existsSync(join(wsDir, 'bench-ready'))) {
    log(`generating the demo: ${CUSTOMERS} customers…`);
    const ws = await initWorkspace(wsDir, { force: true });
    await generateDemo(ws, { customers: CUSTOMERS, months: 12, seed: 42 }).finally(() => ws.close());
    writeFileSync(join(wsDir, 'bench-ready'), '');
  }
  const ws = await openWorkspace(wsDir);
  try {
    const ids = (await ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1`)).map(
      (r) => r.id,
    );
    const tokens: string[] = [];
    for (let k = 1; tokens.length < ANSWERS; k++) {
      await saveSurvey(ws, { name: 'bench' }, survey(`${run}-${k}`));
      const want = ids.slice(0, ANSWERS - tokens.length).map((id) => ({ id }));
      tokens.push(...(await sendSurvey(ws, `${run}-${k}`, { respondents: want })).invitations.map((i) => i.token));
    }
    return tokens;
  } finally {
    await ws.close();
  }
}

/** One answer from `agent`'s address: its status and milliseconds. */
function answer(url: URL, agent: Agent, token: string, i: number): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({ answers: { nps: i % 11, why: i % 3 ? '网络信号不好，经常掉线' : 'great support' } });
  const t0 = performance.now();
  return new Promise((done) => {
    const req = request(
      new URL(`/api/v1/answers/${token}`, url),
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => done({ status: 0, ms: performance.now() - t0 }));
    req.end(body);
  });
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

log(`preparing ${ANSWERS} links…`);
const tokens = await links();
const { child, url } = await serveChild(wsDir);
const base = new URL(url);
const agents = Array.from(
  { length: ADDRESSES },
  (_, a) => new Agent({ keepAlive: true, localAddress: `127.0.${1 + Math.floor(a / 250)}.${1 + (a % 250)}` }),
);
const done: Promise<{ status: number; ms: number }>[] = [];
let seconds = 0;
try {
  log(`answering: ${ANSWERS} answers at ${RATE}/s from ${ADDRESSES} addresses…`);
  const t0 = performance.now();
  // Open loop: each tick sends the answers due by now, so a slow answer never slows the arrivals.
  await new Promise<void>((finish) => {
    const tick = setInterval(() => {
      const due = Math.min(ANSWERS, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (done.length < due) {
        const i = done.length;
        done.push(answer(base, agents[i % ADDRESSES] as Agent, tokens[i] as string, i));
      }
      if (done.length >= ANSWERS) {
        clearInterval(tick);
        finish();
      }
    }, 5);
  });
  const results = await Promise.all(done);
  seconds = (performance.now() - t0) / 1000;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const ok = statuses[201] ?? 0;
  for (const a of agents) a.destroy();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const ws: Workspace = await openWorkspace(wsDir);
  const [stored] = await ws.db
    .all<{ surveys: number; used: number; answers: number }>(sql`SELECT
      (SELECT count(*)::INTEGER FROM surveys s JOIN survey_invitations v ON v.response_id = s.response_id
        WHERE v.survey_id LIKE ${`${run}-%`}) AS surveys,
      (SELECT count(answered_at)::INTEGER FROM survey_invitations WHERE survey_id LIKE ${`${run}-%`}) AS used,
      (SELECT count(DISTINCT response_id)::INTEGER FROM survey_answers WHERE survey_id LIKE ${`${run}-%`}) AS answers`)
    .finally(() => ws.close());
  const p99 = quantile(ms, 0.99);
  const rate = ANSWERS / seconds;
  log(`  rate held   ${rate.toFixed(1)} answers/s over ${seconds.toFixed(1)} s (target ${RATE}/s)`);
  log(
    `  latency     p50 ${quantile(ms, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(ms.at(-1) ?? 0).toFixed(1)} ms`,
  );
  log(`  statuses    ${JSON.stringify(statuses)}`);
  log(
    `  stored      ${stored?.surveys} surveys rows, ${stored?.used} links used, ${stored?.answers} answers with rows (201s: ${ok})`,
  );
  const all = ok === ANSWERS && stored?.surveys === ok && stored?.used === ok && stored?.answers === ok;
  const pass = all && p99 < 100 && rate >= RATE * 0.95;
  log(`  ${pass ? 'PASS' : 'FAIL'}: p99 < 100 ms, ${RATE}/s held, every answer stored`);
  process.exitCode = pass ? 0 : 1;
} finally {
  if (child.exitCode === null) child.kill('SIGTERM');
}
