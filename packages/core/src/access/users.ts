import { tenureError } from '../errors.ts';
import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { parseRole, type Role } from './roles.ts';
import { hashPassword, LOCKED_PASSWORD, verifyPassword } from './secrets.ts';

export interface User {
  username: string;
  role: Role;
  /** The language the user chose, null until they do: their requests' errors and texts use it. */
  lang: Lang | null;
  created_at: string;
  updated_at: string;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const MIN_PASSWORD = 8;
const NOW = sql`current_timestamp::TIMESTAMP`;

function checkName(username: string): string {
  if (!NAME.test(username)) throw tenureError('TEN_USER_BAD_NAME', { username });
  return username;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD) throw tenureError('TEN_USER_WEAK_PASSWORD', { min: MIN_PASSWORD });
  return password;
}

const COLUMNS = sql`username, role, lang, CAST(created_at AS VARCHAR) AS created_at, CAST(updated_at AS VARCHAR) AS updated_at`;

/** Every user, by name; never the password hashes. @example await listUsers(ws) */
export const listUsers = (ws: Workspace): Promise<User[]> =>
  ws.db.all<User & Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM users ORDER BY username`);

/** One user, or TEN_USER_NOT_FOUND. */
async function getUser(ws: Workspace, username: string): Promise<User> {
  const [u] = await ws.db.all<User & Record<string, unknown>>(
    sql`SELECT ${COLUMNS} FROM users WHERE username = ${username}`,
  );
  if (!u) throw tenureError('TEN_USER_NOT_FOUND', { username });
  return u;
}

/**
 * Add a user; with `replace`, an existing user gets the new password and role (how an admin resets a
 * forgotten password from the CLI).
 * @example await addUser(ws, { username: 'li.wei', password: 'a long passphrase', role: 'analyst' })
 */
export async function addUser(
  ws: Workspace,
  u: { username: string; password: string; role: string },
  opts: { replace?: boolean } = {},
): Promise<User> {
  const username = checkName(u.username);
  const role = parseRole(u.role);
  const hash = await hashPassword(checkPassword(u.password));
  const exists = (await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${username}`)).length > 0;
  if (exists && !opts.replace) throw tenureError('TEN_USER_EXISTS', { username });
  if (exists) return updateUser(ws, username, { role, password: u.password });
  await ws.db.run(sql`INSERT INTO users (username, role, password_hash, created_at, updated_at)
    VALUES (${username}, ${role}, ${hash}, ${NOW}, ${NOW})`);
  return getUser(ws, username);
}

/** Admins who can sign in: a locked user (LOCKED_PASSWORD, the demo's team lead) administers nothing. */
const signInAdmins = sql`role = 'admin' AND password_hash <> ${LOCKED_PASSWORD}`;

/** Refuse to leave the workspace without an admin who can sign in. */
async function keepAnAdmin(ws: Workspace, username: string): Promise<void> {
  const [r] = await ws.db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM users WHERE ${signInAdmins} AND username <> ${username}`,
  );
  if (!r?.n) throw tenureError('TEN_USER_LAST_ADMIN', { username });
}

/**
 * Whether some admin can sign in: `tenure serve` creates the first admin of a workspace without one.
 * @example if (!(await hasSignInAdmin(ws))) await addUser(ws, { username: 'admin', password, role: 'admin' })
 */
export async function hasSignInAdmin(ws: Workspace): Promise<boolean> {
  const [r] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM users WHERE ${signInAdmins}`);
  return (r?.n ?? 0) > 0;
}

/**
 * Change a user's role or password. A new password ends the user's sessions, so a leaked session does not
 * outlive the reset.
 * @example await updateUser(ws, 'li.wei', { role: 'viewer' })
 */
export async function updateUser(
  ws: Workspace,
  username: string,
  change: { role?: string; password?: string },
): Promise<User> {
  const before = await getUser(ws, username);
  const role = change.role === undefined ? before.role : parseRole(change.role);
  if (before.role === 'admin' && role !== 'admin') await keepAnAdmin(ws, username);
  if (role !== before.role)
    await ws.db.run(sql`UPDATE users SET role = ${role}, updated_at = ${NOW} WHERE username = ${username}`);
  if (change.password !== undefined) {
    const hash = await hashPassword(checkPassword(change.password));
    await ws.db.run(sql`UPDATE users SET password_hash = ${hash}, updated_at = ${NOW} WHERE username = ${username}`);
    await ws.db.run(sql`DELETE FROM sessions WHERE username = ${username}`);
  }
  return getUser(ws, username);
}

/**
 * Keep the language a user chose (the dashboard's language switch), so their requests' errors and texts use it
 * even where the client sends no language of its own (a download link, a script with their session).
 * @example await setUserLang(ws, 'li.wei', 'zh-CN')
 */
export async function setUserLang(ws: Workspace, username: string, lang: Lang): Promise<User> {
  await getUser(ws, username);
  await ws.db.run(sql`UPDATE users SET lang = ${lang}, updated_at = ${NOW} WHERE username = ${username}`);
  return getUser(ws, username);
}

/** Remove a user and end their sessions. @example await removeUser(ws, 'li.wei') */
export async function removeUser(ws: Workspace, username: string): Promise<void> {
  const u = await getUser(ws, username);
  if (u.role === 'admin') await keepAnAdmin(ws, username);
  await ws.db.run(sql`DELETE FROM sessions WHERE username = ${username}`);
  await ws.db.run(sql`DELETE FROM users WHERE username = ${username}`);
}

// Verified against when the user does not exist, so a wrong name takes as long as a wrong password. Made on
// the first login only: every CLI command loads this module.
let decoy: Promise<string> | undefined;
const decoyHash = () => {
  decoy ??= hashPassword('decoy password, never matches');
  return decoy;
};

/**
 * The user a username and password identify, or TEN_LOGIN_FAILED (the same for an unknown name and a wrong
 * password, so logins do not reveal which names exist).
 * @example const user = await checkLogin(ws, 'admin', password)
 */
export async function checkLogin(ws: Workspace, username: string, password: string): Promise<User> {
  const [row] = await ws.db.all<{ password_hash: string }>(
    sql`SELECT password_hash FROM users WHERE username = ${username}`,
  );
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  if (!row || !ok) throw tenureError('TEN_LOGIN_FAILED', {});
  return getUser(ws, username);
}
