/**
 * Failed logins per client address and username, and per address, within a sliding window. A name is locked
 * only for the address that guessed at it: locking the account itself would let anyone who knows a username
 * lock its owner out (five wrong passwords from anywhere). An address is locked after more failures across
 * names, since it may be shared (an office behind one NAT) yet tries many names when it attacks.
 */
export interface LoginLimits {
  /** Failures of one name from one address. */
  perUser: number;
  /** Failures of any names from one address. */
  perIp: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perUser: 5, perIp: 20, windowSeconds: 900 };

/** The key of a name tried from an address; JSON keeps a name containing the separator from colliding. */
const nameFrom = (username: string, ip: string) => JSON.stringify([ip, username]);

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.limits.windowSeconds * 1000;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until this username may be tried again from this address; 0 when it may now. */
  retryAfter(username: string, ip: string, now = Date.now()): number {
    const wait = (key: string, max: number) => {
      const times = this.recent(key, now);
      const oldest = times.length >= max ? times[times.length - max] : undefined;
      return oldest === undefined ? 0 : Math.ceil((oldest + this.limits.windowSeconds * 1000 - now) / 1000);
    };
    return Math.max(wait(nameFrom(username, ip), this.limits.perUser), wait(`ip:${ip}`, this.limits.perIp));
  }

  failed(username: string, ip: string, now = Date.now()): void {
    for (const key of [nameFrom(username, ip), `ip:${ip}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A successful login clears that name's failures from that address (not the address's: other names may be under attack). */
  succeeded(username: string, ip: string): void {
    this.failures.delete(nameFrom(username, ip));
  }
}
