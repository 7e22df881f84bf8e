/**
 * The server's clock minus this machine's, from exchanges the server stamps (auth, pong). The
 * server stamped somewhere inside the round trip, so a sample is off by at most half of it: the
 * shortest round trip seen wins, until it is old enough that clocks may have drifted.
 */
export class ClockOffset {
  private best: { rttMs: number; offsetMs: number; at: number } | undefined;

  constructor(private readonly maxAgeMs = 10 * 60_000) {}

  /** `sentAt` and `receivedAt` on this machine's clock, `serverTime` on the server's (ms epoch). */
  sample(sentAt: number, serverTime: number, receivedAt: number): void {
    if (!Number.isFinite(serverTime) || receivedAt < sentAt) return;
    const rttMs = receivedAt - sentAt;
    const offsetMs = serverTime - (sentAt + receivedAt) / 2;
    const stale = this.best !== undefined && receivedAt - this.best.at > this.maxAgeMs;
    if (this.best === undefined || stale || rttMs <= this.best.rttMs) {
      this.best = { rttMs, offsetMs, at: receivedAt };
    }
  }

  /** Server minus local, ms; 0 until a sample arrives (then lag reads as the raw difference). */
  get offsetMs(): number {
    return this.best?.offsetMs ?? 0;
  }

  /** A server timestamp read on this machine's clock. */
  toLocal(serverTime: number): number {
    return serverTime - this.offsetMs;
  }
}
