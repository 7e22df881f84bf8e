import { describe, expect, it } from 'vitest';
import { readAccountsList } from './accounts-list';

const ours = {
  accountId: 'A-10001',
  accountType: 'MARGIN',
  accountClass: 'INDIVIDUAL',
  optionsLevel: 'LEVEL_3',
};
const expected = {
  accounts: [
    {
      accountId: 'A-10001',
      accountType: 'MARGIN',
      accountClass: 'INDIVIDUAL',
      optionsLevel: 'LEVEL_3',
    },
  ],
  choices: [],
};

/** The broker's documented REST user-accounts record, verbatim in its fields. */
const restRecord = {
  id: 1,
  fdid: 'FDID-EXAMPLE',
  apex_account_id: 'APEX-EXAMPLE',
  sterling_account_id: 'STERLING-EXAMPLE',
  status: 'OPEN',
  is_sim: false,
  account_type: 'INDIVIDUAL',
  account_class: 'MARGIN',
};

describe('accounts list', () => {
  it('[ACCT-LIST-1] ours, a bare array and {data} read the same', () => {
    expect(readAccountsList({ accounts: [ours] })).toEqual(expected);
    expect(readAccountsList([ours])).toEqual(expected);
    expect(readAccountsList({ data: [ours] })).toEqual(expected);
  });

  it('[ACCT-LIST-2] the REST record: account_type/account_class swap meanings; account_id is the id', () => {
    expect(readAccountsList({ accounts: [{ ...restRecord, account_id: 'A-7' }] })).toEqual({
      accounts: [
        { accountId: 'A-7', accountType: 'MARGIN', accountClass: 'INDIVIDUAL', status: 'OPEN' },
      ],
      choices: [],
    });
  });

  it('[ACCT-LIST-3] a REST record with no socket account id offers its external ids, never its numeric id', () => {
    expect(readAccountsList({ accounts: [restRecord] })).toEqual({
      accounts: [],
      choices: ['FDID-EXAMPLE', 'APEX-EXAMPLE', 'STERLING-EXAMPLE'],
    });
  });

  it('[ACCT-LIST-4] junk bodies and records read as an empty list, not an error', () => {
    for (const body of [null, 42, 'x', {}, { accounts: 'no' }, [null, 1, 'a']])
      expect(readAccountsList(body)).toEqual({ accounts: [], choices: [] });
  });
});
