import { describe, expect, it } from 'vitest';
import { foldOps } from './fold';
import type { Fold, TopicOp } from './fold';

/** A log of the reducer calls the fold makes, as its state. */
type Log = readonly string[];
type Op = TopicOp<string, number>;

const logFold: Fold<Log, string, number, number> = {
  // Odd numbers belong to "another store" and are skipped.
  pick: (n) => (n % 2 === 0 ? n : undefined),
  events: (log, run) => [...log, `events ${run.join(',')}`],
  snapshot: (log, snap, key) => [...log, `snapshot ${key}:${snap}`],
};

const up = (update: number, key = 'k'): Op => ({ key, kind: 'update', update });
const snap = (snapshot: string, key = 'k'): Op => ({ key, kind: 'snapshot', snapshot, at: 0 });

describe('foldOps (the snapshot-cuts-the-batch rule every topic store folds with)', () => {
  it('[FOLD-CUT] consecutive updates are one batch; a snapshot cuts it, in arrival order', () => {
    const log = foldOps([], [up(2), up(4), snap('a'), up(6), snap('b', 'other'), up(8)], logFold);
    expect(log).toEqual(['events 2,4', 'snapshot k:a', 'events 6', 'snapshot other:b', 'events 8']);
  });

  it('[FOLD-PICK] updates of another store are skipped; an empty run calls no reducer', () => {
    expect(foldOps([], [up(1), snap('a'), up(3), up(5)], logFold)).toEqual(['snapshot k:a']);
    expect(foldOps([], [up(1), up(2), up(3)], logFold)).toEqual(['events 2']);
  });

  it('[FOLD-SAME] no ops, or nothing for this store: the same state object (no write)', () => {
    const state: Log = ['before'];
    expect(foldOps(state, [], logFold)).toBe(state);
    expect(foldOps(state, [up(1), up(3)], logFold)).toBe(state);
  });
});
