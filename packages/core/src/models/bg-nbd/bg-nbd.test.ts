/**
 * BG/NBD against Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", on the CDNOW 1/10 sample
 * imported through the real importer: the RFM features equal the published summary file, the parameters equal the
 * published ones to their printed precision. Published values: test/reference/models/published.json.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, CDNOW_SAMPLE, CDNOW_SUMMARY, describeWithDatasets } from '../../../test/datasets.ts';
import { failure } from '../../../test/fixtures/ingest/helpers.ts';
import { cdnowSampleIds, cdnowSampleWorkspace, dataset } from '../../../test/fixtures/models/workspaces.ts';
import { published, toPublishedPrecision } from '../../../test/reference/models/reference.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import { sql } from '../../sql/sql.ts';
import { hyp2f1 } from '../../stats/special.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { readColumns } from '../columns.ts';
import { rfmSource } from '../rfm.ts';
import { type BgNbdFit, bgNbdPatterns, fitBgNbd } from './bg-nbd.ts';
import { type BgNbdPatterns, bgNbdLogLik } from './likelihood.ts';
import { expectedPurchases, pAlive } from './predict.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER, CDNOW_SAMPLE, CDNOW_SUMMARY);

const P = published.bgNbd;
let ws: Workspace;
let done: () => Promise<void>;
let patterns: BgNbdPatterns;
let fit: BgNbdFit;

beforeAll(async () => {
  ({ ws, done } = await cdnowSampleWorkspace());
  const source = await rfmSource(ws.db, ws.config, { unit: P.unit, calibrationEnd: P.calibrationEnd });
  patterns = await bgNbdPatterns(ws.db, source);
  fit = fitBgNbd(patterns);
});
afterAll(() => done());

suite('BG/NBD reproduces Fader, Hardie & Lee 2005 on CDNOW', () => {
  it('the workspace RFM of the 2,357 sample customers equals cdnow_customers_summary_with_transactions.csv', async () => {
    const source = await rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: P.calibrationEnd });
    const { text, num, rows } = await readColumns(ws.db, sql`SELECT * FROM (${source.customers}) c`);
    expect(rows).toBe(2357);
    const sampleId = cdnowSampleIds();
    const bySample = new Map<string, number[]>();
    for (let i = 0; i < rows; i++) {
      // The summary file numbers sample customers 1, 2, …; CDNOW_sample.txt writes them 0001, 0002, ….
      const id = String(Number(sampleId.get(text.customer_id![i]!)));
      bySample.set(id, [num.x![i]!, num.t_x![i]!, num.T![i]!, num.m![i]!]);
    }
    const lines = readFileSync(dataset('cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(lines).toHaveLength(2357);
    // The file rounds to 2 decimals: agree within half a unit of the last one (x exactly).
    const mismatches = lines.filter((l) => {
      const [id, ...values] = l.split(',').map(Number);
      const ours = bySample.get(String(id));
      return !ours || values.some((v, k) => Math.abs(v - ours[k]!) > (k ? 0.005 + 1e-9 : 0));
    });
    expect(mismatches).toEqual([]);
  });

  it('bg-nbd reproduces Fader, Hardie & Lee 2005 on CDNOW (r=0.243 α=4.414 a=0.793 b=2.426)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(2357);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(toPublishedPrecision(fit.params[k], P[k], 3), `${k} = ${fit.params[k]}`).toBe(true);
    // FHL 2005 report LL = −9582.4 at these estimates.
    expect(fit.logLik).toBeCloseTo(-9582.4, 1);
    for (const se of Object.values(fit.stderr)) expect(se).toBeGreaterThan(0);
  });

  it('the screened multi-start search lands on the same optimum', () => {
    const many = { ...patterns, w: patterns.w.map((w) => w * 50) };
    // 50 × the customers: same maximiser, so the sample-then-polish path must agree with the direct one.
    const big = fitBgNbd({ x: rep(many.x), t_x: rep(many.t_x), T: rep(many.T), w: rep(many.w).map((w) => w / 20) });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(big.params[k]).toBeCloseTo(fit.params[k], 5);
  });
});

/** The patterns 20 times over: more rows than the 20,000 that trigger screening. */
const rep = (a: Float64Array) => Float64Array.from({ length: a.length * 20 }, (_, i) => a[i % a.length]!);

suite('BG/NBD likelihood and predictions', () => {
  const params = { r: P.r, alpha: P.alpha, a: P.a, b: P.b };

  it('the analytic gradient matches finite differences', () => {
    const ll = bgNbdLogLik(patterns);
    const at = Float64Array.of(0.3, 5, 0.9, 2);
    const g = new Float64Array(4);
    ll(at, g);
    const scratch = new Float64Array(4);
    for (let j = 0; j < 4; j++) {
      const h = 1e-6 * at[j]!;
      const [up, down] = [Float64Array.from(at), Float64Array.from(at)];
      up[j]! += h;
      down[j]! -= h;
      expectClose((ll(up, scratch) - ll(down, scratch)) / (2 * h), g[j]!, 1e-6, `∂LL/∂θ${j}`);
    }
  });

  it('stays finite where b is below the rounding of 1 (a line search goes there; b + x − 1 was 0 for x = 1)', () => {
    const one = { x: Float64Array.of(1), t_x: Float64Array.of(2), T: Float64Array.of(5), w: Float64Array.of(1) };
    expect(Number.isFinite(bgNbdLogLik(one)(Float64Array.of(1, 2, 0.5, 1e-17), new Float64Array(4)))).toBe(true);
  });

  it('E[Y(t)] (Euler-transformed) equals FHL eq. 10 with the original hypergeometric series', () => {
    const { r, alpha, a, b } = params;
    for (const [t, x, tx, T] of [
      [39, 0, 0, 38.86],
      [39, 2, 30.43, 38.86],
      [78, 5, 20, 35],
      [10, 1, 1.71, 38.86],
    ] as const) {
      const z = t / (alpha + T + t);
      const direct =
        (((a + b + x - 1) / (a - 1)) *
          (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))) /
        (1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0));
      expectClose(expectedPurchases(params, t, x, tx, T), direct, 1e-10, `t=${t} x=${x}`);
    }
  });

  it('E[Y(t)] stays finite and continuous when a and b are huge (a fit that pins the dropout probability)', () => {
    const at = (s: number) => expectedPurchases({ r: 0.5, alpha: 5, a: 0.8 * s, b: 2.4 * s }, 39, 2, 30, 38);
    for (const s of [1e4, 1e6, 1e9]) expect(Number.isFinite(at(s))).toBe(true);
    expectClose(at(1e9), at(1e4), 1e-4, 'limit');
  });

  it('P(alive) is 1 without repeat purchases and falls with time since the last one', () => {
    expect(pAlive(params, 0, 0, 38.86)).toBe(1);
    expect(pAlive(params, 3, 30, 38.86)).toBeGreaterThan(pAlive(params, 3, 10, 38.86));
    expect(expectedPurchases(params, 0, 2, 30, 38)).toBe(0);
  });
});

suite('BG/NBD refuses data it cannot fit', () => {
  it('no repeat buyers before the calibration end', async () => {
    // Every sample customer first bought in Q1 1997; on 1997-01-01 nobody has bought twice.
    const source = await rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: '1997-01-01' });
    const early = await bgNbdPatterns(ws.db, source);
    expect(early.w.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(() => fitBgNbd(early)).toThrowError(expect.objectContaining({ code: 'TEN_MODEL_INSUFFICIENT_DATA' }));
  });

  it('a calibration end that is not a date', async () => {
    await failure(rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: '30/09/1997' }), 'TEN_BAD_OPTION');
  });
});
