/**
 * `tenure serve`, `tenure users` and `tenure keys` as a user runs them: real child processes, a real server
 * on 127.0.0.1 and real workspaces in temp folders.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { demoUsers } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  cleanup,
  type DemoOut,
  expectHumanError,
  expectJsonError,
  json,
  root,
  SLOW,
  tempDir,
  tenure,
} from './helpers.ts';

interface Served {
  url: string;
  workspace: string;
  pid: number;
  demo: boolean;
  admin: { username: string; password: string } | null;
}

let tmp: string;
let ws: string;
const children: ChildProcess[] = [];
beforeAll(() => {
  tmp = tempDir();
  ws = join(tmp, 'served');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  cleanup(tmp);
});

/** Start `tenure serve --json` and resolve with what it printed once it listens. */
function serve(dir: string): Promise<{ child: ChildProcess; out: Served }> {
  const child = spawn(process.execPath, [bin, 'serve', '-w', dir, '--port', '0', '--json'], { cwd: root });
  children.push(child);
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += d.toString();
      try {
        done({ child, out: JSON.parse(out) as Served });
      } catch {
        // not the whole JSON yet
      }
    });
    child.stderr?.on('data', (d) => {
      err += d.toString();
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}:\n${out}\n${err}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });

/** Run `tenure …` with text on stdin (a piped password). */
function withStdin(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d) => {
    stderr += d.toString();
  });
  child.stdin.end(input);
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('tenure serve', SLOW, () => {
  it('builds the demo in an empty folder, creates a first admin, and holds the workspace until stopped', async () => {
    const { child, out } = await serve(ws);
    expect(out).toMatchObject({ workspace: ws, demo: true, admin: { username: 'admin' } });
    expect(out.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${out.url}/api/health`)).json()).toMatchObject({ status: 'ok' });
    const admin = out.admin as { username: string; password: string };
    expect((await login(out.url, admin.username, admin.password)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(ws, 'tenure.server.json'), 'utf8'))).toMatchObject({
      url: out.url,
      pid: child.pid,
    });

    // Other commands are told which server holds the workspace, and where.
    const [st, users] = await Promise.all([
      tenure(['status', '-w', ws, '--json']),
      tenure(['users', 'list', '-w', ws]),
    ]);
    expect(expectJsonError(st, 5, 'TEN_SERVER_HOLDS_WORKSPACE').error.message).toContain(out.url);
    expect(expectHumanError(users, 5, 'TEN_SERVER_HOLDS_WORKSPACE')[0]).toContain(out.url);

    expect(await stop(child)).toBe(0);
    expect(existsSync(join(ws, 'tenure.server.json'))).toBe(false);
  });

  it('says so when the port is taken, and leaves the workspace usable', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = String((blocker.address() as AddressInfo).port);
    try {
      expectJsonError(await tenure(['serve', '-w', ws, '--port', port, '--json']), 2, 'TEN_USAGE');
    } finally {
      blocker.close();
    }
    expect((await tenure(['users', 'list', '-w', ws, '--json'])).code).toBe(0);
  });
});

describe('tenure users and keys', SLOW, () => {
  it('add users (password from an option or stdin), refuse duplicates and unknown roles, list them', async () => {
    const bob = await tenure([
      'users',
      'add',
      'bob',
      '--role',
      'viewer',
      '--password',
      'bob the viewer',
      '-w',
      ws,
      '--json',
    ]);
    expect(json(bob)).toMatchObject({ username: 'bob', role: 'viewer' });
    const carol = await withStdin(['users', 'add', 'carol', '--role', 'analyst', '-w', ws], 'carol the analyst\n');
    expect(carol.code, carol.stderr).toBe(0);
    expectJsonError(
      await tenure(['users', 'add', 'bob', '--role', 'viewer', '--password', 'another one', '-w', ws, '--json']),
      5,
      'TEN_USER_EXISTS',
    );
    expectJsonError(
      await tenure(['users', 'add', 'eve', '--role', 'root', '--password', 'long enough', '-w', ws, '--json']),
      3,
      'TEN_ROLE_UNKNOWN',
    );
    const list = json<{ users: { username: string; role: string }[] }>(
      await tenure(['users', 'list', '-w', ws, '--json']),
    );
    // The demo's team (locked users) is there too.
    const expected = [
      ['admin', 'admin'],
      ['bob', 'viewer'],
      ['carol', 'analyst'],
      ...demoUsers().map((u) => [u.username, u.role]),
    ];
    expect(list.users.map((u) => [u.username, u.role])).toEqual(expected.sort(([a], [b]) => (a! < b! ? -1 : 1)));
  });

  it('create a key shown once; the server accepts it and the piped password; a revoked key is listed as such', async () => {
    const created = json<{ id: string; key: string; role: string }>(
      await tenure(['keys', 'create', '--role', 'analyst', '--name', 'ci', '-w', ws, '--json']),
    );
    expect(created.role).toBe('analyst');
    const listed = await tenure(['keys', 'list', '-w', ws, '--json']);
    expect(listed.stdout).toContain(created.id);
    expect(listed.stdout).not.toContain(created.key);

    const { child, out } = await serve(ws);
    expect(out.admin).toBeNull(); // users exist: no new admin
    const status = await fetch(`${out.url}/api/v1/status`, { headers: { authorization: `Bearer ${created.key}` } });
    expect(status.status).toBe(200);
    expect(await (await login(out.url, 'carol', 'carol the analyst')).json()).toMatchObject({
      user: { role: 'analyst' },
    });
    expect(await stop(child)).toBe(0);

    const revoked = json<{ revoked_at: string | null }>(
      await tenure(['keys', 'revoke', created.id, '-w', ws, '--json']),
    );
    expect(revoked.revoked_at).not.toBeNull();
    expectJsonError(await tenure(['keys', 'revoke', 'ffffffffffff', '-w', ws, '--json']), 4, 'TEN_KEY_NOT_FOUND');
  });
});

describe('users added before the first start, and a demo rebuilt over them', SLOW, () => {
  it('serve creates an admin when the users added so far include none', async () => {
    const dir = join(tmp, 'viewers-first');
    expect((await tenure(['init', '-w', dir])).code).toBe(0);
    const added = await tenure([
      'users',
      'add',
      'vera',
      '--role',
      'viewer',
      '--password',
      'vera the viewer',
      '-w',
      dir,
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim().split('\n')).toHaveLength(2); // the user, and a line saying there is no admin yet
    const { child, out } = await serve(dir);
    expect(out.admin?.username).toBe('admin');
    expect((await login(out.url, 'admin', out.admin?.password as string)).status).toBe(200);
    expect(await stop(child)).toBe(0);
    const admin = await tenure(['users', 'add', 'ada', '--role', 'admin', '--password', 'ada the admin', '-w', dir]);
    expect(admin.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('demo --force replaces the data but keeps the users and API keys', async () => {
    const dir = join(tmp, 'rebuilt');
    expect((await tenure(['demo', '--customers', '50', '--months', '6', '-w', dir, '--json'])).code).toBe(0);
    expect(
      (await tenure(['users', 'add', 'li', '--role', 'analyst', '--password', 'li the analyst', '-w', dir])).code,
    ).toBe(0);
    const key = json<{ id: string }>(
      await tenure(['keys', 'create', '--role', 'viewer', '--name', 'bi', '-w', dir, '--json']),
    );
    const again = await tenure(['demo', '--customers', '60', '--months', '6', '--force', '-w', dir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json<DemoOut>(again).customers).toBe(60);
    const users = json<{ users: { username: string }[] }>(await tenure(['users', 'list', '-w', dir, '--json']));
    expect(users.users.map((u) => u.username)).toEqual(['li', ...demoUsers().map((u) => u.username)].sort());
    const keys = await tenure(['keys', 'list', '-w', dir, '--json']);
    expect(keys.stdout).toContain(key.id);
  });
});
