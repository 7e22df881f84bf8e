import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** A fresh copy of the module, as a new page would load it. */
const load = () => import('./default-websocket');

describe('defaultWebSocket', () => {
  it('[WSOCK-8] every session of a page gets the same worker-backed constructor (one worker, not one per sign-in)', async () => {
    const started: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL) {
          started.push(url);
        }
        postMessage() {}
        terminate() {}
      },
    );
    const { defaultWebSocket } = await load();
    const first = defaultWebSocket();
    const second = defaultWebSocket();
    expect(second).toBe(first);
    expect(first).not.toBe(globalThis.WebSocket);
    new first('ws://x/a');
    new second('ws://x/b');
    expect(started).toHaveLength(1);
  });

  it('[WSOCK-9] without Workers, or with the setting at "main", it is the page’s own WebSocket', async () => {
    const { defaultWebSocket, SOCKET_THREAD_SETTING } = await load();
    expect(defaultWebSocket()).toBe(globalThis.WebSocket);
    vi.stubGlobal('Worker', class {});
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => (k === SOCKET_THREAD_SETTING ? 'main' : null),
    });
    expect(defaultWebSocket()).toBe(globalThis.WebSocket);
  });
});
