/**
 * Sign in: against the embedded server (username/password) or production (a pasted token).
 * The page returns a session to its caller; it keeps nothing itself.
 */
import { Segmented } from '../../components/ui/segmented';
import { useState, type FormEvent } from 'react';
import {
  checkAllowedByPolicy,
  checkSocketUrl,
  defaultEndpoints,
  pagePolicy,
} from '../../lib/auth/endpoints';
import type { Session } from '../../session/session';
import { createDevLogin, createStaticToken } from '../../lib/auth/token-source';

const field = 'mt-1 w-full rounded border border-border bg-surface px-2 py-1.5';

/** Opens a recording instead of signing in: the app replays it with no network at all. */
function ReplayInput({ onReplay }: { onReplay: (s: Session) => void }) {
  const [error, setError] = useState<string>();
  async function open(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    try {
      // Loaded on demand: the player stays out of the sign-in page's bundle.
      const { loadReplaySession } = await import('../../session/replay-session');
      onReplay(await loadReplaySession(file));
    } catch (e) {
      setError(`Cannot replay ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <div className="mt-6 border-t border-border pt-4 text-sm">
      <label className="block">
        Replay a recording
        <input
          type="file"
          accept=".jsonl,.ndjson,.json,application/x-ndjson"
          onChange={(e) => void open(e.currentTarget.files?.[0])}
          className="mt-1 block w-full text-muted file:mr-3 file:rounded file:border file:border-border file:bg-surface file:px-2 file:py-1 file:text-text"
        />
      </label>
      <p className="mt-1 text-muted">Offline: nothing is sent anywhere.</p>
      {error && (
        <p role="alert" className="mt-2 text-loss">
          {error}
        </p>
      )}
    </div>
  );
}

export function SignInPage({ onSignIn }: { onSignIn: (s: Session) => void }) {
  const [mode, setMode] = useState<'dev' | 'prod'>('dev');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'dev') {
        const endpoints = defaultEndpoints();
        const tokens = await createDevLogin(endpoints.apiBase, text('username'), text('password'));
        onSignIn({ endpoints, tokens, label: text('username') });
      } else {
        const endpoints = {
          wsUrl: checkSocketUrl(text('wsUrl')),
          apiBase: text('apiBase').replace(/\/$/, ''),
        };
        for (const url of [endpoints.wsUrl, endpoints.apiBase])
          checkAllowedByPolicy(url, pagePolicy(), window.location.origin);
        onSignIn({ endpoints, tokens: createStaticToken(text('token')), label: 'production' });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-border bg-panel p-6">
      <h1 className="mb-4 text-lg font-semibold">Sign in to Aries Trader</h1>
      <div className="mb-4">
        <Segmented
          label="Where to connect"
          options={['dev', 'prod'] as const}
          value={mode}
          onChange={setMode}
          render={(m) => (m === 'dev' ? 'Embedded server' : 'Production')}
        />
      </div>
      <form onSubmit={submit} className="space-y-3 text-sm">
        {mode === 'dev' ? (
          <>
            <label className="block">
              Username
              <input
                name="username"
                autoComplete="username"
                defaultValue="demo"
                className={field}
              />
            </label>
            <label className="block">
              Password
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                className={field}
              />
            </label>
            <p className="text-muted">Demo users: demo / demo, other / other.</p>
          </>
        ) : (
          <>
            <label className="block">
              Socket URL
              <input
                name="wsUrl"
                defaultValue="wss://api.aries.com/v1/accounts/ws"
                className={field}
              />
            </label>
            <label className="block">
              API base
              <input name="apiBase" defaultValue="https://api.aries.com" className={field} />
            </label>
            <label className="block">
              Access token
              <input name="token" type="password" autoComplete="off" className={field} />
            </label>
          </>
        )}
        {error && (
          <p role="alert" className="text-loss">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-accent py-1.5 font-medium text-surface disabled:opacity-60"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ReplayInput onReplay={onSignIn} />
    </main>
  );
}
