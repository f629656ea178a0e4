/**
 * The retention team's records in people.duckdb (people.ts): an older workspace's are moved there on open, whole
 * (keys, index, sequence position, rows), a move a crash cut in two is finished, and every connection finds them
 * by their plain names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agent, caseWorkspace } from '../../test/cases.ts';
import { appendAudit } from '../access/audit.ts';
import { createCase } from '../cases/create.ts';
import { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { moveTables } from '../engine/duckdb/move-tables.ts';
import { sql } from '../sql/sql.ts';
import { DB_FILE, PEOPLE_FILE } from './files.ts';
import { PEOPLE_TABLES } from './people.ts';
import { connectWorkspace, openWorkspace, type Workspace } from './workspace.ts';

const SEQUENCES = ['case_seq', 'playbook_run_seq', 'audit_seq'];
let ws: Workspace;
let done: () => Promise<void>;
let dir: string;

beforeEach(async () => {
  ({ ws, done } = await caseWorkspace());
  dir = ws.dir;
  await createCase(ws, agent, { customer_id: 'C1', kind: 'complaint', subject: 'One' });
  await createCase(ws, agent, { customer_id: 'C2', kind: 'complaint', subject: 'Two' });
  await appendAudit(ws, {
    actor: 'boss',
    role: 'admin',
    method: 'POST',
    route: '/x',
    target: null,
    status: 201,
    ip: null,
  });
  await ws.close();
});
afterEach(async () => {
  ws = await openWorkspace(dir);
  await done();
});

/** Where each people table lives, and how many rows each holds where. */
async function placed(db: DuckDbConnection) {
  return db.all(sql`SELECT database_name AS db, table_name AS t, estimated_size AS n FROM duckdb_tables()
    WHERE table_name IN (SELECT unnest(${[...PEOPLE_TABLES]})) ORDER BY t, db`);
}

/**
 * The workspace as an older Tenure left it: every people table and sequence in tenure.duckdb and no people.duckdb
 * (people.duckdb opened as the main database, tenure.duckdb attached, and the move run the other way).
 */
async function asOlderTenure(): Promise<void> {
  const db = await DuckDbConnection.open(join(dir, PEOPLE_FILE));
  try {
    await db.attach('tenure', join(dir, DB_FILE));
    await moveTables(db, 'tenure', { tables: [...PEOPLE_TABLES], sequences: SEQUENCES });
  } finally {
    await db.close();
  }
}

describe('people.duckdb', () => {
  it("takes an older workspace's cases, events, teams and audit log whole, once", async () => {
    await asOlderTenure();
    const raw = await DuckDbConnection.open(join(dir, DB_FILE));
    expect((await placed(raw)).every((r) => r.db === 'tenure')).toBe(true);
    await raw.close();

    ws = await openWorkspace(dir);
    expect((await placed(ws.db)).every((r) => r.db === 'people')).toBe(true);
    const view = await connectWorkspace(ws);
    try {
      // Another connection finds them by name, with their rows.
      expect(await view.db.all(sql`SELECT case_id, subject FROM cases ORDER BY case_id`)).toEqual([
        { case_id: 'CASE-000001', subject: 'One' },
        { case_id: 'CASE-000002', subject: 'Two' },
      ]);
      expect(await view.db.all(sql`SELECT count(*)::INTEGER AS n FROM case_events`)).toEqual([{ n: 2 }]);
      expect(await view.db.all(sql`SELECT team FROM teams ORDER BY team`)).toEqual([
        { team: 'billing' },
        { team: 'retention' },
      ]);
      expect(await view.db.all(sql`SELECT actor FROM audit_log`)).toEqual([{ actor: 'boss' }]);
    } finally {
      await view.close();
    }
    // The key still holds, the index came along, and the sequence goes on where it was.
    await expect(ws.db.run(sql`INSERT INTO case_events SELECT * FROM case_events LIMIT 1`)).rejects.toThrow(/key/i);
    expect(
      await ws.db.all(sql`SELECT database_name AS db FROM duckdb_indexes() WHERE index_name = 'case_events_by_case'`),
    ).toEqual([{ db: 'people' }]);
    // (A restarted sequence would not show in a new case's id: creating one draws past ids that are taken.)
    const [{ next } = { next: 0 }] = await ws.db.all<{ next: number }>(sql`SELECT nextval('case_seq') AS next`);
    expect(next).toBeGreaterThan(2);
    await createCase(ws, agent, { customer_id: 'C3', kind: 'complaint', subject: 'Three' });
    await ws.close();
    // Nothing moves the second time.
    ws = await openWorkspace(dir);
    expect((await placed(ws.db)).every((r) => r.db === 'people')).toBe(true);
    expect(await ws.db.all(sql`SELECT count(*)::INTEGER AS n FROM cases`)).toEqual([{ n: 3 }]);
    await ws.close();
  });

  it('finishes a move cut between its copy and its drop, keeping the copy', async () => {
    // The state a crash after the copy's commit leaves: every table in both files (here the originals also hold
    // a row the copy has not, so reading the wrong one would show).
    const db = await DuckDbConnection.open(join(dir, DB_FILE));
    await db.attach('people', join(dir, PEOPLE_FILE));
    for (const t of PEOPLE_TABLES)
      await db.run(sql`CREATE TABLE ${sql.id('tenure', 'main', t)} AS SELECT * FROM ${sql.id('people', 'main', t)}`);
    await db.run(sql`INSERT INTO tenure.main.cases SELECT * REPLACE ('CASE-999999' AS case_id) FROM tenure.main.cases
      LIMIT 1`);
    await db.close();

    ws = await openWorkspace(dir);
    expect((await placed(ws.db)).every((r) => r.db === 'people')).toBe(true);
    expect(await ws.db.all(sql`SELECT case_id FROM cases ORDER BY case_id`)).toEqual([
      { case_id: 'CASE-000001' },
      { case_id: 'CASE-000002' },
    ]);
    await ws.close();
  });

  it('a damaged people.duckdb is refused with its own name, the workspace left as it was', async () => {
    const file = join(dir, PEOPLE_FILE);
    const kept = readFileSync(file);
    writeFileSync(file, 'not a database, but the same length as one'.padEnd(kept.length, '.'));
    try {
      await expect(openWorkspace(dir)).rejects.toMatchObject({ code: 'TEN_WORKSPACE_CORRUPT', where: { file } });
    } finally {
      writeFileSync(file, kept);
    }
  });
});
