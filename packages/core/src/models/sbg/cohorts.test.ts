/**
 * The sBG per acquisition cohort, on customers built from Fader & Hardie's (2007) survivor counts: the regular
 * cohort acquired in 2010 Q1 and the high-end one in Q2, observed to 2017-01-01 (so the high-end one for six
 * whole years), each come back with the fit of its own counts; a cohort nobody has left yet carries its error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../../test/fixtures/ingest/helpers.ts';
import { published } from '../../../test/reference/models/reference.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import { importFile } from '../../ingest/import.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type SbgResult, sbg } from './run.ts';
import { fitSbg, patternsFromSurvivors } from './sbg.ts';

const { regular, highEnd } = published.sbg.cohorts;
const highEndSeen = highEnd.survivors.slice(0, 7);

let ws: Workspace;
let done: () => Promise<void>;
let result: SbgResult;

/** Customers acquired on `start` who churn half-way through year t, as many as the survivor counts say. */
function cohortRows(prefix: string, start: string, survivors: readonly number[]) {
  const customers: string[] = [];
  const churns: string[] = [];
  const year = Number(start.slice(0, 4));
  survivors.forEach((n, t) => {
    const leaving = t + 1 < survivors.length ? n - survivors[t + 1]! : n;
    for (let k = 0; k < leaving; k++) {
      const id = `${prefix}-${t}-${k}`;
      customers.push(`${id},${start}`);
      // Year t + 1 of the lifetime, six months in; the last count stays.
      const month = Number(start.slice(5, 7)) + 6;
      if (t + 1 < survivors.length)
        churns.push(
          `${id},${year + t + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`,
        );
    }
  });
  return { customers, churns };
}

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ ws, done } = t);
  const parts = [
    cohortRows('R', '2010-01-01', regular.survivors),
    cohortRows('H', '2010-04-01', highEndSeen),
    cohortRows('Y', '2016-10-01', [10]),
  ];
  const file = (name: string, header: string, rows: string[]) => {
    const path = join(t.dir, name);
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    return path;
  };
  await importFile(
    ws,
    'customers',
    file(
      'c.csv',
      'customer_id,created_at',
      parts.flatMap((p) => p.customers),
    ),
  );
  await importFile(
    ws,
    'churn_events',
    file(
      'e.csv',
      'customer_id,churned_at',
      parts.flatMap((p) => p.churns),
    ),
  );
  result = await sbg(ws.db, ws.config, { unit: 'year', cohort: 'quarter', asOf: '2017-01-01', basis: 'customers' });
});
afterAll(() => done());

describe('sBG per acquisition cohort', () => {
  it('splits the customers by the quarter they started in', () => {
    expect(result.cohortGrain).toBe('quarter');
    expect(result.cohorts.map((c) => [c.cohort, c.customers])).toEqual([
      ['2010-01-01', 1000],
      ['2010-04-01', 1000],
      ['2016-10-01', 10],
    ]);
  });

  it('fits each cohort as its own survivor counts', () => {
    for (const [i, survivors] of [regular.survivors, highEndSeen].entries()) {
      const c = result.cohorts[i]!;
      if ('error' in c) throw new Error(c.error.message);
      const own = fitSbg(patternsFromSurvivors(survivors));
      // The same likelihood over the same patterns, maximised to the optimiser's tolerance.
      expectClose(c.fit.logLik, own.logLik, 1e-10, 'log-likelihood');
      expectClose(c.fit.params.alpha, own.params.alpha, 1e-5, 'α');
      expectClose(c.fit.params.beta, own.params.beta, 1e-5, 'β');
      for (const [t, n] of survivors.entries()) expect(c.curve[t]!.observed).toBeCloseTo(n / 1000, 12);
    }
  });

  it('gives a cohort the model cannot fit its error, and still fits the base as a whole', () => {
    expect(result.cohorts[2]).toMatchObject({ error: { code: 'TEN_MODEL_INSUFFICIENT_DATA' }, observed: [1] });
    expect(result.fit.n).toBe(2010);
  });
});
