/**
 * One spelling of a subscription for equality across tabs: object keys sorted, so two tabs
 * that build the same params in a different order still agree they want the same stream.
 *
 * Remembered per object because every relayed update is checked against it. Subscriptions are
 * never mutated, so the cache cannot go stale; it is weak, so it holds nothing once let go.
 */
const spelled = new WeakMap<object, string>();

export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return spell(value);
  let key = spelled.get(value);
  if (key === undefined) spelled.set(value, (key = spell(value)));
  return key;
}

function spell(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
