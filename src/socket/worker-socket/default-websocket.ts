/**
 * The WebSocket the app's AccountSocket uses: the socket worker's (worker-socket.ts) wherever
 * Workers exist, the browser's own otherwise or when the setting below asks for it.
 *
 * The setting exists because a worker's socket is invisible to tools that only see the page's
 * (some proxies and extensions, and Playwright's `routeWebSocket`, which the e2e tests that put
 * faults on the link use): `localStorage['aries:socket-thread'] = 'main'`, then reload.
 */
import type { WebSocketCtor } from '../account-socket';
import { workerWebSocket, type WorkerLike, type WorkerWebSocketCtor } from './worker-socket';

export const SOCKET_THREAD_SETTING = 'aries:socket-thread';

/**
 * One for the page: every session (each sign-in starts one) shares it and so its one worker,
 * which nothing ever terminates; a constructor per session left a worker behind per sign-out.
 */
let shared: WorkerWebSocketCtor | undefined;

export function defaultWebSocket(): WebSocketCtor {
  const native = globalThis.WebSocket as unknown as WebSocketCtor;
  if (typeof Worker === 'undefined' || socketThreadSetting() === 'main') return native;
  return (shared ??= workerWebSocket(
    () =>
      new Worker(new URL('./worker-entry.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
    native,
  ));
}

function socketThreadSetting(): string | null {
  try {
    return globalThis.localStorage?.getItem(SOCKET_THREAD_SETTING) ?? null;
  } catch {
    return null; // storage refused (privacy mode): the default
  }
}

/** A recording wants every frame whole, big ones included (worker-socket.ts). */
export function relayRawFrames(on: boolean): void {
  shared?.relayRawFrames(on);
}
