/**
 * A job the server runs when the app is ready and then every few minutes: the SLA check of cases (core's
 * cases/sla/alerts.ts, every `cases.sla.check_minutes`) and the survey triggers that send by themselves (core's
 * surveys/due.ts). Each runs in the case-write lane: it writes a few rows (alerts, invitations), never waits for
 * an import, and never holds one up. A run at a time; a failed run is reported and tried again at the next turn.
 */
export class Clock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly job: () => Promise<void>,
    /** Read at every turn, so a settings change applies from the next one. */
    private readonly minutes: () => number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Run now (unless a run is going), then again after the minutes. */
  kick(): void {
    if (this.closed || this.running) return;
    clearTimeout(this.timer);
    this.running = this.job()
      .catch((e: unknown) => {
        if (!this.closed) this.onError(e);
      })
      .finally(() => {
        this.running = null;
        if (this.closed) return;
        // Unref'd: the next run never keeps the process alive on its own.
        this.timer = setTimeout(() => this.kick(), this.minutes() * 60_000).unref();
      });
  }

  /** Stop: no new run starts; the one running (if any) ends first. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
