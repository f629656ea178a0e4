/**
 * The inbox's kept pages. Agents reopen the same views all day, and a page (a top-N over every case) costs tens
 * of milliseconds where a check that nothing changed costs one: so pages are kept while the cases and teams are
 * as they were when they were read, whoever changed them (core and its imports at once, a statement outside core
 * within TOKEN_TTL_MS).
 */
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * What the cases and teams are now, as a token: every write of a case bumps its version and a new or removed
 * case changes the count, so the count and the sum of versions say whether any changed (one pass over a
 * column); team membership decides "my team".
 */
const readToken = async (ws: Workspace): Promise<string> => {
  const [t] = await ws.db.all<{ n: number; v: number | null; m: number | null }>(
    sql`SELECT count(*) AS n, sum(version) AS v, (SELECT sum(hash(team, username)) FROM team_members) AS m FROM cases`,
  );
  return `${t?.n}:${t?.v}:${t?.m}`;
};

/**
 * How often a token is read from the store, at most (ms). Core's own writers of cases and teams announce each
 * commit (`casesChanged`), so a page after such a write is read again at once; the read of the store's token only
 * catches statements outside core, within this long. Reading it for every request cost a DuckDB round trip each:
 * at a thousand inbox requests a second, a busy core of a two-core machine.
 */
export const TOKEN_TTL_MS = 250;

/** Per workspace: the count of writes announced, and the store's token as last read (and the read under way). */
interface Tokens {
  writes: number;
  /** `at`: performance.now() when the read began (a clock that never turns back). */
  read?: { token: string; at: number };
  reading?: Promise<string>;
}
const tokens = new Map<string, Tokens>();
const tokensOf = (ws: Workspace): Tokens => {
  const t = tokens.get(ws.dir) ?? { writes: 0 };
  tokens.set(ws.dir, t);
  return t;
};

/**
 * A writer of cases, case events or team membership committed: every kept page of the workspace is read again on
 * its next request. Called after the commit, so a page read meanwhile is kept under the old count and dropped.
 */
export function casesChanged(ws: Workspace): void {
  tokensOf(ws).writes++;
}

/**
 * What the cases and teams are now, as a token: the writes core announced, and the store's token read at most
 * TOKEN_TTL_MS ago. A token older than that is served while the next read runs (one at a time); the first asker
 * of a workspace waits for it.
 */
export async function freshToken(ws: Workspace): Promise<string> {
  const t = tokensOf(ws);
  const stale = !t.read || performance.now() - t.read.at > TOKEN_TTL_MS;
  if (stale && !t.reading) {
    const at = performance.now();
    t.reading = readToken(ws)
      .then((token) => {
        t.read = { token, at };
        return token;
      })
      .finally(() => {
        t.reading = undefined;
      });
    // A failed read (the connection closed meanwhile) fails only an asker who waits for it; the next one reads again.
    t.reading.catch(() => undefined);
  }
  const token = t.read?.token ?? (await t.reading);
  return `${t.writes}:${token}`;
}

/** A kept entry: the token it was read at, what is kept and when (ms, the minute of its SLA states). */
export interface Kept<I, P> {
  token: string;
  ids: I;
  page: { at: number; value: P } | null;
}

/** A bounded store of kept entries, oldest dropped first. */
export class KeptPages<I, P> {
  private readonly entries = new Map<string, Kept<I, P>>();

  constructor(private readonly max: number) {}

  get(key: string): Kept<I, P> | undefined {
    return this.entries.get(key);
  }

  /** The entries whose key starts with `prefix` (a workspace's: keys begin with its folder). */
  *startingWith(prefix: string): Iterable<Kept<I, P>> {
    for (const [k, v] of this.entries) if (k.startsWith(prefix)) yield v;
  }

  set(key: string, kept: Kept<I, P>): Kept<I, P> {
    if (!this.entries.has(key) && this.entries.size >= this.max)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, kept);
    return kept;
  }
}
