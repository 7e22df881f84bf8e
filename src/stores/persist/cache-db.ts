/**
 * The IndexedDB side of the account cache (through `idb`). One database per origin:
 *
 *   accounts  one AccountCacheRecord per identity|account (cache-record.ts)
 *   meta      { key: 'owner', identity, accounts } — whose data this is, and the accounts
 *             list the header's switcher showed
 *
 * The database holds one identity at a time: opening it for another one empties it first,
 * so user B can never read user A's records even by a bug in a key. The IndexedDB version is
 * the record schema version; an upgrade drops every store, discarding old-shaped data.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AccountInfo } from '../../protocol';
import { AccountInfoSchema } from '../../protocol';
import { z } from '../../protocol/zod';
import { CACHE_SCHEMA_VERSION, readAccountRecord, type AccountCacheRecord } from './cache-record';

export const CACHE_DB_NAME = 'aries-account-cache';

type OwnerRecord = { key: 'owner'; identity: string; accounts?: AccountInfo[] };

interface CacheSchema extends DBSchema {
  accounts: { key: string; value: AccountCacheRecord; indexes: { identity: string } };
  meta: { key: string; value: OwnerRecord };
}

export type CachedState = { records: AccountCacheRecord[]; accounts: AccountInfo[] | undefined };

export type CacheDb = {
  /** This identity's records; another identity's data is deleted first. */
  load(): Promise<CachedState>;
  /** Replace these accounts' records (one transaction). */
  put(records: readonly AccountCacheRecord[]): Promise<void>;
  /** Remember the accounts list (what the switcher shows) for the next start. */
  putAccounts(accounts: readonly AccountInfo[]): Promise<void>;
  close(): void;
};

const AccountsSchema = z.array(AccountInfoSchema).max(100);

function open(name: string): Promise<IDBPDatabase<CacheSchema>> {
  return openDB<CacheSchema>(name, CACHE_SCHEMA_VERSION, {
    upgrade(db) {
      // Any older schema: start empty rather than migrate a cache.
      for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
      db.createObjectStore('accounts', { keyPath: 'id' }).createIndex('identity', 'identity');
      db.createObjectStore('meta', { keyPath: 'key' });
    },
    blocking(_current, _next, event) {
      // Another context wants to delete or upgrade (sign-out): let it, at once.
      (event.target as IDBDatabase).close();
    },
  });
}

export async function openCacheDb(identity: string, name = CACHE_DB_NAME): Promise<CacheDb> {
  const db = await open(name);
  return {
    async load() {
      const tx = db.transaction(['accounts', 'meta'], 'readwrite');
      const owner = await tx.objectStore('meta').get('owner');
      if (owner?.identity !== identity) {
        // [CACHE-3] Signed in as someone else: nothing of the previous user survives.
        await tx.objectStore('accounts').clear();
        await tx.objectStore('meta').put({ key: 'owner', identity });
        await tx.done;
        return { records: [], accounts: undefined };
      }
      const values = await tx.objectStore('accounts').index('identity').getAll(identity);
      await tx.done;
      const records = values.flatMap((v) => readAccountRecord(v, identity) ?? []);
      const accounts = AccountsSchema.safeParse(owner.accounts);
      return { records, accounts: accounts.success ? accounts.data : undefined };
    },
    async put(records) {
      if (records.length === 0) return;
      const tx = db.transaction(['accounts', 'meta'], 'readwrite');
      const owner = await tx.objectStore('meta').get('owner');
      // Cleared or taken over since load(): write nothing rather than resurrect data.
      if (owner?.identity !== identity) return tx.done;
      const store = tx.objectStore('accounts');
      for (const r of records) if (r.identity === identity) void store.put(r);
      await tx.done;
    },
    async putAccounts(accounts) {
      const tx = db.transaction('meta', 'readwrite');
      const owner = await tx.store.get('owner');
      if (owner?.identity !== identity) return tx.done;
      await tx.store.put({ ...owner, accounts: [...accounts] });
      await tx.done;
    },
    close: () => db.close(),
  };
}

/** [CACHE-4] Sign-out: the whole database goes (open connections close themselves). */
export async function deleteCacheDb(name = CACHE_DB_NAME): Promise<void> {
  await deleteDB(name);
}
