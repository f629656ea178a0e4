/**
 * Agents' writes under measurement: `workers` loops, each working its own open cases (a move to diagnosed
 * with the diagnosis, then notes), every request timed and stamped, so the latencies can be split by what the
 * server was doing meanwhile (an import running, the rollup refresh after it).
 */
export interface Timed {
  at: number;
  ms: number;
  ok: boolean;
}

export async function workCases(
  url: string,
  key: string,
  cases: string[],
  workers: number,
  until: () => boolean,
): Promise<Timed[]> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const out: Timed[] = [];
  let next = 0;
  const one = async (id: string, path: string, body: unknown) => {
    const t0 = performance.now();
    const r = await fetch(`${url}/api/v1/cases/${id}/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    await r.arrayBuffer();
    out.push({ at: t0, ms: performance.now() - t0, ok: r.ok });
  };
  const worker = async () => {
    while (!until()) {
      const id = cases[next++ % cases.length] as string;
      if (next <= cases.length)
        await one(id, 'moves', {
          to: 'diagnosed',
          fields: { root_cause: 'service', severity: 'medium', company_at_fault: false },
        });
      await one(id, 'comments', { note: 'Called back: the customer is waiting for the technician' });
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return out;
}

/** p50 and p99 of the latencies, in ms. */
export function percentiles(ms: number[]): { n: number; p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN };
}
