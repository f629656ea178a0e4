/**
 * The demo's retention team: teams with their labels, their agents (analysts) and a team lead (an admin, who
 * approves compensation above the limit), all users of the workspace so case ownership and approval hold.
 * They are locked (LOCKED_PASSWORD): nobody signs in as them until an admin sets a password, so the demo adds
 * no account anyone could guess. Users already there (a re-run, or a real user of the same name) are kept.
 */
import { LOCKED_PASSWORD } from '../../access/secrets.ts';
import { sql } from '../../sql/sql.ts';
import { monthStart } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { toTs } from './random.ts';

const OPS = DEMO_PARAMS.operations;

/** Every demo user with the role they get. */
export const demoUsers = (): { username: string; role: 'analyst' | 'admin' }[] => [
  ...Object.values(OPS.teams).flatMap((t) => t.agents.map((username) => ({ username, role: 'analyst' as const }))),
  { username: OPS.lead, role: 'admin' },
];

/** Write the users and demo_agents (team, i, username, size): the agents who take a team's cases in turn. */
export async function writeStaff(ctx: DemoContext): Promise<void> {
  const since = toTs(monthStart(0));
  const teams = Object.entries(OPS.teams);
  const users = demoUsers().map((u) => sql`(${u.username}, ${u.role}, ${LOCKED_PASSWORD}, ${since}, ${since})`);
  await ctx.db.run(sql`INSERT INTO users (username, role, password_hash, created_at, updated_at)
    VALUES ${sql.join(users)} ON CONFLICT DO NOTHING`);
  const agents = teams.flatMap(([team, t]) => t.agents.map((u, i) => sql`(${team}, ${i}, ${u}, ${t.agents.length})`));
  await ctx.db.run(sql`CREATE OR REPLACE TEMP TABLE demo_agents AS
    SELECT * FROM (VALUES ${sql.join(agents)}) a(team, i, username, size)`);
}

/** Write the teams with their labels and members (people.duckdb: written apart from the users, see index.ts). */
export async function writeTeams(ctx: DemoContext): Promise<void> {
  const since = toTs(monthStart(0));
  const teams = Object.entries(OPS.teams);
  const names = teams.map(([team]) => team);
  await ctx.db.run(sql`DELETE FROM team_members WHERE team IN (${sql.join(names.map((t) => sql`${t}`))})`);
  await ctx.db.run(sql`DELETE FROM teams WHERE team IN (${sql.join(names.map((t) => sql`${t}`))})`);
  await ctx.db.run(sql`INSERT INTO teams (team, label_en, label_zh, created_at)
    VALUES ${sql.join(teams.map(([team, t]) => sql`(${team}, ${t.en}, ${t['zh-CN']}, ${since})`))}`);
  const members = teams.flatMap(([team, t]) => [...t.agents, OPS.lead].map((u) => sql`(${team}, ${u})`));
  await ctx.db.run(sql`INSERT INTO team_members (team, username) VALUES ${sql.join(members)}`);
}
