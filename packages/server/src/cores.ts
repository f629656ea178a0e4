import { availableParallelism } from 'node:os';

/**
 * How many of the machine's cores DuckDB may use. By default its worker threads take every core, and an import,
 * a rollup refresh or a model fit then keeps them all busy for seconds to minutes, while people's writes (a case
 * moved, a note) are each a few statements that wait their turn for a core behind it. So while any such work
 * runs, DuckDB keeps one core free (threads = cores − 1, at least 1), and gets them all back when the last ends.
 * Measured on 2 cores (bench/ops.bench.ts, and a bulk insert beside four writers updating small rows): writers'
 * p99 during a rollup rebuild went from 210 ms to 50 ms; the rebuild itself runs on one core meanwhile.
 * The setting is the database's (DuckDB has no per-connection threads), so `set` may run on any connection.
 */
export class CoreShare {
  private running = 0;
  /** Settings in the order they were decided: a start and an end racing must not apply out of order. */
  private applied: Promise<void> = Promise.resolve();

  constructor(
    private readonly set: (threads: number) => Promise<void>,
    private readonly onError: (e: unknown) => void,
    private readonly cores = availableParallelism(),
  ) {}

  /** Run heavy work with one core left to people's writes. */
  async heavy<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) await this.apply(Math.max(1, this.cores - 1));
    try {
      return await fn();
    } finally {
      if (--this.running === 0) await this.apply(this.cores);
    }
  }

  private apply(threads: number): Promise<void> {
    // A setting that failed leaves DuckDB as it was: slower writes or a slower refresh, never a wrong figure.
    this.applied = this.applied.then(() => this.set(threads)).catch(this.onError);
    return this.applied;
  }
}
