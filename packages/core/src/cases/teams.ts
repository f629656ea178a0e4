/**
 * Teams: who works cases together. A case's team must be one of them, and an owner given with a team must be
 * its member, so the inbox's "my team" and the round-robin of assignment (routing.ts) mean what they say.
 * Members are users; a user removed from the workspace drops out of every team's members as read here (the
 * membership row stays, harmless, and returns if the name is added again).
 */
import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { casesChanged } from './list-cache.ts';
import {
  type CreateTeamInput,
  createTeamInput,
  type RelabelTeamInput,
  relabelTeamInput,
  type Team,
  teamMemberInput,
} from './team-schemas.ts';
import { OPEN_STAGES } from './workflow.ts';

type TeamRow = { team: string; label_en: string; label_zh: string; created_at: string; members: string[] | null };

const teamsQuery = (only: string | null) => sql`
  SELECT t.team, t.label_en, t.label_zh, strftime(t.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at,
    list(m.username ORDER BY m.username) FILTER (WHERE u.username IS NOT NULL) AS members
  FROM teams t LEFT JOIN team_members m ON m.team = t.team LEFT JOIN users u ON u.username = m.username
  WHERE ${only === null ? sql`true` : sql`t.team = ${only}`}
  GROUP BY ALL ORDER BY t.team`;

const teamOf = (r: TeamRow): Team => ({
  team: r.team,
  label: { en: r.label_en, 'zh-CN': r.label_zh },
  created_at: r.created_at,
  members: r.members ?? [],
});

/**
 * Every team with its labels and members, by id.
 * @example await listTeams(ws) // [{ team: 'billing', label: { en: 'Billing', 'zh-CN': '账务' }, members: ['li.wei'], … }]
 */
export async function listTeams(ws: Workspace): Promise<Team[]> {
  return (await ws.db.all<TeamRow>(teamsQuery(null))).map(teamOf);
}

/** One team, or TEN_TEAM_NOT_FOUND. */
export async function getTeam(ws: Workspace, team: string): Promise<Team> {
  const [r] = await ws.db.all<TeamRow>(teamsQuery(team));
  if (!r) throw tenureError('TEN_TEAM_NOT_FOUND', { team });
  return teamOf(r);
}

/**
 * Add a team with its labels in both languages (TEN_TEAM_EXISTS when the id is taken, TEN_BAD_OPTION for a bad id).
 * @example await createTeam(ws, { team: 'billing', label_en: 'Billing', label_zh: '账务' })
 */
export async function createTeam(ws: Workspace, input: CreateTeamInput): Promise<Team> {
  const i = parseOptions(createTeamInput, input);
  const [taken] = await ws.db.all(sql`SELECT 1 AS x FROM teams WHERE team = ${i.team}`);
  if (taken) throw tenureError('TEN_TEAM_EXISTS', { team: i.team });
  await ws.db.run(sql`INSERT INTO teams (team, label_en, label_zh, created_at)
    VALUES (${i.team}, ${i.label_en}, ${i.label_zh}, ${new Date().toISOString()})`);
  return getTeam(ws, i.team);
}

/**
 * Change a team's labels (its id stays: cases and assignment rules name it).
 * @example await relabelTeam(ws, 'billing', { label_zh: '计费' })
 */
export async function relabelTeam(ws: Workspace, team: string, input: RelabelTeamInput): Promise<Team> {
  const i = parseOptions(relabelTeamInput, input);
  await getTeam(ws, team);
  await ws.db.run(sql`UPDATE teams SET label_en = coalesce(${i.label_en ?? null}, label_en),
    label_zh = coalesce(${i.label_zh ?? null}, label_zh) WHERE team = ${team}`);
  return getTeam(ws, team);
}

/**
 * Delete a team and its memberships. A team with open cases is refused (TEN_TEAM_IN_USE): those cases would
 * belong to no team anyone can see. Its closed cases keep its id, as history.
 * @example await deleteTeam(ws, 'billing')
 */
export async function deleteTeam(ws: Workspace, team: string): Promise<void> {
  await getTeam(ws, team);
  const [r] = await ws.db.all<{ n: number }>(
    sql`SELECT count(*)::INTEGER AS n FROM cases WHERE team = ${team} AND list_contains(${OPEN_STAGES}, stage)`,
  );
  if (r?.n) throw tenureError('TEN_TEAM_IN_USE', { team, open: r.n });
  await ws.db.transaction(async () => {
    await ws.db.run(sql`DELETE FROM team_members WHERE team = ${team}`);
    await ws.db.run(sql`DELETE FROM teams WHERE team = ${team}`);
  });
  casesChanged(ws);
}

/**
 * Add a user to a team (TEN_TEAM_UNKNOWN_USER for a name that is no user); adding a member again changes nothing.
 * @example await addTeamMember(ws, 'billing', 'li.wei')
 */
export async function addTeamMember(ws: Workspace, team: string, username: string): Promise<Team> {
  const i = parseOptions(teamMemberInput, { username });
  await getTeam(ws, team);
  const [u] = await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${i.username}`);
  if (!u) throw tenureError('TEN_TEAM_UNKNOWN_USER', { username: i.username });
  await ws.db.run(
    sql`INSERT INTO team_members (team, username) VALUES (${team}, ${i.username}) ON CONFLICT DO NOTHING`,
  );
  casesChanged(ws);
  return getTeam(ws, team);
}

/**
 * Take a user out of a team; the cases they own keep them as owner until reassigned.
 * @example await removeTeamMember(ws, 'billing', 'li.wei')
 */
export async function removeTeamMember(ws: Workspace, team: string, username: string): Promise<Team> {
  await getTeam(ws, team);
  await ws.db.run(sql`DELETE FROM team_members WHERE team = ${team} AND username = ${username}`);
  casesChanged(ws);
  return getTeam(ws, team);
}

/** A case's team must be a team (TEN_CASE_UNKNOWN_TEAM, naming the teams there are). */
export async function checkTeam(ws: Workspace, team: string): Promise<void> {
  const rows = await ws.db.all<{ team: string; hit: boolean }>(
    sql`SELECT team, team = ${team} AS hit FROM teams ORDER BY team`,
  );
  if (!rows.some((r) => r.hit)) throw tenureError('TEN_CASE_UNKNOWN_TEAM', { team, known: rows.map((r) => r.team) });
}

/** An owner given with a team must be its member (TEN_CASE_OWNER_NOT_IN_TEAM). */
export async function checkMember(ws: Workspace, owner: string, team: string): Promise<void> {
  const [m] = await ws.db.all(sql`SELECT 1 AS x FROM team_members WHERE team = ${team} AND username = ${owner}`);
  if (!m) throw tenureError('TEN_CASE_OWNER_NOT_IN_TEAM', { owner, team });
}
