/**
 * Cases and their history imported from another tool through the import pipeline: good rows become cases and
 * events, bad ones rejects with their line, a second import of the same file changes nothing, Chinese headers
 * map, and the table stays the fold of its log.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../../test/cases.ts';
import { importFile } from '../../ingest/import.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { createCase } from '../create.ts';
import { caseSelect } from '../record.ts';
import { replayCases } from '../replay.ts';

let ws: Workspace;
let done: () => Promise<void>;
let dir: string;
beforeAll(async () => {
  ({ ws, done } = await caseWorkspace());
  dir = mkdtempSync(join(tmpdir(), 'tenure-case-import-'));
});
afterAll(async () => {
  await done();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, lines: string[]) => {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};
const table = () => ws.db.all(sql`SELECT ${caseSelect()} FROM cases c ORDER BY c.case_id`);
const events = () => ws.db.all(sql`SELECT * FROM case_events ORDER BY case_id, version`);
const rejects = async (batch: number | null) =>
  (
    await ws.db.all<{ line: number; code: string; column: string; value: string }>(
      sql`SELECT line, code, "column", value FROM rejects WHERE batch_id = ${batch} ORDER BY line, code`,
    )
  ).map((r) => ({ ...r, line: Number(r.line) }));
/** The table equals the fold of its log, row for row. */
const foldHolds = async () => expect(await replayCases(ws)).toEqual(await table());

const CASES = [
  'case_id,customer_id,kind,stage,priority,owner,subject,opened_at,closed_at,root_cause,severity,company_at_fault,contacted,satisfied,csat',
  'Z-1,C1,complaint,received,high,li.wei,Dropped calls,2024-03-01 09:00:00,,,,,,,',
  'Z-2,C2,complaint,closed,normal,,Billed twice,2024-03-02 10:00:00,2024-03-09 17:30:00,billing,high,yes,yes,no,2',
  'Z-3,C9,complaint,received,normal,,Unknown customer,2024-03-03 10:00:00,,,,,,,',
  'Z-4,C3,complaint,escalated,normal,,Not a stage,2024-03-03 10:00:00,,,,,,,',
  'Z-5,C3,retention,received,low,nobody,Not a user,2024-03-03 10:00:00,,,,,,,',
  'Z-6,C3,complaint,diagnosed,low,,Not a cause,2024-03-03 10:00:00,,weather,low,no,,,',
  'Z-7,C3,follow_up,received,normal,wang.fang,Call back,2024-03-04 08:00:00,,,,,,,',
];

describe('tenure import cases', () => {
  it('loads good rows as imported cases with a created event, rejects the rest with their line and column', async () => {
    const s = await importFile(ws, 'cases', file('cases.csv', CASES), { maxRejectRate: 0.9 });
    expect(s).toMatchObject({ status: 'loaded', rowsRead: 7, rowsRejected: 4, rowsNew: 3 });
    expect(await rejects(s.batchId)).toEqual([
      { line: 4, code: 'TEN_ROW_UNKNOWN_CUSTOMER', column: 'customer_id', value: 'C9' },
      { line: 5, code: 'TEN_ROW_BAD_VALUE', column: 'stage', value: 'escalated' },
      { line: 6, code: 'TEN_ROW_UNKNOWN_OWNER', column: 'owner', value: 'nobody' },
      { line: 7, code: 'TEN_ROW_BAD_VALUE', column: 'root_cause', value: 'weather' },
    ]);
    const rows = await table();
    expect(rows.map((r) => r.case_id)).toEqual(['Z-1', 'Z-2', 'Z-7']);
    expect(rows[1]).toMatchObject({
      source: 'import',
      stage: 'closed',
      company_at_fault: true,
      satisfied: false,
      csat: 2,
      opened_at: '2024-03-02T10:00:00.000Z',
      stage_at: '2024-03-09T17:30:00.000Z',
      closed_at: '2024-03-09T17:30:00.000Z',
      updated_at: '2024-03-09T17:30:00.000Z',
      version: 1,
    });
    expect(rows[0]).toMatchObject({ stage: 'received', owner: 'li.wei', closed_at: null, reopen_count: 0 });
    expect(await ws.db.all(sql`SELECT DISTINCT action, actor FROM case_events`)).toEqual([
      { action: 'created', actor: 'import' },
    ]);
    await foldHolds();
  });

  it('importing the same file again changes nothing', async () => {
    const [rowsBefore, eventsBefore] = [await table(), await events()];
    const s = await importFile(ws, 'cases', file('cases.csv', CASES), { maxRejectRate: 0.9 });
    expect(s).toMatchObject({ rowsNew: 0, rowsUpdated: 0, rowsUnchanged: 3, rowsRejected: 4 });
    expect(await table()).toEqual(rowsBefore);
    expect(await events()).toEqual(eventsBefore);
  });

  it('an id the workspace holds with other values is rejected, never overwritten', async () => {
    const manual = await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'Made here' });
    const s = await importFile(
      ws,
      'cases',
      file('clash.csv', [
        'case_id,customer_id,subject,opened_at',
        `${manual.case_id},C1,Made elsewhere,2024-01-01`,
        'Z-1,C1,Dropped calls (edited),2024-03-01 09:00:00',
        'Z-8,C2,New one,2024-04-01',
      ]),
      { maxRejectRate: 0.9 },
    );
    expect(s).toMatchObject({ rowsNew: 1, rowsRejected: 2 });
    expect((await rejects(s.batchId)).map((r) => [r.line, r.code])).toEqual([
      [2, 'TEN_ROW_CASE_CONFLICT'],
      [3, 'TEN_ROW_CASE_CONFLICT'],
    ]);
    expect((await table()).find((r) => r.case_id === manual.case_id)).toMatchObject({ subject: 'Made here' });
    await foldHolds();
  });

  it('maps Chinese headers; over the reject limit nothing is written', async () => {
    const zh = file('案件.csv', [
      '案件编号,客户编号,类型,阶段,优先级,主题,创建时间',
      'ZH-1,C1,complaint,received,urgent,网络掉线,2024-05-01 08:00:00',
    ]);
    const s = await importFile(ws, 'cases', zh);
    expect(s.mapping.map((m) => [m.field, m.header])).toContainEqual(['subject', '主题']);
    expect((await table()).find((r) => r.case_id === 'ZH-1')).toMatchObject({
      subject: '网络掉线',
      priority: 'urgent',
    });
    const before = await events();
    const bad = file('bad.csv', [
      'case_id,customer_id,subject,opened_at',
      'ZB-1,C9,x,2024-01-01',
      'ZB-2,C1,y,2024-01-01',
    ]);
    await expect(importFile(ws, 'cases', bad)).rejects.toMatchObject({ code: 'TEN_IMPORT_TOO_MANY_REJECTS' });
    expect(await events()).toEqual(before);
  });
});

const H =
  'case_id,at,actor,from_stage,to_stage,owner,root_cause,severity,company_at_fault,action_plan,compensation_kind,compensation_amount,actions_done,compensation_granted,contacted,satisfied,csat,note';
const HISTORY = [
  H,
  'Z-1,2024-03-01 09:00:00,,,received,,,,,,,,,,,,,',
  'Z-1,2024-03-02 10:00:00,alice,received,diagnosed,,network_quality,medium,yes,,,,,,,,,',
  'Z-1,2024-03-03 10:00:00,alice,,,,,,,,,,,,,,,Called the customer',
  'Z-1,2024-03-04 10:00:00,alice,,planned,,,,,Replace the router,credit,20,,,,,,',
  'Z-1,2024-03-05 10:00:00,alice,,implementing,,,,,,,,,,,,,',
  'Z-1,2024-03-06 10:00:00,alice,,following_up,,,,,,,,Replaced,20,,,,',
  'Z-1,2024-03-07 10:00:00,bob,,closed,,,,,,,,,,yes,yes,5,',
  'Z-1,2024-03-08 10:00:00,bob,closed,diagnosed,,,,,,,,,,,,,Signal dropped again',
  'Z-1,2024-03-09 10:00:00,bob,,,wang.fang,,,,,,,,,,,,',
  'Z-7,2024-03-05 10:00:00,carol,,planned,,,,,Skip ahead,,,,,,,,',
  'Z-7,2024-03-06 10:00:00,carol,,diagnosed,,product,low,no,,,,,,,,,',
  'Z-404,2024-03-06 10:00:00,carol,,diagnosed,,,,,,,,,,,,,',
  'ZH-1,2024-03-05 10:00:00,carol,,,,,,,,,,,,,,,Too early',
  'Z-8,2024-04-02 10:00:00,carol,diagnosed,diagnosed,,price,low,no,,,,,,,,,',
  'Z-2,2024-03-10 10:00:00,dave,,received,,,,,,,,,,,,,Customer wrote again',
];

describe('tenure import case_events', () => {
  it('appends each case its history, moves checked against the workflow, later changes after a refused one rejected', async () => {
    const s = await importFile(ws, 'case_events', file('history.csv', HISTORY), { maxRejectRate: 0.9 });
    expect(s).toMatchObject({ status: 'loaded', rowsRead: 15, rowsRejected: 5, rowsNew: 9, rowsUnchanged: 1 });
    expect((await rejects(s.batchId)).map((r) => [r.line, r.code, r.column, r.value])).toEqual([
      [11, 'TEN_ROW_CASE_TRANSITION', 'to_stage', 'received → planned'],
      [12, 'TEN_ROW_CASE_AFTER_REJECT', 'case_id', 'Z-7'],
      [13, 'TEN_ROW_UNKNOWN_CASE', 'case_id', 'Z-404'],
      [14, 'TEN_ROW_CASE_BEFORE_LAST', 'at', '2024-03-05 10:00:00'],
      [15, 'TEN_ROW_CASE_TRANSITION', 'from_stage', 'diagnosed'],
    ]);
    const byId = Object.fromEntries((await table()).map((r) => [r.case_id, r]));
    expect(byId['Z-1']).toMatchObject({
      stage: 'diagnosed',
      reopen_count: 1,
      root_cause: 'network_quality',
      company_at_fault: true,
      action_plan: null,
      compensation_granted: null,
      contacted: null,
      closed_at: null,
      owner: 'wang.fang',
      version: 9,
      updated_at: '2024-03-09T10:00:00.000Z',
    });
    expect(byId['Z-2']).toMatchObject({ stage: 'received', reopen_count: 1, root_cause: null, version: 2 });
    expect(byId['Z-7']).toMatchObject({ stage: 'received', version: 1 });
    const actions = await ws.db.all(sql`SELECT action FROM case_events WHERE case_id = 'Z-1' ORDER BY version`);
    expect(actions.map((a) => a.action)).toEqual([
      'created',
      'moved',
      'commented',
      'moved',
      'moved',
      'moved',
      'moved',
      'reopened',
      'assigned',
    ]);
    await foldHolds();
  });

  it('importing the same history again changes nothing; Chinese headers map', async () => {
    const [rowsBefore, eventsBefore] = [await table(), await events()];
    const again = await importFile(ws, 'case_events', file('history.csv', HISTORY), { maxRejectRate: 0.9 });
    expect(again).toMatchObject({ rowsNew: 0, rowsUnchanged: 10 });
    expect(await table()).toEqual(rowsBefore);
    expect(await events()).toEqual(eventsBefore);
    const zh = file('历史.csv', [
      '案件编号,操作时间,操作人,新阶段,根因,严重程度,是否我方责任,备注',
      'ZH-1,2024-05-02 09:00:00,张三,diagnosed,billing,high,是,已核实',
    ]);
    const s = await importFile(ws, 'case_events', zh);
    expect(s).toMatchObject({ rowsNew: 1, rowsRejected: 0 });
    expect((await table()).find((r) => r.case_id === 'ZH-1')).toMatchObject({
      stage: 'diagnosed',
      company_at_fault: true,
    });
    await foldHolds();
  });
});
