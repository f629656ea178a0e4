/**
 * Playbooks as the workspace keeps them: one row each, the checked definition as JSON, and a version that
 * every change must name (optimistic concurrency: a change based on a version that has moved on is refused
 * with TEN_PLAYBOOK_STALE and the current version, never applied over the other admin's).
 */

import { isoOf } from '../cases/record.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkPlaybook } from './check.ts';
import type { Playbook, PlaybookDefinition } from './definition.ts';

export interface Actor {
  name: string;
}

interface Row {
  playbook_id: string;
  definition: string;
  enabled: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  last_run_at: string | null;
}

const select = sql`SELECT playbook_id, definition, enabled, version, ${isoOf(sql`created_at`)} AS created_at,
  ${isoOf(sql`updated_at`)} AS updated_at, updated_by, ${isoOf(sql`last_run_at`)} AS last_run_at FROM playbooks`;

const playbookOf = (r: Row): Playbook => ({
  ...(JSON.parse(r.definition) as Omit<PlaybookDefinition, 'enabled'>),
  enabled: r.enabled,
  version: r.version,
  created_at: r.created_at,
  updated_at: r.updated_at,
  updated_by: r.updated_by,
  last_run_at: r.last_run_at,
});

/**
 * Every playbook, by id.
 * @example (await listPlaybooks(ws)).filter((p) => p.enabled)
 */
export async function listPlaybooks(ws: Workspace): Promise<Playbook[]> {
  return (await ws.db.all<Row & Record<string, unknown>>(sql`${select} ORDER BY playbook_id`)).map(playbookOf);
}

/**
 * One playbook, or TEN_PLAYBOOK_NOT_FOUND.
 * @example (await getPlaybook(ws, 'save-critical')).version
 */
export async function getPlaybook(ws: Workspace, id: string): Promise<Playbook> {
  const [r] = await ws.db.all<Row & Record<string, unknown>>(sql`${select} WHERE playbook_id = ${id}`);
  if (!r) throw tenureError('TEN_PLAYBOOK_NOT_FOUND', { id });
  return playbookOf(r);
}

async function currentVersion(ws: Workspace, id: string): Promise<number | null> {
  const [r] = await ws.db.all<{ version: number }>(sql`SELECT version FROM playbooks WHERE playbook_id = ${id}`);
  return r?.version ?? null;
}

/** The change based on `expected` did not apply: the playbook is gone, or at another version. */
async function refused(ws: Workspace, id: string, expected: number): Promise<never> {
  const current = await currentVersion(ws, id);
  if (current === null) throw tenureError('TEN_PLAYBOOK_NOT_FOUND', { id });
  throw tenureError('TEN_PLAYBOOK_STALE', { id, expected, current }, {}, { version: current });
}

/**
 * Add a playbook (no `version`) or change one (the `version` read). The definition is checked first
 * (checkPlaybook); nothing is written when it is refused.
 * @example await savePlaybook(ws, { name: 'boss' }, JSON.parse(readFileSync('save-critical.json', 'utf8')))
 */
export async function savePlaybook(ws: Workspace, actor: Actor, input: unknown): Promise<Playbook> {
  const { definition, version } = await checkPlaybook(ws, input);
  const { enabled, ...kept } = definition;
  const id = definition.id;
  // `enabled` is the row's column alone, so switching a playbook on or off leaves its definition as it was.
  const json = JSON.stringify(kept);
  const now = new Date().toISOString();
  if (version === undefined) {
    const current = await currentVersion(ws, id);
    if (current !== null) throw tenureError('TEN_PLAYBOOK_EXISTS', { id, current }, {}, { version: current });
    try {
      await ws.db.run(sql`INSERT INTO playbooks (playbook_id, definition, enabled, version, created_at, updated_at, updated_by)
        VALUES (${id}, ${json}, ${enabled}, 1, ${now}, ${now}, ${actor.name})`);
    } catch (e) {
      // Another admin added it a moment ago: the key says so.
      const current = await currentVersion(ws, id);
      if (current !== null) throw tenureError('TEN_PLAYBOOK_EXISTS', { id, current }, {}, { version: current });
      throw e;
    }
  } else {
    const n = await ws.db.exec(sql`UPDATE playbooks SET definition = ${json}, enabled = ${enabled},
        version = ${version + 1}, updated_at = ${now}, updated_by = ${actor.name}
      WHERE playbook_id = ${id} AND version = ${version}`);
    if (n !== 1) await refused(ws, id, version);
  }
  return getPlaybook(ws, id);
}

/**
 * Switch a playbook on or off: a change like any other, a version on.
 * @example await setPlaybookEnabled(ws, actor, 'save-critical', false, 3)
 */
export async function setPlaybookEnabled(
  ws: Workspace,
  actor: Actor,
  id: string,
  enabled: boolean,
  expected?: number,
): Promise<Playbook> {
  const based = expected ?? (await getPlaybook(ws, id)).version;
  const n = await ws.db.exec(sql`UPDATE playbooks SET enabled = ${enabled},
      version = ${based + 1}, updated_at = ${new Date().toISOString()}, updated_by = ${actor.name}
    WHERE playbook_id = ${id} AND version = ${based}`);
  if (n !== 1) await refused(ws, id, based);
  return getPlaybook(ws, id);
}

/**
 * Remove a playbook. Its runs stay recorded, and the cases it opened keep its id: they are the customers' work.
 * @example await deletePlaybook(ws, 'save-critical', 4)
 */
export async function deletePlaybook(ws: Workspace, id: string, expected?: number): Promise<void> {
  const based = expected ?? (await getPlaybook(ws, id)).version;
  const n = await ws.db.exec(sql`DELETE FROM playbooks WHERE playbook_id = ${id} AND version = ${based}`);
  if (n !== 1) await refused(ws, id, based);
}
