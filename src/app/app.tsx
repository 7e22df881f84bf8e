/**
 * Providers and routes. Until the page issue lands, every route shows the overview of the
 * account in `?account=`; deep links keep working because the server answers them with the app.
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { SessionProvider, useSession } from '../session/session';

// Loaded once signed in (or when a session resumes), so the sign-in page ships only itself.
const Dashboard = lazy(async () => ({ default: (await import('./dashboard')).Dashboard }));

function Gate() {
  const { session, signIn, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return <SignInPage onSignIn={signIn} />;
  // The next user of this tab starts from a bare sign-in page, not the last account or filter.
  const leave = () => {
    signOut();
    void navigate('/', { replace: true });
  };
  return (
    <Suspense
      fallback={
        <p className="animate-pulse p-4 text-muted" aria-busy="true">
          Loading…
        </p>
      }
    >
      <Dashboard session={session} onSignOut={leave} />
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
