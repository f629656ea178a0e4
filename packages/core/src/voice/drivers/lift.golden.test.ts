import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSurvey } from '../../../test/fixtures/voice-tables.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { churnLift } from './lift.ts';

/*
 * Ten customers A1–A10, observed to 2024-06-30; A1 (Mar 1), A2 (Mar 10), A3 (Apr 1), A4 (May 1) churn: N = 10, C = 4.
 *   topic net:   A1 Feb 1, A2 Feb 15, A5 Feb 1 count; A3 May 1 is after its churn, A6 Jul 5 after the observation
 *                date: 3 customers, 2 churned; the rest 7, 2 churned. 2/3 − 2/7 = 0.380952…
 *   topic price: A3, A4 (before their churn), A7, A8, A9: 5, 2 churned; the rest 5, 2 churned: difference 0
 *   ticket category billing: A1–A4 before churning: 4, 4 churned; the rest 6, 0 churned: difference 1
 * Intervals (Newcombe's method 10), z-test p-values and BH-adjusted p-values from statsmodels 0.15
 * (confint_proportions_2indep(method='newcomb'), proportions_ztest(prop_var=False), multipletests('fdr_bh')):
 *   billing [0.373618, 1], p 0.0015654 → BH 3·p/1 = 0.0046962 (significant)
 *   net [−0.199532, 0.720523], p 0.259796 → BH 3·p/2 = 0.389695;  price [−0.464868, 0.464868], p 1 → 1
 */
let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-lift-'));
  ws = await initWorkspace(dir);
  const ids = Array.from({ length: 10 }, (_, i) => `A${i + 1}`);
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at)
    VALUES ${sql.join(ids.map((id) => sql`(${id}, TIMESTAMP '2024-01-01 00:00:00')`))}`);
  await ws.db.run(sql`INSERT INTO churn_events (customer_id, churned_at) VALUES
    ('A1', TIMESTAMP '2024-03-01 00:00:00'), ('A2', TIMESTAMP '2024-03-10 00:00:00'),
    ('A3', TIMESTAMP '2024-04-01 00:00:00'), ('A4', TIMESTAMP '2024-05-01 00:00:00')`);
  const doc = (id: string, customer: string, at: string, topic: string) =>
    sql`('ticket', ${id}, ${customer}, CAST(${at} AS TIMESTAMP), 'en', ${topic}, NULL, '[]', '')`;
  await ws.db.run(
    sql`INSERT INTO voice_documents (source, doc_id, customer_id, "at", lang, topic_id, sentiment, keyphrases, text) VALUES ${sql.join(
      [
        doc('d1', 'A1', '2024-02-01', 'net'),
        doc('d2', 'A2', '2024-02-15', 'net'),
        doc('d3', 'A3', '2024-05-01', 'net'),
        doc('d4', 'A5', '2024-02-01', 'net'),
        doc('d5', 'A6', '2024-07-05', 'net'),
        doc('d6', 'A3', '2024-03-01', 'price'),
        doc('d7', 'A4', '2024-04-01', 'price'),
        doc('d8', 'A7', '2024-02-01', 'price'),
        doc('d9', 'A8', '2024-02-01', 'price'),
        doc('d10', 'A9', '2024-02-01', 'price'),
        doc('d11', 'A9', '2024-03-01', 'price'),
      ],
    )}`,
  );
  await ws.db.run(
    sql`INSERT INTO voice_topics VALUES ('net', 'en', 'network outage', '[]', false, TIMESTAMP '2024-01-01 00:00:00', NULL)`,
  );
  await ws.db.run(sql`INSERT INTO tickets (ticket_id, customer_id, opened_at, category) VALUES
    ('T1', 'A1', TIMESTAMP '2024-02-01 00:00:00', 'billing'), ('T2', 'A2', TIMESTAMP '2024-02-01 00:00:00', 'billing'),
    ('T3', 'A3', TIMESTAMP '2024-02-01 00:00:00', 'billing '), ('T4', 'A4', TIMESTAMP '2024-02-01 00:00:00', 'billing'),
    ('T5', 'A5', TIMESTAMP '2024-08-01 00:00:00', 'billing')`);
  // Root causes: A1 diagnosed with price before churning, A2 with a workspace's own term, A5 with price.
  const diagnosed = (id: string, customer: string, cause: string) =>
    sql`(${id}, ${customer}, 'complaint', 'manual', 'diagnosed', 'normal', ${`Case ${id}`}, ${cause},
      TIMESTAMP '2024-02-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', 0, 2, TIMESTAMP '2024-02-01 00:00:00')`;
  await ws.db.run(sql`INSERT INTO cases (case_id, customer_id, kind, source, stage, priority, subject, root_cause,
      opened_at, stage_at, reopen_count, version, updated_at)
    VALUES ${sql.join([diagnosed('K1', 'A1', 'price'), diagnosed('K2', 'A2', 'coverage'), diagnosed('K3', 'A5', 'price')])}`);
  // Survey answers: A1 a detractor before churning, A5 a promoter, A2's answer came after its churn.
  await defineSurvey(ws, 'rel', 'nps', [
    { id: 'nps', type: 'scale_0_10', text: { en: 'Recommend?', 'zh-CN': '推荐？' }, required: true, main: true },
    {
      id: 'why',
      type: 'single',
      text: { en: 'Main reason', 'zh-CN': '主要原因' },
      options: [{ id: 'price', text: { en: 'Price', 'zh-CN': '价格' } }],
      required: false,
    },
  ]);
  await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score) VALUES
    ('r1', 'customer', 'A1', TIMESTAMP '2024-02-01 00:00:00', 'nps', 3),
    ('r2', 'customer', 'A5', TIMESTAMP '2024-02-01 00:00:00', 'nps', 10),
    ('r3', 'customer', 'A2', TIMESTAMP '2024-03-20 00:00:00', 'nps', 5)`);
  await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, value_num, value_text)
    VALUES ('r1', 'rel', 1, 'nps', 3, NULL), ('r1', 'rel', 1, 'why', NULL, 'price'),
      ('r2', 'rel', 1, 'nps', 10, NULL), ('r3', 'rel', 1, 'nps', 5, NULL)`);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const round = (x: number | null) => (x === null ? null : +x.toFixed(6));

describe('churn lift (hand-computed)', () => {
  it('counts before each churn, with Newcombe intervals and Benjamini–Hochberg flags', async () => {
    const r = await churnLift(ws.db, {
      sources: ['topic', 'ticket_category'],
      asOf: '2024-06-30',
      minCustomers: 3,
    });
    expect([r.customers, r.churned]).toEqual([10, 4]);
    expect(
      r.drivers.map((d) => [
        d.source,
        d.key,
        d.label.en,
        d.withCustomers,
        d.withChurned,
        d.withoutCustomers,
        d.withoutChurned,
        round(d.difference),
        round(d.lower),
        round(d.upper),
        round(d.pAdjusted),
        d.significant,
      ]),
    ).toEqual([
      ['ticket_category', 'billing', 'billing', 4, 4, 6, 0, 1, 0.373618, 1, 0.004696, true],
      ['topic', 'net', 'network outage', 3, 2, 7, 2, 0.380952, -0.199532, 0.720523, 0.389695, false],
      ['topic', 'price', 'price', 5, 2, 5, 2, 0, -0.464868, 0.464868, 1, false],
    ]);
    expect(round(r.drivers[1]!.pValue)).toBe(0.259796);
  });

  it('survey answers: an option chosen and a score band, only before the churn', async () => {
    const r = await churnLift(ws.db, { sources: ['survey_answer'], asOf: '2024-06-30', minCustomers: 1 });
    expect(r.drivers.map((d) => [d.key, d.label['zh-CN'], d.withCustomers, d.withChurned]).sort()).toEqual([
      ['rel:nps=detractor', '推荐？：贬损者（0–6）', 1, 1],
      ['rel:nps=promoter', '推荐？：推荐者（9–10）', 1, 0],
      ['rel:why=price', '主要原因：价格', 1, 1],
    ]);
  });

  it("root causes are worded by the case taxonomy: the default labels, then the workspace's own", async () => {
    const r = await churnLift(ws.db, {
      sources: ['root_cause'],
      asOf: '2024-06-30',
      minCustomers: 1,
      rootCauseLabels: { coverage: { en: 'Coverage', 'zh-CN': '覆盖' } },
    });
    expect(r.drivers.map((d) => [d.key, d.label.en, d.label['zh-CN'], d.withCustomers, d.withChurned]).sort()).toEqual([
      ['coverage', 'Coverage', '覆盖', 1, 1],
      ['price', 'Price', '价格', 2, 1],
    ]);
  });

  it('an earlier observation date: later churns and mentions do not count', async () => {
    const r = await churnLift(ws.db, { sources: ['topic'], asOf: '2024-03-05', minCustomers: 1 });
    expect([r.customers, r.churned]).toEqual([10, 1]);
    const net = r.drivers.find((d) => d.key === 'net')!;
    // A1 (churned Mar 1), A2 and A5 (Feb): 3 customers, 1 churned by Mar 5.
    expect([net.withCustomers, net.withChurned]).toEqual([3, 1]);
  });
});
