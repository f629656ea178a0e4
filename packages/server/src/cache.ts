/**
 * Results of read-only views, keyed by what was asked and by the data generation. The server is the only
 * writer of its workspace (DuckDB's file lock), so a result stays true until the server itself writes:
 * every write bumps the generation and older entries are never served again. Pending computations are
 * shared, so a burst of identical requests runs the query once. Least recently used out first: care agents
 * cycle through the accounts they work on, and a first-in-first-out cache smaller than that cycle would miss
 * every time.
 */
export class ResultCache {
  private readonly entries = new Map<string, { generation: number; value: Promise<unknown> }>();
  private generation = 0;

  /** 5,000 entries: a team's open accounts (a 360 and a risk view each) besides the dashboards' views. */
  constructor(private readonly size = 5000) {}

  /** Forget everything: the data or the settings changed. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * Forget every entry of the views named (the first element of their keys), pending ones included: what they
   * reflect changed in a write that leaves the other views true (a case write: cases feed only some figures).
   */
  forgetViews(names: readonly string[]): void {
    const prefixes = names.map((n) => JSON.stringify([n]).slice(0, -1));
    for (const key of [...this.entries.keys()])
      if (prefixes.some((p) => key === `${p}]` || key.startsWith(`${p},`))) this.entries.delete(key);
  }

  /** Forget one entry: what it reflects changed without a data write (a derived table was rebuilt). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** The cached result for `key`, or compute, cache and return it. Failures are not cached. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const generation = this.generation;
    // Frozen: every reader shares the one result, so none may change it, and the serializer may keep its JSON.
    const value = compute().then((v) => (typeof v === 'object' && v !== null ? Object.freeze(v) : v));
    this.entries.set(key, { generation, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // The least recently used first out: a Map iterates in insertion order.
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
