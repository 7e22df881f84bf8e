/**
 * Keepalive: a ping every PING_INTERVAL_MS while authenticated, and a verdict on the link when
 * its pong is late. The socket says how to send a ping and what to do with a dead link.
 */
import { NamedTimers, type TimerApi } from './timers';

export const PING_INTERVAL_MS = 30_000;
export const PONG_TIMEOUT_MS = 10_000;

export type KeepaliveOptions = TimerApi & {
  now: () => number;
  pingIntervalMs?: number | undefined;
  pongTimeoutMs?: number | undefined;
  /** Sends a ping and returns its id, or undefined when the link cannot carry one now. */
  sendPing(): string | undefined;
  /** No pong in time: the link is dead. */
  onDead(timeoutMs: number): void;
};

export class Keepalive {
  private ping: { id: string; sentAt: number; grace: boolean } | undefined;
  private readonly timers: NamedTimers<'ping' | 'pong'>;

  constructor(private readonly opts: KeepaliveOptions) {
    this.timers = new NamedTimers(opts);
  }

  /** Pings periodically from now on (the connection just authenticated). */
  start(): void {
    this.timers.set('ping', this.opts.pingIntervalMs ?? PING_INTERVAL_MS, () => {
      this.probe();
      this.start();
    });
  }

  /** Prove the link now instead of trusting it (a page back from sleep, a network change). */
  probe(): void {
    this.send(false);
  }

  /** A pong arrived: its round trip (ms) when it answers the ping in flight. */
  pong(id: string | undefined): number | undefined {
    if (!this.ping || id !== this.ping.id) return undefined;
    const rtt = this.opts.now() - this.ping.sentAt;
    this.ping = undefined;
    this.timers.clear('pong');
    return rtt;
  }

  stop(): void {
    this.timers.clear('ping');
    this.timers.clear('pong');
    this.ping = undefined;
  }

  private send(grace: boolean): void {
    const id = this.opts.sendPing();
    if (id === undefined) return;
    this.ping = { id, sentAt: this.opts.now(), grace };
    this.timers.set('pong', this.timeout(), () => this.checkPong());
  }

  private timeout(): number {
    return this.opts.pongTimeoutMs ?? PONG_TIMEOUT_MS;
  }

  /**
   * The pong deadline is measured from when the ping was actually sent. A deadline timer
   * that fires far too late means our own timers were throttled (hidden tab, sleep):
   * that proves nothing about the link, so we ping once more and judge that one instead.
   */
  private checkPong(): void {
    const ping = this.ping;
    if (!ping) return;
    const timeout = this.timeout();
    const elapsed = this.opts.now() - ping.sentAt;
    if (elapsed < timeout) {
      this.timers.set('pong', timeout - elapsed, () => this.checkPong());
      return;
    }
    if (elapsed > timeout * 2 && !ping.grace) {
      this.send(true);
      return;
    }
    this.opts.onDead(timeout);
  }
}
