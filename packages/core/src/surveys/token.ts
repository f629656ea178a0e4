import { createHash, randomBytes } from 'node:crypto';

/**
 * A survey link's token: 24 random bytes (192 bits) in base64url, so guessing one is hopeless; the workspace
 * keeps only its SHA-256, so neither a copy of the database nor its logs open a survey. A plain (unsalted)
 * digest suffices for a random token of this length: there is no dictionary to try against it.
 * @example const { token, digest } = newToken(); digestOf(token) === digest
 */
export function newToken(): { token: string; digest: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, digest: digestOf(token) };
}

export const digestOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as we make them (32 base64url characters); anything else is refused before any lookup. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
