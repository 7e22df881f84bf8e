/**
 * A display preference with a fixed set of values (theme, time zone): remembered in
 * localStorage, since it is not account data, and held in one small store so every control
 * that switches it shows the same value and re-renders only what reads it.
 */
import { create } from 'zustand';

export type RememberedChoice<T extends string> = {
  /** The value; re-renders the caller when it changes. */
  use(): T;
  get(): T;
  set(value: T): void;
};

/** The first of `values` is the default (nothing stored, an unknown value, no storage). */
export function rememberedChoice<T extends string>(
  key: string,
  values: readonly [T, ...T[]],
): RememberedChoice<T> {
  const [fallback] = values;
  const stored = (): T => {
    try {
      const v = globalThis.localStorage?.getItem(key);
      return values.find((x) => x === v) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const store = create<{ value: T }>(() => ({ value: stored() }));
  return {
    use: () => store((s) => s.value),
    get: () => store.getState().value,
    set(value) {
      store.setState({ value });
      try {
        globalThis.localStorage?.setItem(key, value);
      } catch {
        // private mode: the choice lasts for this page only
      }
    },
  };
}
