/**
 * Agents' writes under measurement (a move to diagnosed with the diagnosis, notes), at a rate or as fast as
 * answers come, every request timed and stamped, so the latencies can be split by what the server was doing
 * meanwhile (an import running, the rollup refresh after it).
 */
export interface Timed {
  at: number;
  ms: number;
  ok: boolean;
  /** What was asked and answered, for the slowest requests' list. */
  what: string;
}

const MOVE = { to: 'diagnosed', fields: { root_cause: 'service', severity: 'medium', company_at_fault: false } };
const NOTE = { note: 'Called back: the customer is waiting for the technician' };

/** One timed request, its latency counted from `t0` (when it was due, for arrivals at a rate). */
async function timedPost(url: string, key: string, path: string, body: unknown, t0 = performance.now()) {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const r = await fetch(`${url}/api/v1/cases/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  await r.arrayBuffer();
  return { at: t0, ms: performance.now() - t0, ok: r.ok, what: `${path} ${r.status}` };
}

/** Closed loop: `workers` agents, each sending its next change the moment the last is answered (saturation). */
export async function workCases(
  url: string,
  key: string,
  cases: string[],
  workers: number,
  until: () => boolean,
): Promise<Timed[]> {
  const out: Timed[] = [];
  let next = 0;
  const worker = async () => {
    while (!until()) {
      const id = cases[next++ % cases.length] as string;
      if (next <= cases.length) out.push(await timedPost(url, key, `${id}/moves`, MOVE));
      out.push(await timedPost(url, key, `${id}/comments`, NOTE));
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return out;
}

/**
 * Open loop: changes arriving at `rate` a second (Poisson, as a team's agents act independently of each other),
 * each sent when due whether or not earlier ones were answered, its latency counted from when it was due (no
 * coordinated omission). Even arrivals move a case to diagnosed, odd ones comment on a case moved 20 arrivals
 * earlier.
 */
export async function casesAtRate(
  url: string,
  key: string,
  cases: string[],
  rate: number,
  until: () => boolean,
): Promise<Timed[]> {
  const sent: Promise<Timed>[] = [];
  let due = performance.now();
  for (let k = 0; !until(); k++) {
    due += (-Math.log(1 - Math.random()) / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((go) => setTimeout(go, wait));
    const i = k >> 1;
    sent.push(
      k % 2 === 0
        ? timedPost(url, key, `${cases[i % cases.length]}/moves`, MOVE, due)
        : timedPost(url, key, `${cases[Math.max(0, i - 10) % cases.length]}/comments`, NOTE, due),
    );
  }
  return Promise.all(sent);
}

/** p50 and p99 of the latencies, in ms. */
export function percentiles(ms: number[]): { n: number; p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN };
}
