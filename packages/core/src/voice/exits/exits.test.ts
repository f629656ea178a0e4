import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSurvey } from '../../../test/fixtures/voice-tables.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { confirmExit } from './confirm.ts';
import { listExits } from './list.ts';

/*
 * X1 churned Mar 1 with an exit survey (comment in Chinese + option "price") a week later;
 * X2 churned Mar 5 with a note naming the competitor BlueWave (named by X4's event); X3 churned Mar 9, nothing said;
 * X4 churned Feb 1, competitive with BlueWave recorded, a note whose topic (from the text analysis) is "outage".
 */
let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-exits-'));
  ws = await initWorkspace(dir);
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES
    ('X1', DATE '2023-01-01'), ('X2', DATE '2023-01-01'), ('X3', DATE '2023-01-01'), ('X4', DATE '2023-01-01')`);
  await ws.db.run(sql`INSERT INTO churn_events (customer_id, churned_at, kind, category, competitor, note) VALUES
    ('X1', TIMESTAMP '2024-03-01 00:00:00', NULL, NULL, NULL, NULL),
    ('X2', TIMESTAMP '2024-03-05 00:00:00', 'voluntary', NULL, NULL, 'Went to bluewave for the bundle'),
    ('X3', TIMESTAMP '2024-03-09 00:00:00', NULL, NULL, NULL, NULL),
    ('X4', TIMESTAMP '2024-02-01 00:00:00', 'voluntary', 'competitive', 'BlueWave', 'see ticket')`);
  await defineSurvey(ws, 'exit', 'exit', [
    {
      id: 'why',
      type: 'single',
      text: { en: 'Why did you leave?', 'zh-CN': '离开的原因？' },
      options: [{ id: 'o1', text: { en: 'Network outages', 'zh-CN': '网络中断' } }],
      required: true,
    },
  ]);
  await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, comment)
    VALUES ('e1', 'customer', 'X1', TIMESTAMP '2024-03-08 00:00:00', 'exit', '信号太差了')`);
  await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, value_text)
    VALUES ('e1', 'exit', 1, 'why', 'o1')`);
  await ws.db.run(
    sql`INSERT INTO voice_topics VALUES ('t9', 'en', 'outage', '["outage","down"]', false, TIMESTAMP '2024-01-01 00:00:00', NULL)`,
  );
  await ws.db.run(sql`INSERT INTO voice_documents (source, doc_id, customer_id, "at", lang, topic_id, sentiment, keyphrases, text) VALUES
    ('churn_note', 'X4|2024-02-01', 'X4', TIMESTAMP '2024-02-01 00:00:00', 'en', 't9', NULL, '[]', 'see ticket')`);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exit reasons', () => {
  it('lists events with something said, newest first, with the suggestion and the recorded taxonomy', async () => {
    const page = await listExits(ws.db, {});
    expect(page.total).toBe(3);
    expect(
      page.rows.map((r) => [r.customerId, r.texts.map((t) => t.source), r.suggested.category, r.suggested.competitor]),
    ).toEqual([
      ['X2', ['churn_note'], 'competitive', 'BlueWave'],
      ['X1', ['exit_survey', 'exit_survey'], 'fault', null],
      ['X4', ['churn_note'], 'fault', null],
    ]);
    const x1 = page.rows[1]!;
    expect(x1.texts.map((t) => t.text)).toEqual(['信号太差了', 'Network outages 网络中断']);
    expect(x1.suggested).toMatchObject({
      kind: 'voluntary',
      reason: '信号太差了',
      matched: ['outage', 'network', '中断', '信号', '网络'],
    });
    // X4: the note says nothing, the topic the text analysis gave it does.
    expect(page.rows[2]!.suggested.matched).toEqual(['outage']);
    expect(page.rows[2]!.recorded).toEqual({
      kind: 'voluntary',
      category: 'competitive',
      competitor: 'BlueWave',
      reason: null,
    });
  });

  it('a confirmation stores the choice beside the suggestion, with who and when, and leaves the to-do list', async () => {
    const row = await confirmExit(
      ws,
      { customerId: 'X1', churnedAt: '2024-03-01', kind: null, category: 'fault', competitor: null, reason: 'network' },
      'li.wei',
    );
    expect(row.confirmed).toMatchObject({ kind: 'voluntary', category: 'fault', reason: 'network', by: 'li.wei' });
    const stored = await ws.db.all(sql`SELECT suggested_category, category, confirmed_by FROM exit_mappings`);
    expect(stored).toEqual([{ suggested_category: 'fault', category: 'fault', confirmed_by: 'li.wei' }]);
    expect((await listExits(ws.db, { status: 'suggested' })).rows.map((r) => r.customerId)).toEqual(['X2', 'X4']);
    expect((await listExits(ws.db, { status: 'confirmed' })).rows.map((r) => r.customerId)).toEqual(['X1']);
    // Confirming again replaces the mapping (one row per event).
    await confirmExit(
      ws,
      {
        customerId: 'X1',
        churnedAt: '2024-03-01 00:00:00',
        kind: 'involuntary',
        category: 'non_malicious',
        competitor: null,
        reason: null,
      },
      'boss',
    );
    expect(await ws.db.all(sql`SELECT category, confirmed_by FROM exit_mappings`)).toEqual([
      { category: 'non_malicious', confirmed_by: 'boss' },
    ]);
  });

  it('refuses a category of the other kind, and an event that does not exist, writing nothing', async () => {
    const before = await ws.db.all(sql`SELECT * FROM exit_mappings`);
    await expect(
      confirmExit(
        ws,
        {
          customerId: 'X2',
          churnedAt: '2024-03-05',
          kind: 'involuntary',
          category: 'competitive',
          competitor: null,
          reason: null,
        },
        'a',
      ),
    ).rejects.toMatchObject({ code: 'TEN_VOICE_BAD_TAXONOMY' });
    for (const churnedAt of ['2024-03-06', 'not a date'])
      await expect(
        confirmExit(
          ws,
          { customerId: 'X2', churnedAt, kind: null, category: null, competitor: null, reason: null },
          'a',
        ),
      ).rejects.toMatchObject({ code: 'TEN_VOICE_EXIT_NOT_FOUND' });
    expect(await ws.db.all(sql`SELECT * FROM exit_mappings`)).toEqual(before);
  });
});
