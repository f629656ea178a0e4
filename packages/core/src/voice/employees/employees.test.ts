import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkspace } from '../../../test/cases.ts';
import { defineSurvey } from '../../../test/fixtures/voice-tables.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { teamCorrelation } from './correlation.ts';
import { employeeSatisfaction } from './teams.ts';

/*
 * Teams retention (li.wei, wang.fang) and billing (wang.fang). Pulse survey: eNPS 0–10 (main) and pay,
 * environment on 1–5. li.wei: eNPS 8, pay 5, environment 3; wang.fang: eNPS 4, pay 2, environment 4; boss (no
 * team): eNPS 10. Rescaled to 0–1: li.wei 0.8, 1, 0.5; wang.fang 0.4, 0.25, 0.75.
 *   retention: mean of the six = 3.7 / 6 = 0.616667; billing: wang.fang's three = 1.4 / 3 = 0.466667
 *   by dimension, retention: enps (8 + 4)/2 = 6, environment 3.5, pay 3.5; overall enps (8 + 4 + 10)/3 = 7.333333
 * Cases closed: retention R1 saved csat 4, R2 lost csat 2, R3 complaint csat 5 → 3 closed, CSAT 11/3, save 1/2;
 *   billing B1 complaint csat 3 (B2 still open: not counted) → 1 closed, CSAT 3, no retention case.
 */
let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
  const scale = (id: string, type: 'scale_0_10' | 'scale_1_5', dimension?: string, main?: boolean) => ({
    id,
    type,
    text: { en: id, 'zh-CN': id },
    required: true,
    ...(dimension ? { dimension } : {}),
    ...(main ? { main } : {}),
  });
  await defineSurvey(ws, 'pulse', 'employee', [
    scale('enps', 'scale_0_10', undefined, true),
    scale('pay', 'scale_1_5', 'pay'),
    scale('env', 'scale_1_5', 'environment'),
  ]);
  await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score) VALUES
    ('p1', 'employee', 'li.wei', TIMESTAMP '2024-03-01 00:00:00', 'employee', 8),
    ('p2', 'employee', 'wang.fang', TIMESTAMP '2024-03-01 00:00:00', 'employee', 4),
    ('p3', 'employee', 'boss', TIMESTAMP '2024-03-01 00:00:00', 'employee', 10)`);
  await ws.db.run(sql`INSERT INTO survey_answers (response_id, survey_id, version, question_id, dimension, value_num) VALUES
    ('p1', 'pulse', 1, 'enps', NULL, 8), ('p1', 'pulse', 1, 'pay', 'pay', 5), ('p1', 'pulse', 1, 'env', 'environment', 3),
    ('p2', 'pulse', 1, 'enps', NULL, 4), ('p2', 'pulse', 1, 'pay', 'pay', 2), ('p2', 'pulse', 1, 'env', 'environment', 4),
    ('p3', 'pulse', 1, 'enps', NULL, 10)`);
  const kase = (id: string, team: string, kind: string, stage: string, csat: number, outcome: string | null) =>
    sql`(${id}, 'C1', ${kind}, 'manual', ${stage}, 'normal', ${team}, 'x', ${csat}, ${outcome},
      TIMESTAMP '2024-02-01 00:00:00', TIMESTAMP '2024-02-05 00:00:00',
      ${stage === 'closed' ? sql`TIMESTAMP '2024-02-05 00:00:00'` : sql`NULL`}, 0, 1, TIMESTAMP '2024-02-05 00:00:00')`;
  await ws.db.run(sql`INSERT INTO cases (case_id, customer_id, kind, source, stage, priority, team, subject, csat, outcome,
      opened_at, stage_at, closed_at, reopen_count, version, updated_at) VALUES ${sql.join([
        kase('R1', 'retention', 'retention', 'closed', 4, 'saved'),
        kase('R2', 'retention', 'retention', 'closed', 2, 'lost'),
        kase('R3', 'retention', 'complaint', 'closed', 5, null),
        kase('B1', 'billing', 'complaint', 'closed', 3, null),
        kase('B2', 'billing', 'complaint', 'diagnosed', 1, null),
      ])}`);
});
afterAll(() => done());

const r6 = (x: number | null) => (x === null ? null : +x.toFixed(6));

describe('employee satisfaction by dimension and team (hand-computed)', () => {
  it('means by dimension and team, satisfaction on 0–1, and the cases each team closed', async () => {
    const e = await employeeSatisfaction(ws.db);
    expect(e.dimensions).toEqual(['enps', 'environment', 'pay']);
    expect(e.overall.map((d) => [d.dimension, d.answers, r6(d.mean)])).toEqual([
      ['enps', 3, 7.333333],
      ['environment', 2, 3.5],
      ['pay', 2, 3.5],
    ]);
    expect(
      e.teams.map((t) => [
        t.team,
        t.respondents,
        r6(t.satisfaction),
        t.casesClosed,
        r6(t.caseCsat),
        t.retentionDecided,
        t.saveRate,
      ]),
    ).toEqual([
      ['billing', 1, 0.466667, 1, 3, 0, null],
      ['retention', 2, 0.616667, 3, 3.666667, 2, 0.5],
    ]);
    expect(e.teams[1]!.dimensions.map((d) => [d.dimension, d.mean])).toEqual([
      ['enps', 6],
      ['environment', 3.5],
      ['pay', 3.5],
    ]);
    // Two teams: no correlation, said plainly.
    expect(e.csat).toMatchObject({ teams: 2, r: null, lower: null, upper: null });
    expect(e.saveRate.teams).toBe(1);
    expect(e.csat.statement['zh-CN']).toContain('2');
  });

  it('Pearson r with its Fisher-z interval from four teams on; undefined below', () => {
    const four = teamCorrelation([1, 2, 3, 4], [1, 3, 2, 4]);
    // r = 4 / √(5 · 5) = 0.8; tanh(atanh(0.8) ± 1.959964 / √1)
    expect([four.r, r6(four.lower), r6(four.upper)]).toEqual([0.8, -0.696953, 0.9956]);
    const five = teamCorrelation([0.5, 0.6, 0.7, 0.8, 0.9], [0.2, 0.5, 0.4, 0.7, 0.8]);
    expect([r6(five.r), r6(five.lower), r6(five.upper)]).toEqual([0.927173, 0.246756, 0.995284]);
    expect(five.statement.en).toContain('better case results');
    expect(teamCorrelation([1, 2, 3], [2, 1, 3])).toMatchObject({ teams: 3, r: 0.5, lower: null, upper: null });
  });
});
