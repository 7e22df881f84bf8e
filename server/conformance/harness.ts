/** A hand-written protocol client for conformance tests: real sockets, no app code. */
import WebSocket from 'ws';
import { startServer, type RunningServer, type ServerConfig } from '../index';
import { CONTROL_HEADER } from '../control/control-guard';

export type Frame = {
  type: string;
  id?: string;
  timestamp?: string;
  payload?: Record<string, any>;
};

export class TestClient {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  closeCode: number | undefined;
  closeReason = '';
  private waiters: Array<() => void> = [];
  private seq = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      try {
        this.frames.push(JSON.parse(text) as Frame);
      } catch {
        this.frames.push({ type: '<unparseable>' });
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = String(reason);
      this.wake();
    });
  }

  static async open(url: string): Promise<TestClient> {
    const ws = new WebSocket(url);
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.seq}`;
  }

  auth(token: string | undefined, id = this.nextId('auth')): string {
    this.send({
      type: 'request',
      id,
      payload: { method: 'post', path: '/auth', body: token === undefined ? {} : { token } },
    });
    return id;
  }

  subscribe(topic: string, params?: object, id = this.nextId('sub')): string {
    this.send({ type: 'subscribe', id, payload: params ? { topic, params } : { topic } });
    return id;
  }

  /** Waits for the first frame (from `from` on) matching `match`; fails after `timeoutMs`. */
  async waitFor(match: (f: Frame) => boolean, timeoutMs = 3000, from = 0): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching frame within ${timeoutMs} ms; got ${this.raw.slice(-5).join('\n')}`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  action(action: string, id?: string) {
    return this.waitFor((f) => f.payload?.action === action && (id === undefined || f.id === id));
  }

  async waitClosed(timeoutMs = 3000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closeCode;
  }

  close(): void {
    this.ws.close();
  }
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  return startServer(
    { port: 0, host: '127.0.0.1', control: true, simRate: 0, ...overrides },
    { log: () => {} },
  );
}

export async function login(server: RunningServer, username = 'demo', password = username) {
  const res = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return (await res.json()) as {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    user_id: string;
  };
}

export async function authedClient(server: RunningServer, username = 'demo'): Promise<TestClient> {
  const { access_token } = await login(server, username);
  const client = await TestClient.open(server.wsUrl);
  const id = client.auth(access_token);
  await client.action('authSuccess', id);
  return client;
}

export async function control(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.httpUrl}/__control${path}`, {
    method,
    headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}
