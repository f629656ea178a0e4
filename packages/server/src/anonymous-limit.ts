/**
 * Requests to the API without valid credentials, per client address: a token bucket of `burst` requests that
 * refills at `perSecond`. Such requests cost a credential lookup or a password check each, so a flood of them
 * (3,454 anonymous POSTs in 10 s) slowed every other route; signed-in requests are never counted. Written
 * here rather than taken from @fastify/rate-limit: that plugin counts every request of an address, where only
 * the anonymous ones must be, and a few lines of map suffice for one process.
 */
export interface AnonymousLimits {
  burst: number;
  perSecond: number;
}

export const defaultAnonymousLimits: AnonymousLimits = { burst: 120, perSecond: 10 };

/**
 * Survey answers per address: a respondent sends one, an office behind one address a few dozen a minute, so 30
 * at once and one every two seconds after; a script posting a thousand a minute from one address is held to
 * that, while every other address answers on.
 */
export const defaultAnswerLimits: AnonymousLimits = { burst: 30, perSecond: 0.5 };

/** Addresses beyond this are pruned of full buckets, so spoofed source addresses cannot grow the map forever. */
const PRUNE_AT = 10_000;

export class AnonymousLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limits: AnonymousLimits) {}

  private level(ip: string, now: number): number {
    const b = this.buckets.get(ip);
    if (!b) return this.limits.burst;
    return Math.min(this.limits.burst, b.tokens + ((now - b.at) / 1000) * this.limits.perSecond);
  }

  /** Whether this address has no request left now (checked before a credential lookup, which costs one). */
  exhausted(ip: string, now = Date.now()): boolean {
    return this.level(ip, now) < 1;
  }

  /** Count one anonymous request; returns 0 when it may go on, else the seconds until the next one may. */
  take(ip: string, now = Date.now()): number {
    const tokens = this.level(ip, now);
    if (tokens < 1) return Math.ceil((1 - tokens) / this.limits.perSecond);
    if (this.buckets.size >= PRUNE_AT) this.prune(now);
    this.buckets.set(ip, { tokens: tokens - 1, at: now });
    return 0;
  }

  private prune(now: number): void {
    for (const ip of this.buckets.keys()) if (this.level(ip, now) >= this.limits.burst) this.buckets.delete(ip);
  }
}
