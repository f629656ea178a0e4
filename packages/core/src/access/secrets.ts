import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, o: object) => Promise<Buffer>;

/**
 * scrypt parameters (N = 2^15, r = 8, p = 1: OWASP's minimum, about 100 ms on one core) are stored with each
 * hash, so raising them later leaves old hashes verifiable.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const LEN = 32;
// Node's default maxmem (32 MiB) is exactly 128·N·r and scrypt needs a little more.
const MAXMEM = 64 * 1024 * 1024;

/** A random token of `bytes` bytes, URL-safe. @example randomToken(32) */
export const randomToken = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * Hash a password for storage: `scrypt$N$r$p$salt$hash`. The async scrypt runs on the thread pool, so
 * logins do not stall other requests.
 * @example const stored = await hashPassword('correct horse battery staple')
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, LEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * The stored hash of a user who cannot sign in (the demo's agents): no password matches it, since it is no
 * scrypt hash, until an admin sets one (`tenure users add NAME --force`).
 */
export const LOCKED_PASSWORD = 'locked';

/** Whether `password` matches a stored hash; compared in constant time. @example await verifyPassword(pw, stored) */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64url');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64url'), want.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(got, want);
}

/**
 * Session tokens and API-key secrets are 256 random bits, so a fast hash is enough to store them: unlike
 * passwords they cannot be guessed from a dictionary, and every request checks one.
 * @example tokenHash(randomToken(32))
 */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Constant-time equality of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
