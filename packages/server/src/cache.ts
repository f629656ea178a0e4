/**
 * Results of read-only views, keyed by what was asked and by the data generation. The server is the only
 * writer of its workspace (DuckDB's file lock), so a result stays true until the server itself writes:
 * every write bumps the generation and older entries are never served again. Pending computations are
 * shared, so a burst of identical requests runs the query once.
 */
export class ResultCache {
  private readonly entries = new Map<string, { generation: number; value: Promise<unknown> }>();
  private generation = 0;

  constructor(private readonly size = 1000) {}

  /** Forget everything: the data or the settings changed. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The cached result for `key`, or compute, cache and return it. Failures are not cached. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation) return hit.value as Promise<T>;
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { generation, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Oldest first out: a Map iterates in insertion order.
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
