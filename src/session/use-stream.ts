/** A component's wish for a stream while it is mounted (see stream-holds.ts for the stacking). */
import { useEffect } from 'react';
import type { Subscription } from '../protocol';
import { useAccountSocket } from './socket-provider';
import { holdStream, releaseAfterCommit } from './stream-holds';

/** Streams `sub` while mounted; pass undefined to hold nothing (e.g. before an account is known). */
export function useStream(sub: Subscription | undefined): void {
  const socket = useAccountSocket();
  // Keyed by value so callers may pass a fresh object each render.
  const wanted = sub ? JSON.stringify(sub) : undefined;
  useEffect(() => {
    if (!wanted) return;
    const release = holdStream(socket, JSON.parse(wanted) as Subscription);
    return () => releaseAfterCommit(release);
  }, [socket, wanted]);
}
