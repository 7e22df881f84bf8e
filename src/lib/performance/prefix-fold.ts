/**
 * A fold over a growing series that is cheap per live tick. A series changes by replacing its
 * last item or appending one; the fold keeps its state over every item but the last, so a tick
 * costs one step (plus `finish`), and only a change further back refolds from the start.
 */

/** What the fold reads: an array or a CandleList. */
export type Seq<T> = { readonly length: number; at(index: number): T | undefined };

export type Fold<T, S, R> = {
  init(first: T): S;
  /** Folds `item` into `state` in place. */
  step(state: S, item: T): void;
  /** The result with `last` folded in; must leave `state` as it was. */
  finish(state: S, last: T): R;
};

/**
 * Returns a function from the series to the fold's result (undefined for an empty series).
 * Items are compared by identity: the stores replace a changed item with a new object.
 */
export function createPrefixFold<T, S, R>(fold: Fold<T, S, R>): (items: Seq<T>) => R | undefined {
  // State over items[0 .. n) where items[n - 1] === end.
  let prefix: { first: T | undefined; end: T | undefined; n: number; state: S | undefined } = {
    first: undefined,
    end: undefined,
    n: -1,
    state: undefined,
  };
  return (items) => {
    const first = items.at(0);
    const last = items.at(-1);
    if (first === undefined || last === undefined) return undefined;
    const n = items.length - 1;
    const samePrefix = (m: number) =>
      prefix.first === first && prefix.n === m && (m === 0 || items.at(m - 1) === prefix.end);
    let state: S;
    if (samePrefix(n) && prefix.state !== undefined) {
      state = prefix.state;
    } else if (n > 0 && samePrefix(n - 1) && prefix.state !== undefined) {
      state = prefix.state;
      fold.step(state, items.at(n - 1)!);
    } else {
      state = fold.init(first);
      for (let i = 0; i < n; i++) fold.step(state, items.at(i)!);
    }
    prefix = { first, end: n > 0 ? items.at(n - 1) : undefined, n, state };
    return fold.finish(state, last);
  };
}
