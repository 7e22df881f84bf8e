/**
 * Picks how this tab streams: shared with the user's other tabs when the browser has Web
 * Locks, BroadcastChannel and SubtleCrypto and the session knows its user id; otherwise its
 * own AccountSocket, exactly as before (old browsers, Node tests, a pasted production token
 * whose user we cannot name: without a user id there is no safe group to join).
 */
import {
  AccountSocket,
  type AccountStream,
  type SocketListenerExtras,
  type WebSocketCtor,
} from '../account-socket';
import type { SocketListener } from '../types';
import { probeSocketTuning } from '../perf-probe';
import { groupName } from './group-name';
import {
  SharedAccountStream,
  type ChannelLike,
  type LockManagerLike,
  type TabRole,
} from './shared-account-stream';
import type { TabListener } from './tab-client';

export type { AccountStream };

export type CreateAccountStreamOptions = {
  url: string;
  getToken: () => Promise<string>;
  /** The signed-in user; sharing needs it. */
  userId: string | undefined;
  listener: TabListener;
  /** The transport (diagnostics wraps the browser's WebSocket; a replay supplies its player). */
  WebSocketImpl?: WebSocketCtor;
  /** false keeps this tab to itself: a replay must never lead or feed other tabs. */
  share?: boolean;
};

type Browser = {
  locks?: LockManagerLike;
  BroadcastChannel?: typeof BroadcastChannel;
  subtle?: SubtleCrypto;
};

function browserFeatures(): Browser {
  const g = globalThis as { navigator?: { locks?: LockManagerLike }; crypto?: Crypto };
  return {
    ...(g.navigator?.locks ? { locks: g.navigator.locks } : {}),
    ...(typeof BroadcastChannel === 'function' ? { BroadcastChannel } : {}),
    ...(g.crypto?.subtle ? { subtle: g.crypto.subtle } : {}),
  };
}

/** Shows the role on <html data-socket-role> (tests and support read it; nothing styles it). */
function showRole(role: TabRole): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.socketRole = role;
}

export function createAccountStream(
  opts: CreateAccountStreamOptions,
  browser: Browser = browserFeatures(),
): AccountStream {
  const socketFor = (listener: SocketListener & SocketListenerExtras) =>
    new AccountSocket({
      url: opts.url,
      getToken: opts.getToken,
      listener,
      ...(opts.WebSocketImpl ? { WebSocketImpl: opts.WebSocketImpl } : {}),
      ...probeSocketTuning(),
    });
  const own = () => socketFor(opts.listener);
  const { locks, BroadcastChannel: Channel, subtle } = browser;
  if (opts.share === false || !opts.userId || !locks || !Channel || !subtle) {
    showRole('leader');
    return own();
  }
  const stream = new SharedAccountStream({
    groupName: groupName(opts.userId, opts.url, subtle),
    tabId: crypto.randomUUID(),
    locks,
    openChannel: (name) => openChannel(Channel, name),
    createSocket: socketFor,
    listener: opts.listener,
    onRole: showRole,
    attention: browserAttention,
  });
  return stream;
}

/** A BroadcastChannel behind the small interface the stream needs. */
function openChannel(Channel: typeof BroadcastChannel, name: string): ChannelLike {
  const bc = new Channel(name);
  const channel: ChannelLike = {
    postMessage: (m) => bc.postMessage(m),
    close: () => bc.close(),
    onmessage: null,
  };
  bc.onmessage = (ev: MessageEvent<unknown>) => channel.onmessage?.(ev);
  return channel;
}

/**
 * Focus and visibility reclaim this tab's params for keys another tab streams differently;
 * a page closing for good leaves at once (its locks would free themselves a moment later).
 */
function browserAttention(reclaim: () => void, leave: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onAttention = () => {
    if (document.visibilityState === 'visible') reclaim();
  };
  const onPageHide = (e: PageTransitionEvent) => {
    if (!e.persisted) leave();
  };
  window.addEventListener('focus', onAttention);
  document.addEventListener('visibilitychange', onAttention);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    window.removeEventListener('focus', onAttention);
    document.removeEventListener('visibilitychange', onAttention);
    window.removeEventListener('pagehide', onPageHide);
  };
}
