/**
 * Replays a recording into the app without any network. The player is a WebSocket stand-in:
 * the session's ordinary AccountSocket is given `player.WebSocketImpl`, so every recorded frame
 * goes through the very same path as live (normalizeServerFrame → AccountSocket → dispatcher
 * → stores) and is validated, counted and dropped exactly as it was when recorded.
 *
 * What the player has to bridge between the recorded session and the replaying app:
 * - Request ids. The app numbers its subscribe requests itself; an ack recorded for `sub-7`
 *   is delivered with the id the app used for the same subscription key (learnt from the
 *   recorded outbound frames and from what the app sends now). An ack for a key the app has
 *   not asked for yet is held up to `holdMs` (the account list may still be resolving), then
 *   delivered as recorded, to be ignored exactly as live would.
 * - Pings. The app's keepalive is answered at once by the player; recorded pongs carry the
 *   recorded ids and are ignored by the socket.
 * - Reconnects. When the recording moves to its next socket, the player closes the app's
 *   with the recorded code and waits for the app to reconnect and authenticate, so the
 *   connection history replays too.
 *
 * Timing follows the recording, scaled by the speed; `max` delivers as fast as the page can
 * take it, yielding every few milliseconds so the page stays responsive.
 */
import { normalizeServerFrame } from '../../protocol/normalize';
import { parseClientFrame, topicKey, type AccountInfo, type Topic } from '../../protocol';
import { TOPICS } from '../../protocol';
import type { WebSocketCtor, WebSocketLike } from '../../socket/account-socket';
import type { Recording, RecordingEntry } from './recording-format';

export const REPLAY_SPEEDS = [1, 10, 'max'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export type ReplayProgress = {
  status: 'waiting' | 'playing' | 'finished';
  /** Recorded frames handed to the app so far, of `total`. */
  delivered: number;
  total: number;
  /** Position in the recording and its length, in recorded milliseconds. */
  positionMs: number;
  durationMs: number;
  speed: ReplaySpeed;
  /** Sockets the app opened on the player (reconnects replayed + 1). */
  sockets: number;
};

type Playable = Extract<RecordingEntry, { d: 'in' }> | Extract<RecordingEntry, { d: 'close' }>;

export type ReplayPlayerOptions = {
  now?: () => number;
  setTimer?: (cb: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** How long an ack waits for the app to subscribe its key before it is delivered as is. */
  holdMs?: number;
  /** At `max` speed, deliver for this long before yielding to the page. */
  sliceMs?: number;
};

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keyOf(topic: unknown, params: unknown): string | undefined {
  if (typeof topic !== 'string' || !(TOPICS as readonly string[]).includes(topic)) return undefined;
  const accountId = isObj(params) && typeof params.accountId === 'string' ? params.accountId : '';
  return topicKey(topic as Topic, accountId);
}

/** The accounts a recording shows (from its account snapshots), for the account switcher. */
export function recordedAccounts(recording: Recording): AccountInfo[] {
  const byId = new Map<string, AccountInfo>();
  for (const e of recording.entries) {
    if (e.d !== 'in' || !('f' in e) || !e.f.includes('subscribed')) continue;
    const r = normalizeServerFrame(e.f);
    if (r.ok && r.message.kind === 'subscribed' && r.message.topic === 'account') {
      const info = r.message.snapshot.info;
      byId.set(info.accountId, info);
    }
  }
  return [...byId.values()];
}

export class ReplayPlayer {
  readonly WebSocketImpl: WebSocketCtor;
  private readonly timeline: Playable[];
  /** `${socket}|${request id}` of the recording → subscription key. */
  private readonly recordedKeys = new Map<string, string>();
  private readonly firstT: number;
  private readonly totalIn: number;
  private readonly lastInIndex: number;
  private readonly lastT: number;
  private index = 0;
  private delivered = 0;
  private sockets = 0;
  private socket: ReplaySocket | undefined;
  /** The recorded socket number the app's current socket is playing. */
  private bound: number | undefined;
  /** The recorded close of each socket, replayed when the recording moves on. */
  private readonly closes = new Map<number, { code: number; reason: string }>();
  private speed: ReplaySpeed = 1;
  private anchorWall = 0;
  private anchorT = 0;
  private holdSince: number | undefined;
  private timer: unknown;
  private disposed = false;
  private readonly now: () => number;
  private readonly setTimer: (cb: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly holdMs: number;
  private readonly sliceMs: number;

  constructor(recording: Recording, opts: ReplayPlayerOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.setTimer = opts.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.holdMs = opts.holdMs ?? 2000;
    this.sliceMs = opts.sliceMs ?? 12;
    this.timeline = [];
    for (const e of recording.entries) {
      if (e.d === 'in' || e.d === 'close') this.timeline.push(e);
      else if (e.d === 'out') {
        const p = parseClientFrame(e.f);
        if (p.ok && p.command.kind === 'subscribe' && p.command.id) {
          const key = keyOf(p.command.topic, p.command.params);
          if (key) this.recordedKeys.set(`${e.c}|${p.command.id}`, key);
        }
      }
    }
    this.totalIn = this.timeline.filter((e) => e.d === 'in').length;
    this.lastInIndex = this.timeline.findLastIndex((e) => e.d === 'in');
    this.firstT = this.timeline[0]?.t ?? 0;
    this.lastT = this.timeline.at(-1)?.t ?? 0;
    const port: PlayerPort = {
      attach: (sock) => this.attach(sock),
      detach: (sock) => this.detach(sock),
      fromApp: (sock, text) => this.fromApp(sock, text),
      later: (cb) => this.setTimer(cb, 0),
    };
    this.WebSocketImpl = class extends ReplaySocket {
      constructor(url: string) {
        super(url, port);
      }
    };
  }

  progress(): ReplayProgress {
    const status =
      this.index >= this.timeline.length
        ? 'finished'
        : this.socket?.authed && this.bound !== undefined
          ? 'playing'
          : 'waiting';
    const last = this.timeline[this.index - 1];
    return {
      status,
      delivered: this.delivered,
      total: this.totalIn,
      positionMs: last ? last.t - this.firstT : 0,
      durationMs: this.lastT - this.firstT,
      speed: this.speed,
      sockets: this.sockets,
    };
  }

  setSpeed(speed: ReplaySpeed): void {
    if (speed === this.speed) return;
    this.reanchor();
    this.speed = speed;
    this.reanchor();
    this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.socket?.close();
  }

  // ---- the app's side ---------------------------------------------------------------------

  private attach(socket: ReplaySocket): void {
    this.sockets++;
    this.socket?.close();
    this.socket = socket;
  }

  private detach(socket: ReplaySocket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.bound = undefined;
  }

  private fromApp(socket: ReplaySocket, text: string): void {
    const p = parseClientFrame(text);
    if (!p.ok) return;
    const cmd = p.command;
    switch (cmd.kind) {
      case 'auth': {
        // Answered by the player, so a recording started mid-session (no authSuccess of its
        // own) replays too. Recorded auth events still arrive, as the refreshes they were.
        const success = JSON.stringify({
          type: 'event',
          ...(cmd.id ? { id: cmd.id } : {}),
          timestamp: new Date().toISOString(),
          payload: {
            action: 'authSuccess',
            ...(cmd.id ? { id: cmd.id } : {}),
            data: {
              userId: 'replay',
              expiresIn: REPLAY_SESSION_MS,
              expiresAt: Date.now() + REPLAY_SESSION_MS,
            },
            timestamp: Date.now(),
          },
        });
        this.setTimer(() => socket.deliver(success), 0);
        if (!socket.authed) {
          socket.authed = true;
          if (socket === this.socket) {
            this.reanchor(true);
            this.schedule(0);
          }
        }
        return;
      }
      case 'ping': {
        const pong = JSON.stringify({
          type: 'pong',
          ...(cmd.id ? { id: cmd.id } : {}),
          timestamp: new Date().toISOString(),
        });
        this.setTimer(() => socket.deliver(pong), 0);
        return;
      }
      case 'subscribe': {
        const key = keyOf(cmd.topic, cmd.params);
        if (key && cmd.id) socket.appIds.set(key, cmd.id);
        if (this.holdSince !== undefined) this.schedule(0);
        return;
      }
      case 'unsubscribe': {
        const key = keyOf(cmd.topic, cmd.params);
        if (key) socket.appIds.delete(key);
        return;
      }
      default:
        return;
    }
  }

  // ---- the recording's side ---------------------------------------------------------------

  /** Recorded time now (with `fresh`, the next entry is due now). */
  private reanchor(fresh = false): void {
    const wall = this.now();
    if (fresh || this.speed === 'max') {
      this.anchorT = this.timeline[this.index]?.t ?? this.lastT;
    } else {
      const next = this.timeline[this.index]?.t ?? this.lastT;
      this.anchorT = Math.min(next, this.anchorT + (wall - this.anchorWall) * this.speed);
    }
    this.anchorWall = wall;
  }

  private dueAt(t: number): number {
    return this.speed === 'max' ? 0 : this.anchorWall + (t - this.anchorT) / this.speed;
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = this.setTimer(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, ms),
    );
  }

  private pump(): void {
    const socket = this.socket;
    if (this.disposed || !socket || socket.readyState !== OPEN || !socket.authed) return;
    const sliceEnd = this.now() + this.sliceMs;
    while (this.index < this.timeline.length) {
      const e = this.timeline[this.index]!;
      // The recording's last close (sign-out, tab closed) is not replayed: the app keeps
      // showing what the recording ended with.
      if (e.d === 'close' && this.index > this.lastInIndex) {
        this.index++;
        continue;
      }
      const now = this.now();
      const due = this.dueAt(e.t);
      if (due > now) return this.schedule(due - now);
      if (this.speed === 'max' && now > sliceEnd) return this.schedule(0);
      if (e.d === 'close') {
        this.index++;
        if (this.bound !== e.c) continue;
        // 4003 would make the app ask for a sign-in; the replay must carry on instead.
        const code = e.code === 4003 ? 1006 : e.code;
        socket.end(code, `replay: ${e.reason || `closed (${e.code})`}`);
        return;
      }
      if (this.bound !== undefined && e.c !== this.bound) {
        socket.end(1006, 'replay: the recorded connection ended');
        return;
      }
      const frame = 'f' in e ? this.rewrite(e, socket) : new Uint8Array(e.bin);
      if (frame === HOLD) {
        this.holdSince ??= now;
        if (now - this.holdSince < this.holdMs) return this.schedule(50);
      }
      if (this.holdSince !== undefined) {
        this.holdSince = undefined;
        this.reanchor(true);
      }
      this.bound = e.c;
      this.index++;
      this.delivered++;
      socket.deliver(frame === HOLD ? (e as { f: string }).f : frame);
      if (this.socket !== socket) return; // the app closed it while handling the frame
    }
  }

  /** The frame with its request id mapped to the app's, or HOLD until the app asks. */
  private rewrite(e: { c: number; f: string }, socket: ReplaySocket): string | typeof HOLD {
    // Only acks and errors carry an id the registry correlates; skip parsing everything else.
    if (!e.f.includes('"id"') || !(e.f.includes('subscribed') || e.f.includes('rror'))) return e.f;
    let value: unknown;
    try {
      value = JSON.parse(e.f);
    } catch {
      return e.f;
    }
    if (!isObj(value)) return e.f;
    const payload = isObj(value.payload) ? value.payload : undefined;
    const id =
      typeof value.id === 'string'
        ? value.id
        : typeof payload?.id === 'string'
          ? payload.id
          : undefined;
    const key = id === undefined ? undefined : this.recordedKeys.get(`${e.c}|${id}`);
    if (key === undefined) return e.f;
    const appId = socket.appIds.get(key);
    if (appId === undefined) return HOLD;
    if (appId === id) return e.f;
    if (typeof value.id === 'string') value.id = appId;
    if (payload && typeof payload.id === 'string') payload.id = appId;
    return JSON.stringify(value);
  }
}

type PlayerPort = {
  attach(socket: ReplaySocket): void;
  detach(socket: ReplaySocket): void;
  fromApp(socket: ReplaySocket, text: string): void;
  later(cb: () => void): void;
};

/** What the app's AccountSocket holds instead of a WebSocket during a replay. */
class ReplaySocket implements WebSocketLike {
  readyState = CONNECTING;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  authed = false;
  /** Subscription key → the request id the app used for it on this socket. */
  readonly appIds = new Map<string, string>();

  constructor(
    _url: string,
    private readonly player: PlayerPort,
  ) {
    player.attach(this);
    // Opens asynchronously, as a real socket does: the app has set its handlers by then.
    player.later(() => {
      if (this.readyState !== CONNECTING) return;
      this.readyState = OPEN;
      this.onopen?.({});
    });
  }

  send(data: string): void {
    if (this.readyState === OPEN) this.player.fromApp(this, data);
  }

  close(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.player.detach(this);
  }

  deliver(data: unknown): void {
    if (this.readyState === OPEN) this.onmessage?.({ data });
  }

  /** The "server" ends the connection, as the recorded one did. */
  end(code: number, reason: string): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.player.detach(this);
    this.player.later(() => this.onclose?.({ code, reason }));
  }
}

const HOLD = Symbol('hold');
/** The session the player grants: long enough that no replay ever sees it end by itself. */
const REPLAY_SESSION_MS = 24 * 60 * 60 * 1000;
