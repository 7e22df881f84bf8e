import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages } from '../../protocol';
import { diagnosticsStore } from '../../stores/diagnostics/store';
import { resetAllStores } from '../../stores/reset';
import { FakeWebSocket } from '../../testing/fake-websocket';
import { AccountSocket } from '../../socket/account-socket';
import { createDispatcher } from '../../socket/dispatcher';
import { SessionDiagnostics } from './session-diagnostics';

const TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEwMDEiLCJhdWQiOiJhY2NvdW50cy13cyJ9.c2lnbmF0dXJlLXBhcnQtMTIz';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-25T09:30:00Z'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  FakeWebSocket.reset();
  resetAllStores();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('session diagnostics', () => {
  it('[DIAG-5] the report shows rates, subscriptions, invalid frames and history, and never a token', async () => {
    const diagnostics = new SessionDiagnostics({
      user: 'demo',
      mode: 'live',
      socketUrl: `ws://127.0.0.1/v1/accounts/ws?access_token=${TOKEN}`,
      baseWebSocket: FakeWebSocket,
    });
    const dispatcher = createDispatcher({
      schedule: (cb) => {
        const t = setTimeout(cb, 16);
        return () => clearTimeout(t);
      },
    });
    const socket = new AccountSocket({
      url: 'ws://127.0.0.1/v1/accounts/ws',
      getToken: async () => TOKEN,
      listener: diagnostics.listen(dispatcher),
      WebSocketImpl: diagnostics.WebSocketImpl,
      environment: null,
      log: () => {},
    });
    diagnostics.attach(socket);
    expect(diagnosticsStore.getState().source).toBe(diagnostics);
    socket.subscribe({ topic: 'news', params: {} });
    socket.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    await vi.advanceTimersByTimeAsync(1);
    ws.receive(
      serverMessages.authSuccess(
        ws.lastSent('request').id,
        { userId: 'u', expiresAt: Date.now() + 3e6 },
        Date.now(),
      ),
    );
    ws.receive(
      serverMessages.subscribed(
        ws.lastSent('subscribe').id,
        'news',
        {},
        { articles: [] },
        Date.now(),
      ),
    );
    for (let s = 0; s < 12; s++) {
      for (let i = 0; i < 4; i++) {
        ws.receive(
          serverMessages.update(
            'news',
            s * 4 + i + 1,
            {
              type: 'article',
              data: {
                id: `n-${s}-${i}`,
                headline: 'h',
                summary: '',
                source: 's',
                url: '',
                symbols: [],
                topics: [],
                publishedAt: new Date().toISOString(),
              },
            } as never,
            Date.now(),
          ),
        );
      }
      await vi.advanceTimersByTimeAsync(1000);
    }
    ws.receive(`{"type":"event","leak":"${TOKEN}", oops`);

    const report = diagnostics.report();
    const text = JSON.stringify(report);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(report.session.socketUrl).toBe('ws://127.0.0.1/v1/accounts/ws');
    expect(report.rates.topics.find((t) => t.topic === 'news')).toMatchObject({
      perSecond: 4,
      snapshots: 1,
      updates: 48,
    });
    expect(report.subscriptions).toEqual([
      expect.objectContaining({ key: 'news', status: 'active', freshness: 'live', lastSeq: 48 }),
    ]);
    expect(report.invalidFrames.recent).toEqual([
      expect.objectContaining({ reason: 'not-json', connectionId: 1 }),
    ]);
    expect(report.invalidFrames.recent[0]?.excerpt).toContain('[redacted]');
    expect(report.history.recent.map((h) => h.status)).toEqual([
      'connecting',
      'connected',
      'authenticated',
      'subscribed',
    ]);
    diagnostics.dispose();
    expect(diagnosticsStore.getState().source).toBeUndefined();
    socket.stop();
  });

  it('[DIAG-RAW] frames are asked for whole while recording, and no longer after', () => {
    const raw: boolean[] = [];
    const diagnostics = new SessionDiagnostics({
      user: 'demo',
      mode: 'live',
      socketUrl: 'ws://127.0.0.1/v1/accounts/ws',
      baseWebSocket: FakeWebSocket,
      relayRawFrames: (on) => raw.push(on),
    });
    diagnostics.startRecording();
    expect(raw).toEqual([true]);
    diagnostics.stopRecording();
    expect(raw).toEqual([true, false]);
    diagnostics.dispose();
  });
});
