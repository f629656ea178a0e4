/** What a kept view answers besides its figures (the contract's `freshness` fields, core's api/common.ts). */
export interface Freshness {
  /** A moment the figures were exactly true of the data (ISO 8601, UTC). */
  as_of: string;
  /** A write has changed the data since: newer figures replace these once the rollups are rebuilt. */
  refreshing: boolean;
}

/** A result computed once per data generation, dropped by any write. */
interface Plain {
  kept: false;
  generation: number;
  value: Promise<unknown>;
}

/**
 * A view kept through data writes: its last answer, served while a newer one is computed. The answer stands
 * alone once settled, so a request never waits for a computation when there is something to show.
 */
interface Kept {
  kept: true;
  compute: () => Promise<object>;
  /** The last settled answer, with `refreshing: false` (frozen); and `asOf`, the last moment it was known true. */
  answer?: { generation: number; asOf: Date; body: Freshness; stale?: Promise<Freshness> };
  /** The computation under way: the first (then there is no answer yet) or a revalidation. */
  pending?: { generation: number; body: Promise<Freshness> };
}

type Entry = Plain | Kept;

/**
 * Results of read-only views, keyed by what was asked and by the data generation. The server is the only
 * writer of its workspace (DuckDB's file lock), so a result stays true until the server itself writes:
 * every write bumps the generation and older entries are never served again. Pending computations are
 * shared, so a burst of identical requests runs the query once. Least recently used out first: care agents
 * cycle through the accounts they work on, and a first-in-first-out cache smaller than that cycle would miss
 * every time.
 *
 * Kept views (`getKept`: the figures read from the metric rollups) are the exception, stale-while-revalidate:
 * a data write (`supersede`) marks their answers stale instead of dropping them, a request gets the stale
 * answer at once, marked as such, and `revalidate` recomputes them in the background once the rollups have
 * caught up with the write (a computation before that reads the entity tables: seconds on 1M customers).
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private current = 0;
  /** The revalidation pass under way: passes run one after another, one view at a time. */
  private revalidation: Promise<void> = Promise.resolve();

  /** 5,000 entries: a team's open accounts (a 360 and a risk view each) besides the dashboards' views. */
  constructor(private readonly size = 5000) {}

  /** The data generation: bumped by every write, so a refresh can tell whether one landed while it ran. */
  get generation(): number {
    return this.current;
  }

  /** Forget everything, kept views included: the settings changed, under which no earlier answer holds. */
  invalidate(): void {
    this.current++;
    this.entries.clear();
  }

  /**
   * The data changed at `at`: every result is dropped but the kept views' settled answers, which stay as the
   * last known answer; one that was current until now was true until `at`. A kept view without an answer yet
   * (its first computation under way) is dropped, as the computation reads the data as it was.
   */
  supersede(at: Date): void {
    const last = this.current++;
    for (const [key, e] of this.entries) {
      if (!e.kept || !e.answer) this.entries.delete(key);
      else if (e.answer.generation === last) e.answer = { ...e.answer, asOf: at, stale: undefined };
    }
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
    const hit = this.touch(key);
    if (hit && !hit.kept && hit.generation === this.current) return hit.value as Promise<T>;
    const generation = this.current;
    const value = compute().then(freeze);
    const entry: Plain = { kept: false, generation, value };
    this.store(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /**
   * A kept view: the current answer; else the last one, marked stale, at once; else computed (and shared) as
   * `get` does. Its `as_of` and `refreshing` say which.
   */
  getKept<T extends object>(key: string, compute: () => Promise<T>): Promise<T & Freshness> {
    const hit = this.touch(key);
    if (hit?.kept) {
      const a = hit.answer;
      if (a?.generation === this.current) return Promise.resolve(a.body as T & Freshness);
      if (a) {
        a.stale ??= Promise.resolve(Object.freeze({ ...a.body, as_of: a.asOf.toISOString(), refreshing: true }));
        return a.stale as Promise<T & Freshness>;
      }
      if (hit.pending?.generation === this.current) return hit.pending.body as Promise<T & Freshness>;
    }
    const entry: Kept = { kept: true, compute };
    this.store(key, entry);
    return this.run(key, entry) as Promise<T & Freshness>;
  }

  /**
   * The rollups are up to date with the data of `generation` (the refresher's signal): recompute the kept views
   * whose answers are older, most recently used first, one at a time, each replacing its stale answer when done.
   * When a write landed since, nothing is done: its own refresh signals next, and a computation now would read
   * the entity tables. Resolves when the pass ends (tests wait on it).
   */
  revalidate(generation: number): Promise<void> {
    this.revalidation = this.revalidation.then(async () => {
      for (const [key, e] of [...this.entries].reverse()) {
        if (this.current !== generation) return;
        const stale = e.kept && e.answer && e.answer.generation < generation && !e.pending;
        if (e.kept && stale && this.entries.get(key) === e) await this.run(key, e).catch(() => undefined);
      }
    });
    return this.revalidation;
  }

  /** Compute a kept view's answer in the current generation; it replaces the last one if the entry is still kept. */
  private run(key: string, entry: Kept): Promise<Freshness> {
    const generation = this.current;
    const started = new Date();
    const body = entry
      .compute()
      .then((v) => Object.freeze({ ...v, as_of: started.toISOString(), refreshing: false }) as Freshness);
    entry.pending = { generation, body };
    const ours = () => this.entries.get(key) === entry && entry.pending?.body === body;
    body.then(
      (b) => {
        if (!ours()) return;
        entry.pending = undefined;
        entry.answer = { generation, asOf: started, body: b };
      },
      // A failure drops the view, stale answer included: the next request computes it and meets the error.
      () => {
        if (ours()) this.entries.delete(key);
      },
    );
    return body;
  }

  /** The entry for `key`, made the most recently used (a Map keeps insertion order). */
  private touch(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Keep an entry; the least recently used go first when there are too many (a Map iterates in insertion order). */
  private store(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Frozen: every reader shares the one result, so none may change it, and the serializer may keep its JSON. */
const freeze = <T>(v: T): T => (typeof v === 'object' && v !== null ? Object.freeze(v) : v);
