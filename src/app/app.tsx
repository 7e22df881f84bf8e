/**
 * Providers and routes. Until the page issue lands, every route shows the overview of the
 * account in `?account=`; deep links keep working because the server answers them with the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { Layout } from './layout';
import { ReloadNotice } from './reload-notice';
import { SessionProvider, useSession } from './session';
import { SocketProvider } from './socket-provider';

function Gate() {
  const { session, notice, signIn, signOut } = useSession();
  const navigate = useNavigate();
  const signedIn = session !== undefined;
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    // The next user of this tab starts from a bare sign-in page, not the last account or filter.
    if (wasSignedIn.current && !signedIn) void navigate('/', { replace: true });
    wasSignedIn.current = signedIn;
  }, [signedIn, navigate]);
  if (!session) return <SignInPage onSignIn={signIn} notice={notice} />;
  return (
    <SocketProvider session={session}>
      <ReloadNotice session={session} />
      <Layout session={session} onSignOut={() => signOut()} />
    </SocketProvider>
  );
}

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="*" element={<Gate />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}
