/**
 * `tenure demo`: a synthetic subscription business generated inside DuckDB with set-based SQL. Every random
 * number is a hash of (seed, stream, row keys), so the same options give the same data on any thread count.
 * The business and its parameters are described in params.ts; ground-truth.json records them with the
 * figures they produced.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { casesChanged } from '../../cases/list-cache.ts';
import { parseOptions } from '../../options.ts';
import { entityNames } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import { bumpDataEpoch, dataChanged } from '../data-version.ts';
import { CONFIG_FILE, type Workspace } from '../workspace.ts';
import { writeActivity, writeOrders } from './activity.ts';
import { createCalendar } from './calendar.ts';
import { writeBenchmarks, writeCampaign, writeCosts } from './campaign-costs.ts';
import { type DemoContext, type DemoOptions, demoOptionsSchema } from './context.ts';
import { addContractAttribute, createCustomers } from './customers.ts';
import { writeEmployeeSurveys } from './employee-surveys.ts';
import { countRows, groundTruth } from './ground-truth.ts';
import { simulateLives } from './lives.ts';
import { DEMO_ZH, translateDemo } from './locale.ts';
import { writeCaseWork, writeOperations } from './operations.ts';
import { operationsTruth } from './operations-truth.ts';
import { demoCalendar } from './params.ts';
import { Rand } from './random.ts';
import { addDemoPlaybook, addDemoSla } from './setup.ts';
import { writeSubscriptions } from './subscriptions.ts';
import { writeSurveys } from './surveys.ts';
import { DEMO_DICTIONARY } from './text-templates.ts';
import { writeTexts } from './texts.ts';
import { writeTickets } from './tickets.ts';

export type { DemoOptions } from './context.ts';
export { DEMO_PARAMS } from './params.ts';

export interface DemoSummary {
  customers: number;
  /** Rows written per entity table. */
  rows: Record<string, number>;
  seconds: number;
  groundTruthFile: string;
}

export const GROUND_TRUTH_FILE = 'ground-truth.json';
const DEFAULT_END = '2025-12-31';
const TEMP_TABLES = [
  'demo_months',
  'demo_c',
  'demo_lives',
  'demo_ends',
  'demo_spans',
  'demo_agents',
  'demo_case_walks',
  'demo_cases',
];

/**
 * Replace the workspace's data with a generated business and write ground-truth.json next to it.
 * The data is written in one transaction, so a failure leaves the previous data untouched; the retention team's
 * cases follow in a second (they live in people.duckdb: workspace/people.ts).
 */
export async function generateDemo(ws: Workspace, opts: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const o = checkDemoOptions(opts);
  const lang = opts.lang ?? 'en';
  const ctx: DemoContext = { db: ws.db, ...o, cal: demoCalendar(o.months), r: new Rand(o.seed) };
  const { rows, truth } = await ws.db.transaction(async () => {
    for (const e of entityNames) await ws.db.run(sql`DELETE FROM ${sql.id(e)}`);
    await addContractAttribute(ctx);
    await createCalendar(ctx);
    await createCustomers(ctx);
    await simulateLives(ctx);
    await writeSubscriptions(ctx);
    await writeActivity(ctx);
    await writeOrders(ctx);
    await writeTickets(ctx);
    await writeSurveys(ctx);
    await writeEmployeeSurveys(ctx);
    await writeCampaign(ctx);
    await writeCosts(ctx);
    await writeBenchmarks(ctx);
    const truth = await groundTruth(ctx);
    await translateDemo(ws.db, lang);
    const approvalLimit = ws.config.cases.approval_limit;
    await writeOperations(ctx, { lang, approvalLimit });
    truth.operations = await operationsTruth(ctx, approvalLimit);
    truth.texts = await writeTexts(ctx, lang);
    const result = {
      rows: await countRows(ctx),
      truth: lang === 'en' ? truth : { ...truth, lang, translated: DEMO_ZH },
    };
    // Demo rows carry no import batch: a new epoch tells derived tables the data was replaced.
    await bumpDataEpoch(ws.db);
    return result;
  });
  // The cases, from the walks above (temp tables outlive the commit). A crash before this commit leaves the new
  // data with the old cases: running the demo again replaces both.
  await ws.db.transaction(() => writeCaseWork(ctx, lang));
  for (const t of TEMP_TABLES) await ws.db.run(sql`DROP TABLE ${sql.id(t)}`);
  casesChanged(ws);
  dataChanged(ws.dir);
  const groundTruthFile = join(ws.dir, GROUND_TRUTH_FILE);
  writeFileSync(groundTruthFile, `${JSON.stringify(truth, null, 2)}\n`);
  // Contract type is the demo's main churn driver: declare it, so metrics can be broken down by it.
  const contract = !ws.config.dimensions.includes('contract');
  if (contract) ws.config.dimensions.push('contract');
  // The demo's product, plan and competitor names, so the segmenter keeps them whole.
  const words = DEMO_DICTIONARY.filter((w) => !ws.config.voice.dictionary.includes(w));
  ws.config.voice.dictionary.push(...words);
  if (addDemoSla(ws) || contract || words.length)
    writeFileSync(join(ws.dir, CONFIG_FILE), `${JSON.stringify(ws.config, null, 2)}\n`);
  await addDemoPlaybook(ws, lang);
  return { customers: o.customers, rows, seconds: (performance.now() - started) / 1000, groundTruthFile };
}

/**
 * Check demo options without touching anything: callers run it before replacing a workspace, so a typo in
 * --customers never costs the user their data.
 */
export function checkDemoOptions(opts: unknown): DemoOptions & Omit<DemoContext, 'db' | 'cal' | 'r'> {
  const o = parseOptions(demoOptionsSchema, opts);
  return { ...o, end: o.end ?? DEFAULT_END };
}
