/**
 * The inbox's kept pages. Agents reopen the same views all day, and a page (a top-N over every case) costs tens
 * of milliseconds where a check that nothing changed costs one: so pages are kept while the cases and teams are
 * as they were when they were read, whoever changed them (core, an import, a statement outside core).
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

/** The token read running for a workspace, and the one queued behind it for the requests that came meanwhile. */
const gates = new Map<string, { running?: Promise<string>; queued?: Promise<string> }>();

/**
 * The token as of a read that began after the call: a write committed before the asker asked is always seen.
 * Askers arriving while a read runs share the next one, so fifty agents opening their inboxes at once cost two
 * reads, not fifty.
 */
export function freshToken(ws: Workspace): Promise<string> {
  const gate = gates.get(ws.dir) ?? {};
  gates.set(ws.dir, gate);
  const start = (): Promise<string> => {
    const read = readToken(ws).finally(() => {
      if (gate.running === read) gate.running = undefined;
    });
    gate.running = read;
    return read;
  };
  if (!gate.running) return start();
  gate.queued ??= gate.running
    .catch(() => undefined)
    .then(() => {
      gate.queued = undefined;
      return start();
    });
  return gate.queued;
}

/** A kept entry: the token it was read at, what is kept and when (ms, the minute of its SLA states). */
export interface Kept<I, P> {
  token: string;
  ids: I;
  page: { at: number; value: P } | null;
  /** A read of the page's rows for a later minute under way (one at a time). */
  refreshing?: Promise<unknown>;
}

/** A bounded store of kept entries, oldest dropped first. */
export class KeptPages<I, P> {
  private readonly entries = new Map<string, Kept<I, P>>();

  constructor(private readonly max: number) {}

  get(key: string): Kept<I, P> | undefined {
    return this.entries.get(key);
  }

  set(key: string, kept: Kept<I, P>): Kept<I, P> {
    if (!this.entries.has(key) && this.entries.size >= this.max)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, kept);
    return kept;
  }
}
