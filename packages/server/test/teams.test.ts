/**
 * The team routes and the inbox's "mine", "my team" and overdue over real HTTP: admins keep teams, viewers read
 * them, analysts open cases for a team; refusals by code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Team = { team: string; label: { en: string; 'zh-CN': string }; members: string[] };
type Case = { case_id: string; owner: string | null; team: string | null; overdue: boolean } & Record<string, unknown>;

let s: TestServer;
let admin: Client;
let analyst: Client;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  admin = new Client(s.url, s.keys.admin);
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

describe('team routes', () => {
  it('admins create, relabel, staff and delete a team; viewers read it; analysts may not change it', async () => {
    const made = await admin.call<Team>('POST', '/api/v1/teams', {
      json: { team: 'save-desk', label_en: 'Save desk', label_zh: '挽留组' },
    });
    expect(made.status, made.text).toBe(201);
    expectProblem(
      await analyst.call('POST', '/api/v1/teams', { json: { team: 'x', label_en: 'X', label_zh: 'X' } }),
      403,
      'TEN_FORBIDDEN',
    );
    expectProblem(
      await admin.call('POST', '/api/v1/teams', { json: { team: 'save-desk', label_en: 'X', label_zh: 'X' } }),
      409,
      'TEN_TEAM_EXISTS',
    );
    const staffed = await admin.call<Team>('POST', '/api/v1/teams/save-desk/members', {
      json: { username: 'analyst' },
    });
    expect(staffed.body.members).toEqual(['analyst']);
    expectProblem(
      await admin.call('POST', '/api/v1/teams/save-desk/members', { json: { username: 'ghost' } }),
      422,
      'TEN_TEAM_UNKNOWN_USER',
    );
    const relabelled = await admin.call<Team>('PATCH', '/api/v1/teams/save-desk', { json: { label_zh: '客户挽留组' } });
    expect(relabelled.body.label).toEqual({ en: 'Save desk', 'zh-CN': '客户挽留组' });
    const listed = await viewer.get<{ teams: Team[] }>('/api/v1/teams');
    expect(listed.body.teams.map((t) => t.team)).toEqual(['billing', 'care', 'retention', 'save-desk']);
    await admin.call('POST', '/api/v1/teams', { json: { team: 'temp', label_en: 'Temp', label_zh: '临时' } });
    expect((await admin.call('DELETE', '/api/v1/teams/temp')).status).toBe(204);
    expectProblem(await admin.call('DELETE', '/api/v1/teams/temp'), 404, 'TEN_TEAM_NOT_FOUND');
  });

  it('a case goes to a team and a member of it; the member sees it as theirs and their team’s', async () => {
    expectProblem(
      await analyst.call('POST', '/api/v1/cases', {
        json: { customer_id: 'C0000001', kind: 'complaint', subject: 'X', team: 'nowhere' },
      }),
      422,
      'TEN_CASE_UNKNOWN_TEAM',
    );
    expectProblem(
      await analyst.call('POST', '/api/v1/cases', {
        json: { customer_id: 'C0000001', kind: 'complaint', subject: 'X', team: 'save-desk', owner: 'viewer' },
      }),
      422,
      'TEN_CASE_OWNER_NOT_IN_TEAM',
    );
    const c = await analyst.call<Case>('POST', '/api/v1/cases', {
      json: {
        customer_id: 'C0000001',
        kind: 'retention',
        subject: 'Wants to leave',
        team: 'save-desk',
        owner: 'analyst',
      },
    });
    expect(c.status, c.text).toBe(201);
    expectProblem(await admin.call('DELETE', '/api/v1/teams/save-desk'), 409, 'TEN_TEAM_IN_USE');
    const session = new Client(s.url);
    expect((await session.login('analyst')).status).toBe(200);
    const mine = await session.get<{ total: number; rows: Case[] }>('/api/v1/cases?mine=true&sort=due&order=asc');
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.rows.map((r) => r.case_id)).toContain(c.body.case_id);
    expect(mine.body.rows[0]).toMatchObject({ overdue: false, first_response_breached: false });
    const team = await session.get<{ rows: Case[] }>('/api/v1/cases?my_team=true&overdue=false');
    expect(team.body.rows.map((r) => r.case_id)).toEqual([c.body.case_id]);
    // An API key is no user: "mine" means nobody.
    expectProblem(await analyst.get('/api/v1/cases?mine=true'), 422, 'TEN_CASE_NEEDS_USER');
    expectProblem(await viewer.get('/api/v1/cases?overdue=maybe'), 400, 'TEN_BAD_OPTION');
  });
});
