import { type DeliveryOptions, deliverWebhooks } from '@tenure/core';
import type { ServerContext } from './context.ts';

/**
 * The server's webhook sender over the alerts' outbox (core's predict/alerts/webhook.ts): a pass when the app
 * is ready, so deliveries a stopped server left pending go out (nothing is lost on a restart); a pass after
 * every scoring; and a pass whenever the next retry falls due. One pass at a time: a kick during a pass runs
 * another right after it. A pass that fails (the database, not a receiver: those are retried per delivery)
 * is reported and tried again a minute later.
 */
export class WebhookSender {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly onError: (e: unknown) => void,
    private readonly opts: DeliveryOptions = {},
  ) {}

  /** Deliver what is due now. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.ctx
      .db((ws) => deliverWebhooks(ws, this.opts))
      .then(
        (pass) => {
          if (pass.nextDueInMs !== null) this.schedule(pass.nextDueInMs);
        },
        (e: unknown) => {
          this.onError(e);
          this.schedule(60_000);
        },
      )
      .finally(() => {
        this.running = null;
        this.ctx.alertsDelivered();
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stop: no new pass starts; the one running (if any) ends first. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    // Unref'd: a pending retry never keeps the process alive on its own.
    this.timer = setTimeout(() => this.kick(), ms).unref();
  }
}
