/**
 * The access layer on a real workspace file: users and passwords, sessions, API keys and the audit log.
 * HTTP behaviour (cookies, CSRF, roles per route) is tested in packages/server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { appendAudit, listAudit } from './audit.ts';
import { createKey, keyActor, listKeys, revokeKey } from './keys.ts';
import { allows, parseRole } from './roles.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { createSession, endSession, sessionActor } from './sessions.ts';
import { addUser, checkLogin, listUsers, removeUser, setUserLang, updateUser } from './users.ts';

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-access-'));
  ws = await initWorkspace(dir);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes and verified only by the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });
});

describe('roles', () => {
  it('are ordered viewer < analyst < admin, and unknown ones are refused', () => {
    expect([allows('admin', 'analyst'), allows('analyst', 'analyst'), allows('viewer', 'analyst')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(() => parseRole('root')).toThrow(expect.objectContaining({ code: 'TEN_ROLE_UNKNOWN' }));
  });
});

describe('users', () => {
  it('log in with their password only; unknown names and wrong passwords fail alike', async () => {
    await addUser(ws, { username: 'li.wei', password: 'a long passphrase', role: 'analyst' });
    expect(await checkLogin(ws, 'li.wei', 'a long passphrase')).toMatchObject({ username: 'li.wei', role: 'analyst' });
    for (const [name, pw] of [
      ['li.wei', 'wrong passphrase'],
      ['nobody', 'a long passphrase'],
    ] as const) {
      await expect(checkLogin(ws, name, pw)).rejects.toMatchObject({ code: 'TEN_LOGIN_FAILED', status: 401 });
    }
    const [stored] = await ws.db.all<{ h: string }>(
      sql`SELECT password_hash AS h FROM users WHERE username = 'li.wei'`,
    );
    expect(stored?.h).toMatch(/^scrypt\$/);
  });

  it('refuse bad names, short passwords, unknown roles and duplicates', async () => {
    const bad = [
      [{ username: 'a b', password: 'long enough', role: 'viewer' }, 'TEN_USER_BAD_NAME'],
      [{ username: 'short', password: 'short', role: 'viewer' }, 'TEN_USER_WEAK_PASSWORD'],
      [{ username: 'role', password: 'long enough', role: 'owner' }, 'TEN_ROLE_UNKNOWN'],
      [{ username: 'li.wei', password: 'long enough', role: 'viewer' }, 'TEN_USER_EXISTS'],
    ] as const;
    for (const [u, code] of bad) await expect(addUser(ws, u)).rejects.toMatchObject({ code });
  });

  it('keep at least one admin, and a new password ends the sessions', async () => {
    await addUser(ws, { username: 'boss', password: 'the only admin', role: 'admin' });
    await expect(updateUser(ws, 'boss', { role: 'viewer' })).rejects.toMatchObject({ code: 'TEN_USER_LAST_ADMIN' });
    await expect(removeUser(ws, 'boss')).rejects.toMatchObject({ code: 'TEN_USER_LAST_ADMIN' });
    const s = await createSession(ws, 'li.wei');
    expect((await sessionActor(ws, s.token))?.actor).toEqual({
      name: 'li.wei',
      role: 'analyst',
      via: 'session',
      lang: null,
    });
    // The language the user chooses is theirs: a live session carries it at once.
    expect(await setUserLang(ws, 'li.wei', 'zh-CN')).toMatchObject({ username: 'li.wei', lang: 'zh-CN' });
    expect((await sessionActor(ws, s.token))?.actor.lang).toBe('zh-CN');
    await expect(setUserLang(ws, 'nobody', 'en')).rejects.toMatchObject({ code: 'TEN_USER_NOT_FOUND' });
    await updateUser(ws, 'li.wei', { password: 'another long one' });
    expect(await sessionActor(ws, s.token)).toBeNull();
    // `replace` is how an admin resets a password from the CLI.
    await addUser(ws, { username: 'li.wei', password: 'third passphrase', role: 'viewer' }, { replace: true });
    expect(await checkLogin(ws, 'li.wei', 'third passphrase')).toMatchObject({ role: 'viewer' });
    await removeUser(ws, 'li.wei');
    expect((await listUsers(ws)).map((u) => u.username)).toEqual(['boss']);
  });
});

describe('sessions', () => {
  it('are stored as digests, carry a CSRF token, expire and end at logout', async () => {
    const s = await createSession(ws, 'boss');
    const stored = await ws.db.all(sql`SELECT 1 AS x FROM sessions WHERE token_hash = ${s.token}`);
    expect(stored).toEqual([]);
    expect(await sessionActor(ws, s.token)).toEqual({
      actor: { name: 'boss', role: 'admin', via: 'session', lang: null },
      csrfToken: s.csrfToken,
    });
    expect(await sessionActor(ws, `${s.token}x`)).toBeNull();
    await ws.db.run(sql`UPDATE sessions SET expires_at = current_timestamp::TIMESTAMP - INTERVAL 1 SECOND`);
    expect(await sessionActor(ws, s.token)).toBeNull();
    const t = await createSession(ws, 'boss');
    await endSession(ws, t.token);
    expect(await sessionActor(ws, t.token)).toBeNull();
  });
});

describe('API keys', () => {
  it('work until revoked; the secret is shown once and a tampered key fails', async () => {
    const k = await createKey(ws, { name: 'crm', role: 'analyst', createdBy: 'boss' });
    expect(k.key).toMatch(new RegExp(`^tnr_${k.id}_`));
    expect(await keyActor(ws, k.key)).toEqual({ name: `key:${k.id}`, role: 'analyst', via: 'key' });
    expect(await keyActor(ws, `${k.key.slice(0, -1)}${k.key.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    // The secret is base64url and may itself hold '_': cut it by the prefix's length, not at the last '_'.
    expect(JSON.stringify(await listKeys(ws))).not.toContain(k.key.slice(`tnr_${k.id}_`.length));
    expect((await revokeKey(ws, k.id)).revoked_at).not.toBeNull();
    expect(await keyActor(ws, k.key)).toBeNull();
    await expect(revokeKey(ws, 'ffffffffffff')).rejects.toMatchObject({ code: 'TEN_KEY_NOT_FOUND' });
  });
});

describe('audit log', () => {
  it('pages entries newest first', async () => {
    for (const status of [200, 201, 403])
      await appendAudit(ws, {
        actor: 'boss',
        role: 'admin',
        method: 'POST',
        route: '/x',
        target: null,
        status,
        ip: null,
      });
    const page = await listAudit(ws, { page: 1, pageSize: 2 });
    expect({ total: page.total, statuses: page.rows.map((r) => r.status) }).toEqual({ total: 3, statuses: [403, 201] });
    expect((await listAudit(ws, { page: 2, pageSize: 2 })).rows.map((r) => r.status)).toEqual([200]);
  });
});
