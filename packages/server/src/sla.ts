import { checkSlaBreaches } from '@tenure/core';
import type { ServerContext } from './context.ts';

/**
 * The server's SLA check (core's cases/sla/alerts.ts): a check when the app is ready and then every
 * `cases.sla.check_minutes`, raising an alert once per open case and target breached and kicking the webhook
 * sender when it raised any. It runs in the case-write lane: it writes alerts and their deliveries (a few rows),
 * never waits for an import, and never holds one up. A failed check is reported and tried again at the next turn.
 */
export class SlaChecker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Check now (unless a check is running), then again after the configured minutes. */
  kick(): void {
    if (this.closed || this.running) return;
    clearTimeout(this.timer);
    this.running = this.ctx
      .caseWrite((ws) => checkSlaBreaches(ws))
      .then(
        (r) => {
          if (r.alerted) this.ctx.webhooks.kick();
        },
        (e: unknown) => {
          if (!this.closed) this.onError(e);
        },
      )
      .finally(() => {
        this.running = null;
        if (this.closed) return;
        // Unref'd: the next check never keeps the process alive on its own.
        this.timer = setTimeout(() => this.kick(), this.ctx.ws.config.cases.sla.check_minutes * 60_000).unref();
      });
  }

  /** Stop: no new check starts; the one running (if any) ends first. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
