/**
 * How far behind the server the painted figures are, when they are: written by the dispatcher
 * (at most a few times a second, only when the shown value changes), read by the badge, the
 * banner and the blotter (which stops flashing rows while behind).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type LagState = Readonly<{
  /** p95 event-to-paint lag over the last second, rounded; undefined while current. */
  behindMs: number | undefined;
  /** Times the client shed work while behind (rows not flashed, toasts folded), for Diagnostics. */
  shed: number;
}>;

const INITIAL: LagState = { behindMs: undefined, shed: 0 };

export const lagStore = createStore<LagState>()(() => INITIAL);

export function setBehind(behindMs: number | undefined): void {
  if (lagStore.getState().behindMs !== behindMs) lagStore.setState({ behindMs });
}

export function countShed(n = 1): void {
  lagStore.setState((s) => ({ shed: s.shed + n }));
}

export function resetLag(): void {
  lagStore.setState(INITIAL, true);
}

/** Non-React read, for code that decides per update (e.g. whether to flash a row). */
export const isBehind = (): boolean => lagStore.getState().behindMs !== undefined;

export function useBehindMs(): number | undefined {
  return useStore(lagStore, (s) => s.behindMs);
}

export function useShedCount(): number {
  return useStore(lagStore, (s) => s.shed);
}
