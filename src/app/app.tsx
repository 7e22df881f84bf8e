/**
 * Providers and routes. Until the page issue lands, every route shows the overview of the
 * account in `?account=`; deep links keep working because the server answers them with the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { Layout } from './layout';
import { SessionProvider, useSession } from '../session/session';
import { SocketProvider } from '../session/socket-provider';

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
    <SocketProvider session={session}>
      <Layout session={session} onSignOut={leave} />
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
