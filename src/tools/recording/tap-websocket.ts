/**
 * Wraps a WebSocket constructor so the recorder sees what the socket sees: raw inbound frames
 * before the normaliser, outbound frames as sent, opens and closes. The AccountSocket is
 * unchanged; it is simply given this class instead of the browser's.
 */
import type { WebSocketCtor, WebSocketLike } from '../../socket/account-socket';

export type SocketTap = {
  opened(connection: number): void;
  inbound(data: unknown, connection: number): void;
  outbound(text: string, connection: number): void;
  closed(connection: number, code: number, reason: string): void;
};

export function tapWebSocket(Base: WebSocketCtor, tap: SocketTap): WebSocketCtor {
  let sockets = 0;
  return class TappedWebSocket implements WebSocketLike {
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    private readonly inner: WebSocketLike;
    private readonly n = ++sockets;
    private ended = false;

    constructor(url: string) {
      this.inner = new Base(url);
      this.inner.onopen = (ev) => {
        tap.opened(this.n);
        this.onopen?.(ev);
      };
      this.inner.onmessage = (ev) => {
        tap.inbound(ev.data, this.n);
        this.onmessage?.(ev);
      };
      this.inner.onclose = (ev) => {
        this.end(ev.code, ev.reason || `closed (${ev.code})`);
        this.onclose?.(ev);
      };
      this.inner.onerror = (ev) => this.onerror?.(ev);
    }

    get readyState(): number {
      return this.inner.readyState;
    }

    send(data: string): void {
      tap.outbound(data, this.n);
      this.inner.send(data);
    }

    close(code?: number, reason?: string): void {
      this.end(code ?? 1000, `closed by the app: ${reason ?? ''}`.trim());
      // Nothing the old socket says after this is the session's any more.
      this.inner.onopen = this.inner.onmessage = this.inner.onclose = null;
      this.inner.close(code, reason);
    }

    private end(code: number, reason: string): void {
      if (this.ended) return;
      this.ended = true;
      tap.closed(this.n, code, reason);
    }
  };
}
