/**
 * Routes simulator events to the connections that asked for them. One listener per server,
 * not per socket; a user only ever receives their own accounts and watchlists.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  matchesNews,
  PROTOCOL_DEFAULTS,
  topicKey,
  type NewsParams,
  type Topic,
  type WireUpdateByTopic,
  toWirePosition,
} from '../../src/protocol';
import type { SimEvent } from '../sim/types';
import { Connection, type ConnectionDeps } from './connection';
import { encodeUpdate, type EncodedUpdate } from './update-frame';

/** The event's update as every subscriber gets it, serialised on first use. */
type Shared = <T extends Topic>(topic: T, update: WireUpdateByTopic[T]) => EncodedUpdate<T>;

export class Gateway {
  readonly connections = new Set<Connection>();
  private readonly wss: WebSocketServer;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ConnectionDeps) {
    // ws enforces a hard ceiling; below it the connection sends a protocol error before closing.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxFrameBytes * 4 });
    this.wss.on('connection', (socket: WebSocket) => {
      const connection = new Connection(socket, deps);
      this.connections.add(connection);
      socket.on('close', () => this.connections.delete(connection));
    });
    this.unsubscribe = deps.sim.subscribe((event) => this.route(event));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== PROTOCOL_DEFAULTS.wsPath) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  authenticated(userId?: string): Connection[] {
    return [...this.connections].filter((c) => c.authenticated && (!userId || c.userId === userId));
  }

  route(event: SimEvent): void {
    try {
      // Only sound because every subscriber of one event is sent the same type and data;
      // pnl candles depend on each subscription's interval and are encoded per socket.
      let encoded: string | undefined;
      const shared: Shared = (topic, update) =>
        (encoded ??= encodeUpdate(topic, update)) as EncodedUpdate<typeof topic>;
      for (const c of this.connections) {
        if (c.authenticated) this.deliver(c, event, shared);
      }
    } catch (e) {
      this.deps.log(`routing ${event.kind} failed: ${String(e)}`);
    }
  }

  private deliver(c: Connection, event: SimEvent, shared: Shared): void {
    switch (event.kind) {
      case 'order':
        return c.sendUpdate(
          topicKey('account', event.accountId),
          'account',
          shared('account', { type: 'order', data: event.order }),
        );
      case 'position':
        return c.sendUpdate(
          topicKey('account', event.accountId),
          'account',
          shared('account', { type: 'position', data: toWirePosition(event.position) }),
        );
      case 'balance':
        return c.sendUpdate(
          topicKey('account', event.accountId),
          'account',
          shared('account', { type: 'balance', data: event.balance }),
        );
      case 'info':
        return c.sendUpdate(
          topicKey('account', event.accountId),
          'account',
          shared('account', { type: 'info', data: event.info }),
        );
      case 'pnl': {
        const key = topicKey('pnl', event.accountId);
        const active = c.subscriptions.get(key);
        if (!active || active.sub.topic !== 'pnl') return;
        const candle = this.deps.sim.currentCandle(
          event.accountId,
          active.sub.params.interval,
          event.atMs,
        );
        return c.sendUpdate(key, 'pnl', encodeUpdate('pnl', { type: 'candle', data: candle }));
      }
      case 'symbolAdded':
      case 'symbolRemoved':
        if (c.userId !== event.userId) return;
        return c.sendUpdate(
          'watchlist',
          'watchlist',
          shared('watchlist', { type: event.kind, data: event.change }),
        );
      case 'watchlist':
        if (c.userId !== event.userId) return;
        return c.sendUpdate(
          'watchlist',
          'watchlist',
          shared('watchlist', { type: 'watchlist', data: event.watchlist }),
        );
      case 'article': {
        const active = c.subscriptions.get('news');
        if (!active || !matchesNews(event.article, active.sub.params as NewsParams)) return;
        return c.sendUpdate(
          'news',
          'news',
          shared('news', { type: 'article', data: event.article }),
        );
      }
    }
  }

  async close(code = 1001, reason = 'server shutting down'): Promise<void> {
    this.unsubscribe();
    for (const c of this.connections) c.close(code, reason);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
