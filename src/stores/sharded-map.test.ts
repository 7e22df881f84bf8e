import { describe, expect, it } from 'vitest';
import { ShardedMap } from './sharded-map';

describe('ShardedMap', () => {
  it('[SHARD-1] behaves like a Map under random edits, and never mutates an old version', () => {
    let m = ShardedMap.empty<number>();
    const ref = new Map<string, number>();
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round++) {
      const before = m;
      const beforeEntries = new Map(before.entries());
      const d = m.edit();
      for (let i = 0; i < 200; i++) {
        const k = `K-${Math.floor(rnd() * 1000)}`;
        if (rnd() < 0.3) {
          d.delete(k);
          ref.delete(k);
        } else {
          d.set(k, round);
          ref.set(k, round);
        }
      }
      m = d.commit();
      expect(m.size).toBe(ref.size);
      expect(new Map(m.entries())).toEqual(ref);
      expect(new Map(before.entries())).toEqual(beforeEntries);
    }
  });

  it('[SHARD-2] an edit without writes returns the same map', () => {
    const m = ShardedMap.empty<number>();
    const d = m.edit();
    d.delete('absent');
    expect(d.commit()).toBe(m);
  });
});
