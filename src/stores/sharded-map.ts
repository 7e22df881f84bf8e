/**
 * An immutable string-keyed map split into fixed shards, with copy-on-write per shard.
 *
 * Why: pure reducers must not mutate, but copying a whole 100,000-entry `Map` every frame
 * that an order changes would cost more than the frame. Here a write copies only the shards
 * it touches plus the shard table, so a frame of events copies at most one small shard per
 * event.
 *
 * Iteration order is by shard, not insertion: consumers that show a list sort it anyway.
 */

const SHARD_BITS = 12;
const SHARDS = 1 << SHARD_BITS;
const MASK = SHARDS - 1;

/** FNV-1a over UTF-16 code units, folded to a shard index. */
function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> SHARD_BITS) ^ (h >>> 20)) & MASK;
}

type Shard<V> = ReadonlyMap<string, V> | undefined;

export class ShardedMap<V> implements Iterable<[string, V]> {
  static empty<V>(): ShardedMap<V> {
    return new ShardedMap<V>(new Array<Shard<V>>(SHARDS).fill(undefined), 0);
  }

  private constructor(
    private readonly shards: readonly Shard<V>[],
    readonly size: number,
  ) {}

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]?.has(key) ?? false;
  }

  /** Fastest full scan (no generator). */
  forEach(fn: (value: V, key: string) => void): void {
    for (const shard of this.shards) if (shard) shard.forEach(fn);
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) if (shard) yield* shard.entries();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) if (shard) yield* shard.values();
  }

  *keys(): IterableIterator<string> {
    for (const shard of this.shards) if (shard) yield* shard.keys();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** A draft that copies each touched shard once; `commit()` returns the new map. */
  edit(): ShardedMapDraft<V> {
    return new ShardedMapDraft(
      this,
      this.shards,
      this.size,
      (shards, size) => new ShardedMap(shards, size),
    );
  }
}

export class ShardedMapDraft<V> {
  private shards: Shard<V>[] | undefined;
  private readonly owned = new Set<number>();

  constructor(
    private readonly base: ShardedMap<V>,
    private readonly baseShards: readonly Shard<V>[],
    private size: number,
    private readonly make: (shards: readonly Shard<V>[], size: number) => ShardedMap<V>,
  ) {}

  get(key: string): V | undefined {
    return (this.shards ?? this.baseShards)[shardOf(key)]?.get(key);
  }

  private writable(index: number): Map<string, V> {
    this.shards ??= this.baseShards.slice();
    let shard = this.shards[index] as Map<string, V> | undefined;
    if (!this.owned.has(index)) {
      shard = new Map(shard);
      this.shards[index] = shard;
      this.owned.add(index);
    }
    return shard as Map<string, V>;
  }

  set(key: string, value: V): void {
    const shard = this.writable(shardOf(key));
    if (!shard.has(key)) this.size += 1;
    shard.set(key, value);
  }

  delete(key: string): void {
    const index = shardOf(key);
    if (!(this.shards ?? this.baseShards)[index]?.has(key)) return;
    this.writable(index).delete(key);
    this.size -= 1;
  }

  /** The edited map, or the original when nothing was written. */
  commit(): ShardedMap<V> {
    return this.shards ? this.make(this.shards, this.size) : this.base;
  }
}
