/**
 * Failed logins per username and per client address within a sliding window. A username is locked after a
 * few failures wherever they come from (password guessing against one account); an address after more,
 * since it may be shared (an office behind one NAT) and tries many names.
 */
export interface LoginLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perUser: 5, perIp: 20, windowSeconds: 900 };

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

  /** Seconds until this username and address may try again; 0 when they may now. */
  retryAfter(username: string, ip: string, now = Date.now()): number {
    const wait = (key: string, max: number) => {
      const times = this.recent(key, now);
      const oldest = times.length >= max ? times[times.length - max] : undefined;
      return oldest === undefined ? 0 : Math.ceil((oldest + this.limits.windowSeconds * 1000 - now) / 1000);
    };
    return Math.max(wait(`user:${username}`, this.limits.perUser), wait(`ip:${ip}`, this.limits.perIp));
  }

  failed(username: string, ip: string, now = Date.now()): void {
    for (const key of [`user:${username}`, `ip:${ip}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A successful login clears the username's failures (not the address's: other names may be under attack). */
  succeeded(username: string): void {
    this.failures.delete(`user:${username}`);
  }
}
