/**
 * The server's clock minus this machine's, estimated from server-stamped frames as they arrive:
 * each one bounds the offset from below by its one-way delay, so the largest
 * `serverTime - receivedAt` seen is the estimate (the fastest delivery counts as zero delay).
 * Lag read against it is lag beyond the link's best, whatever either clock says. The estimate
 * is replaced once old, since clocks drift.
 */
export class ClockOffset {
  private best: { offsetMs: number; at: number } | undefined;

  constructor(private readonly maxAgeMs = 10 * 60_000) {}

  /** `serverTime` on the server's clock, `receivedAt` on this machine's (ms epoch). */
  observe(serverTime: number, receivedAt: number): void {
    if (!Number.isFinite(serverTime) || !Number.isFinite(receivedAt)) return;
    const offsetMs = serverTime - receivedAt;
    const old = this.best !== undefined && receivedAt - this.best.at > this.maxAgeMs;
    if (this.best === undefined || old || offsetMs >= this.best.offsetMs) {
      this.best = { offsetMs, at: receivedAt };
    }
  }

  /** Server minus local, ms; 0 until a frame arrives. */
  get offsetMs(): number {
    return this.best?.offsetMs ?? 0;
  }

  /** A server timestamp read on this machine's clock. */
  toLocal(serverTime: number): number {
    return serverTime - this.offsetMs;
  }
}
