/**
 * Providers and routes. Until the page issue lands, every route shows the overview of the
 * account in `?account=`; deep links keep working because the server answers them with the app.
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { SessionProvider, useSession } from './session';

// Loaded once signed in (or when a session resumes), so the sign-in page ships only itself.
const Dashboard = lazy(async () => ({ default: (await import('./dashboard')).Dashboard }));

function Gate() {
  const { session, signIn, signOut } = useSession();
  if (!session) return <SignInPage onSignIn={signIn} />;
  return (
    <Suspense
      fallback={
        <p className="animate-pulse p-4 text-muted" aria-busy="true">
          Loading…
        </p>
      }
    >
      <Dashboard session={session} onSignOut={signOut} />
    </Suspense>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="*" element={<Gate />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
