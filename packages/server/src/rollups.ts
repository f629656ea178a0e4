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
        await refreshServedViews(ws);
        await refreshServedRisk(ws);
        await warmSearchIndex(ws);
      })
      .then(
        () => this.ctx.storesRebuilt(),
        (e: unknown) => {
          if (!this.closed) this.onError(e);
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
