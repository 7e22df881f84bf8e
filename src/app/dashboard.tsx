/**
 * Everything after sign-in, in a chunk of its own: the account stream and the shell with its
 * pages. The sign-in page loads none of it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Layout } from './layout';
import type { Session } from '../session/session';
import { SocketProvider } from '../session/socket-provider';

export function Dashboard({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  // One per signed-in session: nothing fetched for one user is cached for the next.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SocketProvider session={session}>
        <Layout session={session} onSignOut={onSignOut} />
      </SocketProvider>
    </QueryClientProvider>
  );
}
