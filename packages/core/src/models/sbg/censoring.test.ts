/**
 * A period still running at the as-of date is right-censored: its churners so far are not counted as the
 * period's only outcome (that read as zero survivors, and drove α and β to infinity on the demo). Customers
 * built from Fader & Hardie's regular cohort, observed half-way into an eighth year in which some have left
 * already, fit exactly the published seven-year survivor counts. And constant churn is diagnosed, not fitted.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../../test/fixtures/ingest/helpers.ts';
import { published } from '../../../test/reference/models/reference.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import { TenureError } from '../../errors.ts';
import { importFile } from '../../ingest/import.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { sbg } from './run.ts';
import { fitSbg, patternsFromSurvivors } from './sbg.ts';

const { regular } = published.sbg.cohorts;
let ws: Workspace;
let done: () => Promise<void>;

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ ws, done } = t);
  const customers: string[] = [];
  const churns: string[] = [];
  regular.survivors.forEach((n, t) => {
    const leaving = t + 1 < regular.survivors.length ? n - regular.survivors[t + 1]! : n;
    for (let k = 0; k < leaving; k++) {
      customers.push(`R-${t}-${k},2010-01-01`);
      // Churn six months into year t + 1; of the last survivors, 100 leave early in the unfinished eighth year.
      if (t + 1 < regular.survivors.length) churns.push(`R-${t}-${k},${2010 + t}-07-01`);
      else if (k < 100) churns.push(`R-${t}-${k},2017-03-01`);
    }
  });
  const file = (name: string, header: string, rows: string[]) => {
    const path = join(t.dir, name);
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    return path;
  };
  await importFile(ws, 'customers', file('c.csv', 'customer_id,created_at', customers));
  await importFile(ws, 'churn_events', file('e.csv', 'customer_id,churned_at', churns));
});
afterAll(() => done());

describe('sBG right-censors the unfinished period', () => {
  it('a cohort observed into an unfinished year fits the same α, β as its complete years alone', async () => {
    const r = await sbg(ws.db, ws.config, { unit: 'year', asOf: '2017-07-01', basis: 'customers' });
    const complete = fitSbg(patternsFromSurvivors(regular.survivors));
    expectClose(r.fit.params.alpha, complete.params.alpha, 1e-6);
    expectClose(r.fit.params.beta, complete.params.beta, 1e-6);
    // Observed survival stops at the last complete year, and is not 0 there.
    const observed = r.curve.filter((p) => p.observed !== null).map((p) => p.observed!);
    expect(observed).toHaveLength(regular.survivors.length);
    expectClose(observed.at(-1)!, regular.survivors.at(-1)! / 1000, 1e-12);
  });

  it('once the eighth year is over, its churn counts', async () => {
    const r = await sbg(ws.db, ws.config, { unit: 'year', asOf: '2018-01-01', basis: 'customers' });
    const observed = r.curve.filter((p) => p.observed !== null).map((p) => p.observed!);
    expectClose(observed.at(-1)!, (regular.survivors.at(-1)! - 100) / 1000, 1e-12);
  });
});

describe('a degenerate sBG is diagnosed, not fitted', () => {
  it('constant churn (a geometric decay) raises TEN_MODEL_DEGENERATE with the churn rate', () => {
    const geometric = [10000, 7000, 4900, 3430, 2401, 1681];
    const e = (() => {
      try {
        fitSbg(patternsFromSurvivors(geometric));
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(TenureError);
    expect((e as TenureError).code).toBe('TEN_MODEL_DEGENERATE');
    const d = (e as TenureError).details.diagnostics as { churnPerPeriod: number; spread: number };
    expectClose(d.churnPerPeriod, 0.3, 1e-3);
    expect(d.spread).toBeLessThan(0.05);
  });
});
