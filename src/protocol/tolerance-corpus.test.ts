/** The REST bodies of the tolerance corpus read as ours (the session-level corpus is in src/socket). */
import { describe, expect, it } from 'vitest';
import { readAccountsList } from './accounts-list';
import { ACCOUNTS_BODY_SPELLINGS } from './tolerance-corpus';

describe('tolerance corpus: REST bodies', () => {
  const ours = {
    accounts: [
      {
        accountId: 'A-10001',
        accountType: 'MARGIN',
        accountClass: 'INDIVIDUAL',
        optionsLevel: 'LEVEL_3',
        status: 'OPEN',
      },
      {
        accountId: 'A-10002',
        accountType: 'CASH',
        accountClass: 'JOINT',
        optionsLevel: 'LEVEL_0',
        status: 'OPEN',
      },
    ],
  };
  for (const spelling of ACCOUNTS_BODY_SPELLINGS) {
    it(`[CORPUS-REST] accounts list as ${spelling.name}`, () => {
      expect(readAccountsList(spelling.respell(ours))).toEqual(readAccountsList(ours));
      expect(readAccountsList(ours).accounts).toHaveLength(2);
    });
  }
});
