/** The app's one call: start the account cache for a signed-in user, if they can have one. */
import { startAccountCache, type AccountCache } from './account-cache';
import { cacheIdentity } from './cache-record';

/**
 * Undefined (no cache) when the user id is unknown (an opaque production token) or the page
 * has no IndexedDB: the app then starts from the snapshot, as before.
 */
export function startSessionCache(
  userId: string | undefined,
  apiBase: string,
): AccountCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  const identity = cacheIdentity(userId, apiBase, globalThis.location?.href);
  return identity ? startAccountCache({ identity }) : undefined;
}
