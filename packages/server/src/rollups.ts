import {
  refreshCustomerStores,
  refreshRollups,
  refreshServedRisk,
  refreshServedViews,
  type Workspace,
  warmSearchIndex,
} from '@tenure/core';
import type { ServerContext } from './context.ts';

/**
 * Keeps the metric rollups (core's metrics/rollups/), the per-customer stores (core's customers/stores.ts) and
 * the customer search index (core's customers/search-index.ts) up to date behind the server: a refresh when the app is ready, after every data write, and when a customer
 * view finds the stores behind (a new day changes statuses). A stale rollup is never read (metrics then run on the entity tables), so
 * this only decides how soon the dashboard is fast again after an import; once the rollups are rebuilt it tells
 * the server (`rollupsRefreshed`), which recomputes the figures it kept through the write (cache.ts). One refresh at a time: a kick during
 * a refresh runs another right after it. A failure is reported and left for the next write.
 */
/** A build given up because a write made what it builds stale: the refresh after it builds again. */
class Superseded extends Error {}

export class RollupRefresher {
  private running: Promise<void> | null = null;
  /** The connection of the running refresh, so closing can interrupt it. */
  private current: Workspace | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly onError: (e: unknown) => void,
  ) {}

  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Taken now: a write landing from here on may not be in the rollups this refresh builds.
    const generation = this.ctx.cache.generation;
    this.running = this.ctx
      .upkeep(async (ws) => {
        this.current = ws;
        // Signalled whether or not the rebuild succeeded: kept views must not wait for a write that may not come
        // (after a failure they are computed from the entity tables, slower but true).
        await refreshRollups(ws).finally(() => this.closed || this.ctx.rollupsRefreshed(generation));
        await refreshCustomerStores(ws);
        // Their builds are minutes of this thread: between slices, people's writes go first; and a write landing
        // meanwhile ends the build (its file would be stale), so the next refresh starts with the rollups, which
        // the figures kept through that write wait for.
        const pace = async () => {
          if (this.ctx.cache.generation !== generation) throw new Superseded();
          await this.ctx.peopleFirst();
        };
        await refreshServedViews(ws, { pace });
        await refreshServedRisk(ws, { pace });
        await warmSearchIndex(ws);
      })
      .then(
        () => this.ctx.storesRebuilt(),
        (e: unknown) => {
          if (!this.closed && !(e instanceof Superseded)) this.onError(e);
        },
      )
      .finally(() => {
        this.running = null;
        this.current = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Stop: no new refresh starts, and the running one is interrupted (a rebuild of 100M orders takes most of
   * a minute; each cube is replaced in its own transaction, so an interrupted one is simply left as it was).
   */
  async close(): Promise<void> {
    this.closed = true;
    this.current?.db.raw.interrupt();
    await this.running;
  }
}
