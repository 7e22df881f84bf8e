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

/**
 * Streams every subscription of `subs` while mounted (a list whose length varies, e.g. one
 * `account` stream per account of the user). Each is its own hold, so the list can grow or
 * shrink without touching the subscriptions that stay.
 */
export function useStreams(subs: readonly Subscription[]): void {
  const socket = useAccountSocket();
  const wanted = JSON.stringify(subs);
  useEffect(() => {
    const releases = (JSON.parse(wanted) as Subscription[]).map((s) => holdStream(socket, s));
    return () => releases.forEach((release) => releaseAfterCommit(release));
  }, [socket, wanted]);
}
