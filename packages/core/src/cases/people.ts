import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkMember, checkTeam } from './teams.ts';

/**
 * An owner is a user of the workspace: a case given to a name nobody logs in as would be nobody's work.
 */
export async function checkOwner(ws: Workspace, owner: string): Promise<void> {
  const [u] = await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${owner}`);
  if (!u) throw tenureError('TEN_CASE_UNKNOWN_OWNER', { owner });
}

/**
 * Who a case goes to, checked: the owner a user (TEN_CASE_UNKNOWN_OWNER), the team a kept team
 * (TEN_CASE_UNKNOWN_TEAM, teams.ts), and an owner with a team its member (TEN_CASE_OWNER_NOT_IN_TEAM), so "my
 * team" in the inbox holds the cases its members own.
 */
export async function checkAssignee(ws: Workspace, owner: string | null, team: string | null): Promise<void> {
  if (owner) await checkOwner(ws, owner);
  if (team) await checkTeam(ws, team);
  if (owner && team) await checkMember(ws, owner, team);
}
