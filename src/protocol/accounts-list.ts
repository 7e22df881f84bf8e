/**
 * The `GET /v1/accounts` body, in every spelling the contract tolerates: ours
 * (`{accounts:[AccountInfo]}`), a bare array, `{data:[…]}`, and the broker's REST user-accounts
 * record (snake_case, a numeric `id`, several external ids, and `account_type`/`account_class`
 * carrying what the socket calls `accountClass`/`accountType`). The socket's `accountId` is
 * taken from `accountId`, then `account_id`; never from the numeric `id` or a guessed external
 * id. A record without one offers its external ids as choices for the user instead.
 */
import {
  ACCOUNT_CLASSES,
  ACCOUNT_TYPES,
  OPTIONS_LEVELS,
  type AccountClass,
  type AccountType,
  type OptionsLevel,
} from './codes';

/** One account the list names; only `accountId` is sure, the rest shows when known. */
export type ListedAccount = {
  accountId: string;
  accountType?: AccountType;
  accountClass?: AccountClass;
  optionsLevel?: OptionsLevel;
  status?: string;
  displayName?: string;
};

export type AccountsListing = {
  accounts: ListedAccount[];
  /**
   * Ids of records that carry no socket account id (the broker's external ids): what the user
   * may pick from, or type another, since which one the socket uses is not documented.
   */
  choices: string[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  return undefined;
}

function oneOf<T extends string>(values: readonly T[], ...candidates: unknown[]): T | undefined {
  for (const c of candidates) {
    const s = text(c)?.toUpperCase();
    if (s !== undefined && (values as readonly string[]).includes(s)) return s as T;
  }
  return undefined;
}

function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isObj(body)) return [];
  for (const k of ['accounts', 'data']) {
    const v = body[k];
    if (Array.isArray(v)) return v;
    if (isObj(v) && Array.isArray(v.accounts)) return v.accounts;
  }
  return [];
}

/** External ids a record offers when it has no `accountId`: `fdid` and every `*_account_id`. */
function externalIds(r: Obj): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(r)) {
    const s = text(v);
    if (s !== undefined && (k === 'fdid' || k.endsWith('_account_id'))) out.push(s);
  }
  return out;
}

export function readAccountsList(body: unknown): AccountsListing {
  const accounts: ListedAccount[] = [];
  const choices: string[] = [];
  for (const raw of recordsOf(body)) {
    if (!isObj(raw)) continue;
    const accountId = text(raw.accountId) ?? text(raw.account_id);
    if (accountId === undefined) {
      for (const id of externalIds(raw)) if (!choices.includes(id)) choices.push(id);
      continue;
    }
    const a: ListedAccount = { accountId };
    // The REST record's account_class is the socket's accountType (MARGIN) and vice versa.
    const accountType = oneOf(ACCOUNT_TYPES, raw.accountType, raw.account_class);
    const accountClass = oneOf(ACCOUNT_CLASSES, raw.accountClass, raw.account_type);
    const optionsLevel = oneOf(OPTIONS_LEVELS, raw.optionsLevel, raw.options_level);
    const status = text(raw.status);
    const displayName = text(raw.displayName) ?? text(raw.display_name);
    if (accountType) a.accountType = accountType;
    if (accountClass) a.accountClass = accountClass;
    if (optionsLevel) a.optionsLevel = optionsLevel;
    if (status) a.status = status;
    if (displayName) a.displayName = displayName;
    if (!accounts.some((x) => x.accountId === accountId)) accounts.push(a);
  }
  return { accounts, choices };
}
