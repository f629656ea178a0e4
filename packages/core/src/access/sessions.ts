import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Role } from './roles.ts';
import { randomToken, tokenHash } from './secrets.ts';

/** Who a request acts for: a user logged in through a session, or an API key. */
export interface Actor {
  /** The username, or `key:<id>` for an API key. */
  name: string;
  role: Role;
  via: 'session' | 'key';
  /** The user's chosen language (sessions only; null until they choose, and for keys). */
  lang?: Lang | null;
}

export interface Session {
  /** The cookie value: shown to the client once, stored only as a digest. */
  token: string;
  /** Sent back by the client in x-csrf-token on unsafe requests (double submit, checked against the session). */
  csrfToken: string;
  expiresAt: string;
}

/** Sessions last 12 hours from login; the dashboard then asks to log in again. */
export const SESSION_HOURS = 12;
const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * Start a session for a user whose password was checked. Expired sessions are swept here, so the table
 * stays as small as the number of live sessions.
 * @example const s = await createSession(ws, user.username)
 */
export async function createSession(ws: Workspace, username: string): Promise<Session> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await ws.db.run(sql`DELETE FROM sessions WHERE expires_at <= ${NOW}`);
  const [r] = await ws.db.all<{ expires_at: string }>(sql`INSERT INTO sessions
    VALUES (${tokenHash(token)}, ${username}, ${csrfToken}, ${NOW}, ${NOW} + INTERVAL ${sql.raw(String(SESSION_HOURS))} HOUR)
    RETURNING CAST(expires_at AS VARCHAR) AS expires_at`);
  return { token, csrfToken, expiresAt: r?.expires_at ?? '' };
}

/**
 * The user of a live session with their current role (a role change applies at once) and chosen language, and
 * its CSRF token.
 * @example const s = await sessionActor(ws, cookieValue)
 */
export async function sessionActor(ws: Workspace, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const [r] = await ws.db.all<{ username: string; role: Role; lang: Lang | null; csrf_token: string }>(
    sql`SELECT u.username, u.role, u.lang, s.csrf_token FROM sessions s JOIN users u USING (username)
        WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > ${NOW}`,
  );
  return r
    ? { actor: { name: r.username, role: r.role, via: 'session', lang: r.lang }, csrfToken: r.csrf_token }
    : null;
}

/** End a session (logout). @example await endSession(ws, cookieValue) */
export async function endSession(ws: Workspace, token: string): Promise<void> {
  await ws.db.run(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash(token)}`);
}
