/**
 * At most `n` tasks at a time, the rest wait in order. Each running task holds a DuckDB connection and a
 * thread of Node's pool (32 in `tenure`, bin/tenure.js), so unbounded concurrency would only queue the work inside DuckDB
 * while starving file and crypto work.
 */
export class Lane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly n: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.n) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
