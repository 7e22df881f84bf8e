/**
 * The one fold every topic store builds its "apply a batch of ops" on. The dispatcher queues a
 * topic's snapshots and live updates in arrival order and hands the whole frame's queue over;
 * each store folds only its own part of it.
 *
 * [FOLD-CUT] Consecutive updates are applied as one batch (one copy of the state however many
 * events), and a snapshot cuts the batch: updates before it are applied before it, updates
 * after it on top of it. The loop allocates nothing per op beyond a push onto the run's array,
 * and creates no closures: a store's `Fold` is a constant, or built once per batch.
 */

/** A snapshot of one subscription key: replaces what the store holds for it. */
export type SnapshotOp<S> = {
  readonly key: string;
  readonly kind: 'snapshot';
  readonly snapshot: S;
  /** When it arrived (ms epoch): the key is live as of then. */
  readonly at: number;
};

/** One live update of one subscription key. */
export type UpdateOp<U> = {
  readonly key: string;
  readonly kind: 'update';
  readonly update: U;
  /** The server's send time, when the frame carried one (lag watch). */
  readonly serverTime?: number;
};

export type TopicOp<S, U> = SnapshotOp<S> | UpdateOp<U>;

/** How one store reads a topic's ops. */
export type Fold<State, S, U, E> = {
  /** This store's part of an update, or undefined when the update belongs to another store. */
  pick(update: U): E | undefined;
  /** Apply a run of consecutive events at once; returns `state` itself when nothing changed. */
  events(state: State, events: E[]): State;
  snapshot(state: State, snapshot: S, key: string): State;
};

export function foldOps<State, S, U, E>(
  state: State,
  ops: readonly TopicOp<S, U>[],
  fold: Fold<State, S, U, E>,
): State {
  let s = state;
  let run: E[] = [];
  for (const op of ops) {
    if (op.kind === 'update') {
      const e = fold.pick(op.update);
      if (e !== undefined) run.push(e);
      continue;
    }
    if (run.length > 0) {
      s = fold.events(s, run);
      run = [];
    }
    s = fold.snapshot(s, op.snapshot, op.key);
  }
  return run.length > 0 ? fold.events(s, run) : s;
}
