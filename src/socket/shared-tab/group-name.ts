/**
 * The name of a sharing group: one per signed-in user and socket URL, so a tab signed in as
 * user B never joins (or leads) user A's group, and a tab pointed at another server never
 * mixes streams. Hashed so the user id does not appear in lock names (visible in devtools
 * and navigator.locks.query()). The version lets two deployed builds run side by side
 * without misreading each other's messages.
 */
export const GROUP_VERSION = 1;

export async function groupName(
  userId: string,
  wsUrl: string,
  subtle: Pick<SubtleCrypto, 'digest'> = crypto.subtle,
): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([GROUP_VERSION, userId, wsUrl]));
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `aries-account-stream:v${GROUP_VERSION}:${hex}`;
}
