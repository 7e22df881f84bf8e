/**
 * One vanilla zustand store per topic, with the only two writes the dispatcher needs: `update`
 * (run a recipe, write once, and only when the state changed, so an idle frame renders nothing)
 * and `reset` (sign-out, tests).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export type TopicStore<S> = {
  readonly store: StoreApi<S>;
  update(recipe: (state: S) => S): void;
  reset(): void;
};

export function createTopicStore<S>(initial: () => S): TopicStore<S> {
  const store = createStore<S>()(initial);
  return {
    store,
    update(recipe) {
      const prev = store.getState();
      const next = recipe(prev);
      if (next !== prev) store.setState(next, true);
    },
    reset() {
      store.setState(initial(), true);
    },
  };
}
